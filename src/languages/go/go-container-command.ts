/**
 * Go builds done at container start-up (`go run .`, `go build -o app . && ./app`, a code
 * generator before them) move into the builder and the command runs the binary; the lines are
 * then resolved like every artifact's (src/plan/artifact-command.ts).
 */
import { posix as path } from 'path';
import type { CommandLine } from '../../analyze/container-command';
import { programName, type ShellCommand } from '../../analyze/shell-commands';
import type { StageFacts } from '../../analyze/stage-facts';
import { shellQuote as quote } from '../../plan/container-command';
import { shellRun, StageNode } from '../../plan/stage-model';
import type { Decision } from '../../plan/plan-types';
import { moveStartupBuilds, StartupMove } from '../../plan/startup-builds';
import { goOutputs, GoProject, goTargets } from './go-binaries';
import { buildFlagsText, GoCommand, parseGoCommand } from './go-commands';
import type { GoSettings } from './go-settings';

export interface StartupBuilds {
  lines: CommandLine[];
  /** RUNs for the builder (the builds the container did when it started). */
  builderRuns: StageNode[];
  goCommands: GoCommand[];
  binaries: string[];
  decisions: Decision[];
  problem?: string;
}

/** Moves `go run` / `go build` out of ENTRYPOINT/CMD into builder RUN lines. */
export function moveGoStartupBuilds(
  facts: StageFacts,
  cwd: string,
  project: GoProject,
  binDir: string,
  settings: Pick<GoSettings, 'generators' | 'goOptions'>,
): StartupBuilds {
  const result: Omit<StartupBuilds, 'lines'> = {
    builderRuns: [],
    goCommands: [],
    binaries: [],
    decisions: [],
  };
  const isGo = (c: ShellCommand) => c.words[0] !== undefined && path.basename(c.words[0]) === 'go';
  const parse = (c: ShellCommand) =>
    isGo(c) ? parseGoCommand({ ...c, words: ['go', ...c.words.slice(1)] }, settings.goOptions) : null;
  const move = (c: ShellCommand, go: GoCommand | null, subject: string): StartupMove => {
    if (go && go.verb === 'run') {
      const built = runToBuild(go, cwd, project, binDir);
      result.builderRuns.push(shellRun(built.run));
      result.goCommands.push(go);
      result.binaries.push(built.binary);
      result.decisions.push({
        subject,
        placement: 'builder',
        why: `"${c.text}" compiled the program at every start: the builder runs "${built.run}" once`,
      });
      result.decisions.push({
        subject,
        placement: 'runtime',
        why: `the command runs the binary ${built.binary} instead of go run`,
      });
      return { keep: [built.binary, ...go.programArgs].map(shellWord).join(' ') };
    }
    if (go || isGo(c)) {
      result.builderRuns.push(shellRun(c.text));
      if (go) {
        result.goCommands.push(go);
        result.binaries.push(...goOutputs(go, cwd, project));
      }
      result.decisions.push({
        subject,
        placement: 'builder',
        why: `"${c.text}" ran at every start: it runs once in the builder`,
      });
      result.decisions.push({ subject, placement: 'runtime', why: `the command no longer runs "${c.text}"` });
      return { keep: null };
    }
    if (!settings.generators.includes(programName(c))) return { keep: c.text };
    // `swag init && go run .`: code generation belongs to the build.
    result.builderRuns.push(shellRun(c.text));
    result.decisions.push({
      subject,
      placement: 'builder',
      why: `"${c.text}" generates code for the build: it runs once in the builder`,
    });
    return { keep: null };
  };
  const moved = moveStartupBuilds(facts, parse, move);
  return { ...result, ...moved };
}

/** `go run [flags] pkg args` → `go build [flags] -o <binDir>/<name> pkg`. */
function runToBuild(
  go: GoCommand,
  cwd: string,
  project: GoProject,
  binDir: string,
): { run: string; binary: string } {
  const files = go.packages.length > 0 && go.packages.every((p) => p.endsWith('.go'));
  const named = files
    ? goTargets(
        {
          ...go,
          packages: [path.dirname(go.packages[0]) === '.' ? '.' : `./${path.dirname(go.packages[0])}`],
        },
        cwd,
        project,
      )
    : goTargets(go, cwd, project);
  const binary = path.join(binDir, named[0]?.name ?? 'app');
  const env = go.env.assignments.map((a) => `${a.name}=${quote(a.value)}`);
  const run = [...env, 'go build', buildFlagsText(go), `-o ${binary}`, ...go.packages.map(quote)]
    .filter(Boolean)
    .join(' ');
  return { run, binary };
}

function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./$-]+$/.test(word) ? word : `"${word.replace(/(["\\`])/g, '\\$1')}"`;
}
