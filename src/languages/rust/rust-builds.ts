/**
 * The binaries the Dockerfile's RUN lines build: every cargo build/install in order, followed
 * to where a `cp`/`mv`/`install` puts them (src/plan/built-binaries.ts).
 */
import { posix as path } from 'path';
import type { StageFacts } from '../../analyze/stage-facts';
import { builtBinaries } from '../../plan/built-binaries';
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
  builds.binaries = builtBinaries<BuiltBinary & { line: number }>(facts, {
    outputs(command, cwd, run, tracked) {
      const cargo = parseCargoCommand(command, setting.cargoOptions);
      if (!cargo) return null;
      builds.commands.push(cargo);
      const line = run.instruction.line + 1;
      const outputs = cargoOutputs(cargo, cwd, setting);
      if (!outputs.ok) {
        builds.problems.push(`line ${line}: ${outputs.reason}`);
        return [];
      }
      return outputs.binaries
        .filter(
          (b, i, all) =>
            !tracked.some((t) => t.path === b.path) && all.findIndex((o) => o.path === b.path) === i,
        )
        .map((b) => ({ ...b, line }));
    },
    movedTo: (b, to) => ({ ...b, path: to, name: path.basename(to) }),
  });
  return builds;
}
