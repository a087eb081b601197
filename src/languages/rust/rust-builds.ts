/**
 * The binaries the Dockerfile's RUN lines build: every cargo build/install in order (with the
 * directory `cd` moved to), then `cp`/`mv`/`install` of a built binary followed to where it
 * ends up (`cp target/release/app /usr/local/bin/`).
 */
import { posix as path } from 'path';
import { programName } from '../../analyze/shell-commands';
import type { StageFacts } from '../../analyze/stage-facts';
import { CargoCommand, parseCargoCommand } from './cargo-commands';
import { BuiltBinary, CargoBuildSetting, cargoOutputs } from './cargo-outputs';

export interface RustBuilds {
  commands: CargoCommand[];
  binaries: (BuiltBinary & { line: number })[];
  /** Builds msb could not follow, with the reason. */
  problems: string[];
}

export function rustBuilds(facts: StageFacts, setting: CargoBuildSetting): RustBuilds {
  const builds: RustBuilds = { commands: [], binaries: [], problems: [] };
  for (const run of facts.runs) {
    let cwd = run.workdir;
    const line = run.instruction.line + 1;
    for (const command of run.commands) {
      const program = programName(command);
      if (program === 'cd' && command.words[1]) cwd = path.resolve(cwd, command.words[1]);
      const cargo = parseCargoCommand(command);
      if (cargo) {
        builds.commands.push(cargo);
        const outputs = cargoOutputs(cargo, cwd, setting);
        if (outputs.ok) {
          for (const binary of outputs.binaries)
            if (!builds.binaries.some((b) => b.path === binary.path))
              builds.binaries.push({ ...binary, line });
        } else builds.problems.push(`line ${line}: ${outputs.reason}`);
      } else if (['cp', 'mv', 'install'].includes(program)) {
        builds.binaries = followMove(command.words, cwd, builds.binaries);
      }
    }
  }
  return builds;
}

/** `mv app /usr/local/bin/` (or cp / install) of a tracked binary: it is (also) at the new path. */
function followMove<T extends { path: string; name: string }>(
  words: string[],
  cwd: string,
  binaries: T[],
): T[] {
  // `install -m 755 from to`: the mode, owner and group options take a value.
  const valued = new Set(['-m', '--mode', '-o', '--owner', '-g', '--group']);
  const args = words.slice(1).filter((w, i, all) => !w.startsWith('-') && !valued.has(all[i - 1]));
  if (args.length !== 2) return binaries;
  const [from, to] = args.map((a) => path.resolve(cwd, a));
  return binaries.flatMap((b) => {
    if (b.path !== from) return [b];
    const target =
      args[1].endsWith('/') || /^\/(usr\/(local\/)?)?s?bin$/.test(to)
        ? path.join(to, path.basename(from))
        : to;
    const moved = { ...b, path: target, name: path.basename(target) };
    return programName({ words, text: '' }) === 'mv' ? [moved] : [b, moved];
  });
}
