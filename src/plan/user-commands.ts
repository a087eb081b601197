/**
 * Users and groups a Dockerfile creates, read from `useradd`/`groupadd` (shadow-utils), Debian's
 * `adduser`/`addgroup` and busybox's `adduser`/`addgroup`, and written back for another image
 * family: a Debian builder's `useradd` must become `adduser -D` on Alpine/busybox, and Debian's
 * `adduser` (absent from the slim images) must become `useradd`.
 */
import { programName, ShellCommand } from '../analyze/shell-commands';

export type UserTool = 'shadow' | 'busybox';

export type UserOperation =
  | { kind: 'group'; name: string; gid: string | null; system: boolean }
  | { kind: 'user'; name: string; uid: string | null; group: string | null; system: boolean; home: string | null; createHome: boolean; shell: string | null }
  | { kind: 'member'; user: string; group: string };

const USER_PROGRAMS = new Set(['useradd', 'adduser', 'groupadd', 'addgroup']);

export function isUserCommand(command: ShellCommand): boolean {
  return USER_PROGRAMS.has(programName(command));
}

/** The operation a user/group command performs, or null when it is not one msb can read. */
export function parseUserCommand(command: ShellCommand): UserOperation | null {
  const program = programName(command);
  const args = command.words.slice(1);
  const busybox = args.some((a) => /^-[A-Za-z]+$/.test(a) && !a.startsWith('--')) && !args.some((a) => a.startsWith('--'));
  switch (program) {
    case 'useradd':
      return shadowUser(args);
    case 'groupadd':
      return group(args, { gid: ['-g', '--gid'], system: ['-r', '--system'] }, ['-K', '--key', '-p', '--password', '-R', '--root', '-P', '--prefix']);
    case 'adduser':
      return busybox ? busyboxUser(args) : debianUser(args);
    case 'addgroup': {
      const parsed = busybox
        ? options(args, ['-g'], ['-S'])
        : options(args, ['--gid', '--conf', '--firstgid', '--lastgid'], ['--system', '--quiet', '--force-badname', '--allow-bad-names', '--allow-all-names']);
      const [first, second] = parsed.positionals;
      if (!first) return null;
      if (second) return { kind: 'member', user: first, group: second };
      return { kind: 'group', name: first, gid: parsed.values.get('-g') ?? parsed.values.get('--gid') ?? null, system: parsed.flags.has('-S') || parsed.flags.has('--system') };
    }
    default:
      return null;
  }
}

/** The commands that perform `operations` with the given tool, in order. */
export function renderUserOperations(operations: readonly UserOperation[], tool: UserTool): string[] {
  const groups = new Set(operations.filter((o) => o.kind === 'group').map((o) => (o as { name: string }).name));
  return operations.map((op) => {
    if (op.kind === 'member') return tool === 'shadow' ? `usermod -aG ${op.group} ${op.user}` : `addgroup ${op.user} ${op.group}`;
    if (op.kind === 'group') {
      return tool === 'shadow'
        ? ['groupadd', op.system ? '--system' : '', op.gid ? `--gid ${op.gid}` : '', op.name].filter(Boolean).join(' ')
        : ['addgroup', op.system ? '-S' : '', op.gid ? `-g ${op.gid}` : '', op.name].filter(Boolean).join(' ');
    }
    // useradd refuses to create a same-named group that already exists: name it instead.
    const group = op.group ?? (groups.has(op.name) ? op.name : null);
    if (tool === 'shadow') {
      return ['useradd', op.system ? '--system' : '', op.uid ? `--uid ${op.uid}` : '', group ? `--gid ${group}` : '', op.home ? `--home-dir ${op.home}` : '', op.createHome ? '--create-home' : '', op.shell ? `--shell ${op.shell}` : '', op.name]
        .filter(Boolean)
        .join(' ');
    }
    return ['adduser -D', op.system ? '-S' : '', op.uid ? `-u ${op.uid}` : '', group ? `-G ${group}` : '', op.home ? `-h ${op.home}` : '', op.createHome ? '' : '-H', op.shell ? `-s ${op.shell}` : '', op.name]
      .filter(Boolean)
      .join(' ');
  });
}

function shadowUser(args: string[]): UserOperation | null {
  const parsed = options(
    args,
    ['-u', '--uid', '-g', '--gid', '-G', '--groups', '-d', '--home-dir', '--home', '-s', '--shell', '-c', '--comment', '-e', '-f', '-k', '-K', '-p', '--password', '-R', '--root', '-b', '--base-dir'],
    ['-m', '--create-home', '-M', '--no-create-home', '-r', '--system', '-N', '--no-user-group', '-U', '--user-group', '-l', '--no-log-init', '-o', '--non-unique'],
  );
  const name = parsed.positionals[0];
  if (!name) return null;
  const value = (...names: string[]) => names.map((n) => parsed.values.get(n)).find((v) => v !== undefined) ?? null;
  return {
    kind: 'user',
    name,
    uid: value('-u', '--uid'),
    group: value('-g', '--gid'),
    system: parsed.flags.has('-r') || parsed.flags.has('--system'),
    home: value('-d', '--home-dir', '--home'),
    createHome: parsed.flags.has('-m') || parsed.flags.has('--create-home'),
    shell: value('-s', '--shell'),
  };
}

function debianUser(args: string[]): UserOperation | null {
  const parsed = options(
    args,
    ['--uid', '--gid', '--ingroup', '--home', '--shell', '--gecos', '--comment', '--conf', '--firstuid', '--lastuid', '--add-extra-groups'],
    ['--system', '--group', '--disabled-password', '--disabled-login', '--no-create-home', '--quiet', '--force-badname', '--allow-bad-names', '--allow-all-names', '--debug'],
  );
  const [name, memberOf] = parsed.positionals;
  if (!name) return null;
  if (memberOf) return { kind: 'member', user: name, group: memberOf };
  const system = parsed.flags.has('--system');
  return {
    kind: 'user',
    name,
    uid: parsed.values.get('--uid') ?? null,
    group: parsed.values.get('--ingroup') ?? parsed.values.get('--gid') ?? null,
    system,
    home: parsed.values.get('--home') ?? null,
    createHome: !parsed.flags.has('--no-create-home') && !system,
    shell: parsed.values.get('--shell') ?? null,
  };
}

function busyboxUser(args: string[]): UserOperation | null {
  const parsed = options(args, ['-h', '-g', '-s', '-G', '-u', '-k'], ['-D', '-S', '-H']);
  const [name, memberOf] = parsed.positionals;
  if (!name) return null;
  if (memberOf) return { kind: 'member', user: name, group: memberOf };
  return {
    kind: 'user',
    name,
    uid: parsed.values.get('-u') ?? null,
    group: parsed.values.get('-G') ?? null,
    system: parsed.flags.has('-S'),
    home: parsed.values.get('-h') ?? null,
    createHome: !parsed.flags.has('-H'),
    shell: parsed.values.get('-s') ?? null,
  };
}

function group(args: string[], names: { gid: string[]; system: string[] }, ignoredWithValue: string[]): UserOperation | null {
  const parsed = options(args, [...names.gid, ...ignoredWithValue], [...names.system, '-f', '--force', '-o', '--non-unique']);
  const name = parsed.positionals[0];
  if (!name) return null;
  return { kind: 'group', name, gid: names.gid.map((n) => parsed.values.get(n)).find((v) => v !== undefined) ?? null, system: names.system.some((n) => parsed.flags.has(n)) };
}

/** Splits `args` into valued options, flags (combined short flags like `-SD` included) and positionals. */
function options(args: string[], withValue: string[], flags: string[]): { values: Map<string, string>; flags: Set<string>; positionals: string[] } {
  const result = { values: new Map<string, string>(), flags: new Set<string>(), positionals: [] as string[] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      result.values.set(arg.slice(0, eq), arg.slice(eq + 1));
    } else if (withValue.includes(arg)) {
      result.values.set(arg, args[++i] ?? '');
    } else if (/^-[A-Za-z]{2,}$/.test(arg) && [...arg.slice(1)].every((c) => flags.includes(`-${c}`))) {
      [...arg.slice(1)].forEach((c) => result.flags.add(`-${c}`));
    } else if (/^-[A-Za-z]{2,}$/.test(arg) && [...arg.slice(1, -1)].every((c) => flags.includes(`-${c}`)) && withValue.includes(`-${arg.slice(-1)}`)) {
      // `useradd -ms /bin/bash app`: flags, then one option that takes the next word
      [...arg.slice(1, -1)].forEach((c) => result.flags.add(`-${c}`));
      result.values.set(`-${arg.slice(-1)}`, args[++i] ?? '');
    } else if (/^-[A-Za-z]\S+$/.test(arg) && withValue.includes(arg.slice(0, 2))) {
      result.values.set(arg.slice(0, 2), arg.slice(2));
    } else if (arg.startsWith('-')) {
      result.flags.add(arg);
    } else {
      result.positionals.push(arg);
    }
  }
  return result;
}
