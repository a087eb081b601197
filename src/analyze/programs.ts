/**
 * What msb knows about the generic programs of a container command or a RUN, as data: which
 * programs are shells, which wrap another command (init systems, user switchers, `env`), which
 * create users, and the option tables of the system tools every language meets.
 */
import { posix as path } from 'path';
import type { OptionTable } from './argv';

/** Program names (without their directory) that are POSIX-like shells. */
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);

/** `/bin/sh`, `bash`, `/usr/bin/dash`: a shell. `./run.sh` is a script, not a shell. */
export function isShellProgram(word: string): boolean {
  return SHELLS.has(path.basename(word));
}

/** `./entrypoint.sh`, `/run.bash`: a shell script run as a program (it needs a shell in the image). */
export function isShellScript(word: string): boolean {
  return /\.(sh|bash)$/.test(word);
}

export interface Wrapper {
  /** Its options (read until the first operand). */
  options: OptionTable;
  /** Operands it takes before the command it runs (`gosu USER cmd`: 1). */
  operands: number;
  /** Leading `NAME=value` words are its own (`env A=1 cmd`). */
  assignments?: boolean;
  /** A script of this name in the base image; a file the Dockerfile copies under that name is the user's own. */
  imageScript?: boolean;
  /**
   * A process manager that runs one script (`pm2-runtime start app.js -i 2 -- --port 80`): its options
   * may come anywhere, the script's own arguments follow `--`, `subcommands` are skipped, and an
   * operand matching `configFile` names its own configuration (the script is not known: kept whole).
   */
  script?: { subcommands: readonly string[]; configFile: RegExp };
  /** What it does to the environment the command inherits (read by src/analyze/command-env.ts). */
  environment?: {
    /** Options after which the command inherits nothing (`env -i`). */
    clear?: readonly string[];
    /** A lone `-` operand clears it too (`env - cmd`). */
    dash?: boolean;
    /** Options naming a variable it removes (`env -u NAME`). */
    unset?: readonly string[];
    /** It passes nothing unless one of these options is given (sudo's env_reset): bare, everything; `=A,B`, those names. */
    preserve?: readonly string[];
  };
}

/** pm2's container entry points: the script they run is the command (pm2 stays in the image to run it). */
const PROCESS_MANAGER: Wrapper = {
  options: {
    valued: [
      '-i',
      '--instances',
      '-n',
      '--name',
      '--env',
      '--node-args',
      '--interpreter',
      '--interpreter-args',
      '--max-memory-restart',
      '--cwd',
      '--log-date-format',
      '-o',
      '--output',
      '-e',
      '--error',
      '-l',
      '--log',
      '--public',
      '--secret',
      '--machine-name',
      '--deep-monitoring',
    ],
  },
  operands: 0,
  script: { subcommands: ['start'], configFile: /(^|\/)ecosystem[^/]*$|\.config\.[cm]?js$|\.(json|ya?ml)$/ },
};

/** Programs that run the command given as their arguments, as PID 1 or as another user. */
export const WRAPPERS: Readonly<Record<string, Wrapper>> = {
  tini: { options: { valued: ['-p', '-e'], stopAtOperand: true }, operands: 0 },
  'dumb-init': { options: { valued: ['-r', '--rewrite'], stopAtOperand: true }, operands: 0 },
  gosu: { options: { stopAtOperand: true }, operands: 1 },
  'su-exec': { options: { stopAtOperand: true }, operands: 1 },
  chamber: { options: { valued: ['-r', '--retries'], stopAtOperand: true }, operands: 0 },
  envconsul: {
    options: { valued: ['-config', '-prefix', '-consul-addr'], stopAtOperand: true, singleDash: true },
    operands: 0,
  },
  exec: { options: { valued: ['-a'], stopAtOperand: true }, operands: 0 },
  env: {
    options: {
      valued: ['-u', '--unset', '-C', '--chdir', '-S', '--split-string'],
      flags: ['-i', '--ignore-environment', '-0', '--null', '-v', '--debug'],
      aliases: { '--unset': '-u', '--ignore-environment': '-i' },
      clusters: true,
      glued: ['-u', '-C', '-S'],
      stopAtOperand: true,
    },
    operands: 0,
    assignments: true,
    environment: { clear: ['-i'], dash: true, unset: ['-u'] },
  },
  sudo: {
    options: {
      valued: [
        '-u',
        '--user',
        '-g',
        '--group',
        '-C',
        '--close-from',
        '-D',
        '--chdir',
        '-h',
        '--host',
        '-p',
        '--prompt',
        '-R',
        '--chroot',
        '-T',
        '--command-timeout',
        '-U',
        '--other-user',
      ],
      flags: ['-E', '-H', '-n', '-S', '-b', '-k', '-P', '-A', '-B', '-i', '-s'],
      clusters: true,
      glued: true,
      stopAtOperand: true,
    },
    operands: 0,
    assignments: true,
    environment: { preserve: ['-E', '--preserve-env'] },
  },
  'docker-entrypoint.sh': { options: { stopAtOperand: true }, operands: 0, imageScript: true },
  'pm2-runtime': PROCESS_MANAGER,
  'pm2-docker': PROCESS_MANAGER,
};

/** How each user-creating program belongs to an image family's tools. */
export type UserToolFamily = 'shadow' | 'adduser';

/** Programs that create or change users and groups, with the tool family they come from. */
export const USER_PROGRAMS: Readonly<Record<string, UserToolFamily>> = {
  useradd: 'shadow',
  groupadd: 'shadow',
  usermod: 'shadow',
  groupmod: 'shadow',
  adduser: 'adduser',
  addgroup: 'adduser',
};

export function isUserProgram(program: string): boolean {
  return Object.prototype.hasOwnProperty.call(USER_PROGRAMS, program);
}

/** Option tables of system tools every language meets. */
export const SYSTEM_TOOL_OPTIONS = {
  apt: { valued: ['-t', '--target-release', '-o', '--option', '-c', '--config-file'] },
  apk: {
    valued: ['-X', '--repository', '-t', '--virtual', '-p', '--root', '--repositories-file', '--arch'],
    aliases: { '-t': '--virtual' },
  },
  // Only what tells an install (`-i`, also inside `-Ei`) from dpkg's other actions.
  dpkg: {
    flags: ['-i', '-R', '-E', '-G', '-B', '-O'],
    aliases: { '--install': '-i', '--recursive': '-R' },
    clusters: true,
  },
  useradd: {
    valued: [
      '-u',
      '--uid',
      '-g',
      '--gid',
      '-G',
      '--groups',
      '-d',
      '--home-dir',
      '--home',
      '-s',
      '--shell',
      '-c',
      '--comment',
      '-e',
      '-f',
      '-k',
      '-K',
      '-p',
      '--password',
      '-R',
      '--root',
      '-b',
      '--base-dir',
    ],
    flags: [
      '-m',
      '--create-home',
      '-M',
      '--no-create-home',
      '-r',
      '--system',
      '-N',
      '--no-user-group',
      '-U',
      '--user-group',
      '-l',
      '--no-log-init',
      '-o',
      '--non-unique',
    ],
    aliases: {
      '--uid': '-u',
      '--gid': '-g',
      '--groups': '-G',
      '--home-dir': '-d',
      '--home': '-d',
      '--shell': '-s',
      '--create-home': '-m',
      '--system': '-r',
    },
    clusters: true,
    glued: true,
  },
  groupadd: {
    valued: ['-g', '--gid', '-K', '--key', '-p', '--password', '-R', '--root', '-P', '--prefix'],
    flags: ['-r', '--system', '-f', '--force', '-o', '--non-unique'],
    aliases: { '--gid': '-g', '--system': '-r' },
    clusters: true,
    glued: true,
  },
  usermod: {
    valued: [
      '-g',
      '--gid',
      '-G',
      '--groups',
      '-d',
      '--home',
      '-s',
      '--shell',
      '-u',
      '--uid',
      '-l',
      '--login',
      '-c',
      '--comment',
    ],
    flags: ['-a', '--append', '-m', '--move-home'],
    aliases: { '--groups': '-G', '--append': '-a' },
    clusters: true,
    glued: true,
  },
  /** Debian's adduser/addgroup (long options only). */
  'adduser-debian': {
    valued: [
      '--uid',
      '--gid',
      '--ingroup',
      '--home',
      '--shell',
      '--gecos',
      '--comment',
      '--conf',
      '--firstuid',
      '--lastuid',
      '--firstgid',
      '--lastgid',
      '--add-extra-groups',
    ],
    flags: [
      '--system',
      '--group',
      '--disabled-password',
      '--disabled-login',
      '--no-create-home',
      '--quiet',
      '--force-badname',
      '--allow-bad-names',
      '--allow-all-names',
      '--debug',
    ],
  },
  /** busybox's adduser and addgroup (short options only; `-g` is the GECOS for one, the gid for the other). */
  'adduser-busybox': {
    valued: ['-h', '-g', '-s', '-G', '-u', '-k'],
    flags: ['-D', '-S', '-H'],
    clusters: true,
    glued: true,
  },
  'addgroup-busybox': { valued: ['-g'], flags: ['-S'], clusters: true, glued: true },
} satisfies Record<string, OptionTable>;
