/**
 * The Go container command in the runtime stage. Builds done at start-up (`go run .`,
 * `go build -o app . && ./app`) move into the builder and the command runs the binary; a
 * simple shell-form command becomes exec form (no shell in distroless/scratch); a binary named
 * by a bare name that the runtime's PATH does not reach (`$GOPATH/bin`) is named by its path.
 */
import { posix as path } from 'path';
import type { CommandForm } from '../../analyze/instruction-args';
import {
  CommandLine,
  commandLines,
  formCommands,
  needsShell,
  runsItsArguments,
  simpleShellArgv,
  splitInstruction,
} from '../../analyze/container-command';
import { isShellScript } from '../../analyze/programs';
import { programName, type ShellCommand } from '../../analyze/shell-commands';
import type { StageFacts } from '../../analyze/stage-facts';
import { findBinary } from '../../plan/built-binaries';
import { shellQuote as quote } from '../../plan/container-command';
import { commandSpec, containerCommand, original, shellRun, StageNode } from '../../plan/stage-model';
import type { Decision } from '../../plan/plan-types';
import { StartupMove, withoutStartupBuilds } from '../../plan/startup-builds';
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
export function moveStartupBuilds(
  facts: StageFacts,
  cwd: string,
  project: GoProject,
  binDir: string,
  settings: Pick<GoSettings, 'generators' | 'goOptions'>,
): StartupBuilds {
  const result: StartupBuilds = { lines: [], builderRuns: [], goCommands: [], binaries: [], decisions: [] };
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
  for (const line of commandLines(facts)) {
    result.lines.push(line);
    const moved = withoutStartupBuilds(line, parse, move);
    if (!moved) continue;
    if ('problem' in moved) return { ...result, problem: moved.problem };
    line.form = moved.form;
    line.rewritten = true;
  }
  return result;
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
  const env = [...go.env].map(([k, v]) => `${k}=${quote(v)}`);
  const run = [...env, 'go build', buildFlagsText(go), `-o ${binary}`, ...go.packages.map(quote)]
    .filter(Boolean)
    .join(' ');
  return { run, binary };
}

export interface ResolvedCommands {
  nodes: StageNode[];
  needsShell: boolean;
  /** The programs the command starts (first word), with the binary each one is, if any. */
  programs: { program: string; binary: string | null }[];
  decisions: Decision[];
}

/**
 * Exec form where the shell adds nothing, binaries named by path where the runtime's PATH
 * would not find them. `originalPath` is the PATH the original image had.
 */
export function resolveCommands(
  lines: CommandLine[],
  binaries: readonly string[],
  workdir: string,
  originalPath: readonly string[],
  runtimePath: readonly string[],
): ResolvedCommands {
  const result: ResolvedCommands = { nodes: [], needsShell: false, programs: [], decisions: [] };
  const converted = lines.map((line) => {
    const form = line.form;
    const changed = line.rewritten === true;
    if (form.form !== 'shell') return { line, form, changed };
    const argv = simpleShellArgv(form.script);
    if (!argv) return { line, form, changed };
    result.decisions.push({
      subject: subjectOf(line),
      placement: 'runtime',
      why: 'shell form without shell syntax becomes exec form: the runtime image has no shell, and the program gets signals directly',
    });
    return { line, form: { form: 'exec', argv } as CommandForm, changed: true };
  });
  // A shell-form ENTRYPOINT ignores CMD; once in exec form, CMD would become its arguments.
  const entrypointNowExec = converted.some(
    (c) =>
      c.line.instruction.keyword === 'ENTRYPOINT' &&
      c.form.form === 'exec' &&
      splitInstruction(c.line.instruction.text).form.form === 'shell',
  );
  // After an exec-form ENTRYPOINT, CMD holds its arguments, unless the ENTRYPOINT is a wrapper that runs them.
  const entrypoint = converted.find((c) => c.line.instruction.keyword === 'ENTRYPOINT');
  const cmdIsArguments =
    entrypoint !== undefined && entrypoint.form.form === 'exec' && !runsItsArguments(entrypoint.form.argv);
  for (const { line, form: initial, changed: initiallyChanged } of converted) {
    let form = initial;
    let changed = initiallyChanged;
    if (line.instruction.keyword === 'CMD' && entrypointNowExec) {
      result.decisions.push({
        subject: subjectOf(line),
        placement: 'dropped',
        why: 'the shell-form ENTRYPOINT ignored CMD; with the exec-form ENTRYPOINT it would become arguments',
      });
      continue;
    }
    if (line.instruction.keyword === 'CMD' && cmdIsArguments) {
      result.nodes.push(
        changed ? containerCommand(line.keyword, commandSpec(form)) : original(line.instruction),
      );
      continue;
    }
    if (form.form === 'exec' && isShellScript(form.argv[0] ?? '')) {
      result.needsShell = true;
      result.programs.push({ program: form.argv[0], binary: null });
    } else if (needsShell(form)) {
      result.needsShell = true;
      for (const c of formCommands(form, { keepWrappers: true }).commands)
        if (c.words[0])
          result.programs.push({
            program: c.words[0],
            binary: findBinary(c.words[0], binaries, workdir, originalPath),
          });
    } else if (form.form === 'exec' && form.argv.length > 0) {
      const program = form.argv[0];
      const binary = findBinary(program, binaries, workdir, originalPath);
      result.programs.push({ program, binary });
      if (binary && !program.includes('/') && !runtimePath.includes(path.dirname(binary))) {
        form = { form: 'exec', argv: [binary, ...form.argv.slice(1)] };
        changed = true;
        result.decisions.push({
          subject: subjectOf(line),
          placement: 'runtime',
          why: `"${program}" was on the builder's PATH in ${path.dirname(binary)}, which the runtime's PATH lacks: the command names ${binary}`,
        });
      }
    }
    result.nodes.push(
      changed ? containerCommand(line.keyword, commandSpec(form)) : original(line.instruction),
    );
  }
  return result;
}

function subjectOf(line: CommandLine): string {
  return `${line.instruction.keyword} (line ${line.instruction.line + 1})`;
}

function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./$-]+$/.test(word) ? word : `"${word.replace(/(["\\`])/g, '\\$1')}"`;
}
