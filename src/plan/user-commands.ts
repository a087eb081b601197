/**
 * Users and groups a Dockerfile creates, read from `useradd`/`groupadd`/`usermod` (shadow-utils),
 * Debian's `adduser`/`addgroup` and busybox's `adduser`/`addgroup`, and written back for another
 * image family: a Debian builder's `useradd` must become `adduser -D` on Alpine/busybox, and
 * Debian's `adduser` (absent from the slim images) must become `useradd`.
 */
import { hasOption, optionValue, parseArgv, ParsedArgv } from '../analyze/argv';
import { isUserProgram, SYSTEM_TOOL_OPTIONS } from '../analyze/programs';
import { programName, ShellCommand } from '../analyze/shell-commands';

export type UserTool = 'shadow' | 'busybox';

export type UserOperation =
  | { kind: 'group'; name: string; gid: string | null; system: boolean }
  | {
      kind: 'user';
      name: string;
      uid: string | null;
      group: string | null;
      system: boolean;
      home: string | null;
      createHome: boolean;
      shell: string | null;
    }
  | { kind: 'member'; user: string; group: string };

export function isUserCommand(command: ShellCommand): boolean {
  return isUserProgram(programName(command));
}

/** The operation a user/group command performs, or null when it is not one msb can read. */
export function parseUserCommand(command: ShellCommand): UserOperation | null {
  const program = programName(command);
  const args = command.words.slice(1);
  // busybox takes short options only; Debian's adduser long ones only.
  const busybox = args.some((a) => /^-[A-Za-z]+$/.test(a)) && !args.some((a) => a.startsWith('--'));
  switch (program) {
    case 'useradd':
      return shadowUser(parseArgv(args, SYSTEM_TOOL_OPTIONS.useradd));
    case 'groupadd':
      return group(parseArgv(args, SYSTEM_TOOL_OPTIONS.groupadd), '-g', '-r');
    case 'usermod':
      return membership(parseArgv(args, SYSTEM_TOOL_OPTIONS.usermod));
    case 'adduser':
      return busybox
        ? busyboxUser(parseArgv(args, SYSTEM_TOOL_OPTIONS['adduser-busybox']))
        : debianUser(parseArgv(args, SYSTEM_TOOL_OPTIONS['adduser-debian']));
    case 'addgroup': {
      const parsed = busybox
        ? parseArgv(args, SYSTEM_TOOL_OPTIONS['addgroup-busybox'])
        : parseArgv(args, SYSTEM_TOOL_OPTIONS['adduser-debian']);
      const [first, second] = parsed.operands;
      if (first && second) return { kind: 'member', user: first, group: second };
      return group(parsed, busybox ? '-g' : '--gid', busybox ? '-S' : '--system');
    }
    default:
      return null;
  }
}

/** The commands that perform `operations` with the given tool, in order. */
export function renderUserOperations(operations: readonly UserOperation[], tool: UserTool): string[] {
  const groups = new Set(
    operations.filter((o) => o.kind === 'group').map((o) => (o as { name: string }).name),
  );
  return operations.map((op) => {
    if (op.kind === 'member')
      return tool === 'shadow' ? `usermod -aG ${op.group} ${op.user}` : `addgroup ${op.user} ${op.group}`;
    if (op.kind === 'group') {
      return tool === 'shadow'
        ? ['groupadd', op.system ? '--system' : '', op.gid ? `--gid ${op.gid}` : '', op.name]
            .filter(Boolean)
            .join(' ')
        : ['addgroup', op.system ? '-S' : '', op.gid ? `-g ${op.gid}` : '', op.name]
            .filter(Boolean)
            .join(' ');
    }
    // useradd refuses to create a same-named group that already exists: name it instead.
    const group = op.group ?? (groups.has(op.name) ? op.name : null);
    if (tool === 'shadow') {
      return [
        'useradd',
        op.system ? '--system' : '',
        op.uid ? `--uid ${op.uid}` : '',
        group ? `--gid ${group}` : '',
        op.home ? `--home-dir ${op.home}` : '',
        op.createHome ? '--create-home' : '',
        op.shell ? `--shell ${op.shell}` : '',
        op.name,
      ]
        .filter(Boolean)
        .join(' ');
    }
    return [
      'adduser -D',
      op.system ? '-S' : '',
      op.uid ? `-u ${op.uid}` : '',
      group ? `-G ${group}` : '',
      op.home ? `-h ${op.home}` : '',
      op.createHome ? '' : '-H',
      op.shell ? `-s ${op.shell}` : '',
      op.name,
    ]
      .filter(Boolean)
      .join(' ');
  });
}

function shadowUser(parsed: ParsedArgv): UserOperation | null {
  const name = parsed.operands[0];
  if (!name) return null;
  return {
    kind: 'user',
    name,
    uid: optionValue(parsed, '-u'),
    group: optionValue(parsed, '-g'),
    system: hasOption(parsed, '-r'),
    home: optionValue(parsed, '-d'),
    createHome: hasOption(parsed, '-m'),
    shell: optionValue(parsed, '-s'),
  };
}

function debianUser(parsed: ParsedArgv): UserOperation | null {
  const [name, memberOf] = parsed.operands;
  if (!name) return null;
  if (memberOf) return { kind: 'member', user: name, group: memberOf };
  const system = hasOption(parsed, '--system');
  return {
    kind: 'user',
    name,
    uid: optionValue(parsed, '--uid'),
    group: optionValue(parsed, '--ingroup') ?? optionValue(parsed, '--gid'),
    system,
    home: optionValue(parsed, '--home'),
    createHome: !hasOption(parsed, '--no-create-home') && !system,
    shell: optionValue(parsed, '--shell'),
  };
}

function busyboxUser(parsed: ParsedArgv): UserOperation | null {
  const [name, memberOf] = parsed.operands;
  if (!name) return null;
  if (memberOf) return { kind: 'member', user: name, group: memberOf };
  return {
    kind: 'user',
    name,
    uid: optionValue(parsed, '-u'),
    group: optionValue(parsed, '-G'),
    system: hasOption(parsed, '-S'),
    home: optionValue(parsed, '-h'),
    createHome: !hasOption(parsed, '-H'),
    shell: optionValue(parsed, '-s'),
  };
}

function group(parsed: ParsedArgv, gid: string, system: string): UserOperation | null {
  const name = parsed.operands[0];
  if (!name) return null;
  return { kind: 'group', name, gid: optionValue(parsed, gid), system: hasOption(parsed, system) };
}

/** `usermod -aG docker app`: the user joins one group. */
function membership(parsed: ParsedArgv): UserOperation | null {
  const groups = optionValue(parsed, '-G');
  const user = parsed.operands[0];
  return user && groups && !groups.includes(',') && parsed.operands.length === 1
    ? { kind: 'member', user, group: groups }
    : null;
}
