/**
 * The binaries a builder's RUN lines make, for artifact strategies: each RUN's commands are read
 * in order in the directory `cd` moved to, the strategy's reader names what a build command
 * writes, and a later `cp`/`mv`/`install` of a tracked binary is followed to where it ends up
 * (`cp target/release/app /usr/local/bin/`).
 */
import { posix as path } from 'path';
import { programName, type ShellCommand } from '../analyze/shell-commands';
import type { RunFacts, StageFacts } from '../analyze/stage-facts';

/** `install -m 755 from to`: the options of `install` that take a value. */
const INSTALL_VALUED = new Set(['-m', '--mode', '-o', '--owner', '-g', '--group']);
/** A copy into one of these lands in the folder even without a trailing slash. */
const BIN_DIR = /^\/(usr\/(local\/)?)?s?bin$/;

export interface BuildReader<T extends { path: string }> {
  /** What a build command run in `cwd` writes; null when the command is not a build. */
  outputs(command: ShellCommand, cwd: string, run: RunFacts, tracked: readonly T[]): T[] | null;
  /** The directory a RUN starts in (default: its WORKDIR). */
  cwd?(run: RunFacts): string;
  /** The binary once copied or moved to `to` (default: the same with the new path). */
  movedTo?(binary: T, to: string): T;
}

export function builtBinaries<T extends { path: string }>(facts: StageFacts, reader: BuildReader<T>): T[] {
  let tracked: T[] = [];
  for (const { run, command, cwd } of runCommands(facts.runs, reader.cwd)) {
    const outputs = reader.outputs(command, cwd, run, tracked);
    if (outputs) tracked.push(...outputs);
    else if (['cp', 'mv', 'install'].includes(programName(command)))
      tracked = followMove(command, cwd, tracked, reader.movedTo ?? ((b, to) => ({ ...b, path: to })));
  }
  return tracked;
}

/** Each command of the RUN lines with the directory it runs in: the RUN's (`startDir`), then where `cd` moved. */
export function* runCommands(
  runs: readonly RunFacts[],
  startDir: (run: RunFacts) => string = (run) => run.workdir,
): Generator<{ run: RunFacts; command: ShellCommand; cwd: string }> {
  for (const run of runs) {
    let cwd = startDir(run);
    for (const command of run.commands) {
      if (programName(command) === 'cd' && command.words[1]) cwd = path.resolve(cwd, command.words[1]);
      yield { run, command, cwd };
    }
  }
}

/** `mv app /usr/local/bin/` of a tracked binary: it is at the new path (`cp`, `install`: also there). */
function followMove<T extends { path: string }>(
  command: ShellCommand,
  cwd: string,
  tracked: T[],
  movedTo: (binary: T, to: string) => T,
): T[] {
  const { words } = command;
  const args = words.slice(1).filter((w, i, all) => !w.startsWith('-') && !INSTALL_VALUED.has(all[i - 1]));
  if (args.length !== 2) return tracked;
  const [from, to] = args.map((a) => path.resolve(cwd, a));
  return tracked.flatMap((b) => {
    if (b.path !== from) return [b];
    const target = args[1].endsWith('/') || BIN_DIR.test(to) ? path.join(to, path.basename(from)) : to;
    const moved = movedTo(b, target);
    return programName(command) === 'mv' ? [moved] : [b, moved];
  });
}

/** The binary a command's program is: by path against the WORKDIR, or by name on `searchPath`. */
export function findBinary(
  program: string,
  binaries: readonly string[],
  workdir: string,
  searchPath: readonly string[],
): string | null {
  if (program.includes('/')) {
    const absolute = path.resolve(workdir, program);
    return binaries.find((b) => b === absolute) ?? null;
  }
  return searchPath.map((dir) => path.join(dir, program)).find((c) => binaries.includes(c)) ?? null;
}

/** The folders of a PATH value, with `$PATH` standing for `inherited` (also the whole answer when unset). */
export function pathDirs(value: string | undefined, inherited: readonly string[]): string[] {
  if (!value) return [...inherited];
  return value
    .split(':')
    .flatMap((d) => (d === '$PATH' || d === '${PATH}' ? inherited : [d]))
    .filter(Boolean);
}
