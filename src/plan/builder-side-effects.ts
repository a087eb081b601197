/**
 * What a builder RUN leaves outside the folders the runtime stage copies, that the running app
 * still needs: a program downloaded or unpacked into a system bin folder that the container
 * command runs (`wget … -O /usr/local/bin/dockerize`, `tar -C /usr/local/bin -xzf …`), and
 * directories created next to build steps (`apt-get install … && mkdir /var/log/app`). The first
 * is copied from the builder, the second replayed. RUNs that only set up users and directories
 * are replayed whole by `userSetupRuns`.
 */
import { posix as path } from 'path';
import { parseArgv } from '../analyze/argv';
import { programName, ShellCommand } from '../analyze/shell-commands';
import type { RunFacts, StageFacts } from '../analyze/stage-facts';
import type { Decision } from './plan-types';
import { expandWord, isSetupRun, isWithin } from './runtime-stage';
import { copy, shellRun, StageNode, StageRef } from './stage-model';

/** Folders on the default PATH of the official images. */
const PROGRAM_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
/** Folders whose contents only the build uses (caches, downloads, the package index). */
const BUILD_ONLY_DIRS = ['/tmp', '/root', '/var/tmp', '/var/cache', '/var/lib/apt', '/usr/src'];

export interface SideEffects {
  copies: StageNode[];
  /** Replayed directory commands, each with the index of the RUN it comes from (for the order). */
  setup: { node: StageNode; run: number }[];
  decisions: Decision[];
  /** A replayed setup RUN changes a path only the builder has: it would fail in the runtime. */
  problem?: string;
}

/**
 * `programs`: what the container runs (runtimeCommands). `copies`: the runtime stage's copies so
 * far (the WORKDIR, a virtual environment): what they hold needs nothing more.
 */
export function builderSideEffects(
  facts: StageFacts,
  from: StageRef,
  programs: readonly string[],
  copies: readonly StageNode[],
): SideEffects {
  const copied = copies.flatMap((node) =>
    node.kind === 'copy' && node.from.kind !== 'image' ? [node.dest] : [],
  );
  const covered = (p: string) =>
    copied.some((dir) => isWithin(p, dir)) ||
    facts.copies.some((c) => c.spec.from === null && isWithin(p, c.dest.replace(/\/$/, '') || '/'));
  const effects: SideEffects = {
    copies: [],
    setup: [],
    decisions: [],
    problem: unreplayableSetupRun(facts, covered),
  };
  const seen = new Set<string>();
  for (const run of facts.runs) {
    for (const program of programs) {
      const placed = programPlacedBy(run, program, facts.values);
      if (!placed || seen.has(placed) || covered(placed)) continue;
      seen.add(placed);
      effects.copies.push(copy(from, placed, placed));
      effects.decisions.push({
        subject: placed,
        placement: 'runtime',
        why: `the container runs ${program}, which RUN (line ${run.instruction.line + 1}) put there in the builder`,
      });
    }
    if (isSetupRun(run)) continue;
    const replay = directoryCommands(run, facts.values, covered);
    if (replay.length === 0) continue;
    const text = replay.map((c) => c.text).join(' && ');
    effects.setup.push({ node: shellRun(text), run: run.instruction.index });
    effects.decisions.push({
      subject: `RUN (line ${run.instruction.line + 1})`,
      placement: 'both',
      why: `creates directories outside the application folder that the running app may write to: "${text}" is replayed in the runtime`,
    });
  }
  return effects;
}

/**
 * Why a setup RUN the runtime replays would fail: the first one whose chown/chmod names a path only
 * the builder has (builderOnlyTarget); `covered`: what the runtime's copies bring. Undefined: none.
 */
export function unreplayableSetupRun(facts: StageFacts, covered: (p: string) => boolean): string | undefined {
  for (const run of facts.runs) {
    const problem = isSetupRun(run) ? builderOnlyTarget(run, facts, covered) : undefined;
    if (problem) return problem;
  }
  return undefined;
}

/** Programs whose path words do not put anything at the path. */
const NOT_WRITING = new Set([
  'mkdir',
  'chown',
  'chmod',
  'chgrp',
  'rm',
  'echo',
  'cd',
  'test',
  '[',
  'ls',
  'cat',
]);

/**
 * Why the replay of a setup RUN would fail or act on nothing: its chown/chmod/chgrp names a path
 * (or a path inside one) that an earlier RUN msb does not replay wrote in the builder (a download,
 * an unpacked archive) and that no runtime copy brings. Null when every path is the runtime's.
 */
function builderOnlyTarget(
  setup: RunFacts,
  facts: StageFacts,
  covered: (p: string) => boolean,
): string | undefined {
  const created: string[] = [];
  for (const command of setup.commands) {
    const program = programName(command);
    const targets = operands(command, facts.values, setup.workdir) ?? [];
    if (program === 'mkdir') created.push(...targets);
    if (!['chown', 'chmod', 'chgrp'].includes(program)) continue;
    for (const target of targets) {
      if (covered(target) || created.some((dir) => isWithin(target, dir))) continue;
      const writer = facts.runs.find(
        (run) =>
          run.instruction.index < setup.instruction.index &&
          !isSetupRun(run) &&
          writtenPaths(run, facts.values).some((written) => isWithin(target, written)),
      );
      if (writer)
        return `RUN (line ${setup.instruction.line + 1}) changes ${target}, which RUN (line ${writer.instruction.line + 1}) put there in the builder only: the runtime stage does not have what it holds, so "${command.text}" cannot be replayed there`;
    }
  }
  return undefined;
}

/** The absolute paths a RUN's commands name that may put files there (not mkdir/chown/rm and the like). */
function writtenPaths(run: RunFacts, values: ReadonlyMap<string, string>): string[] {
  return run.commands
    .filter((c) => !NOT_WRITING.has(programName(c)))
    .flatMap((c) => c.words.slice(1))
    .map((w) => expandWord(w.replace(/^--?[\w-]+=/, ''), values))
    .filter((w) => w.startsWith('/') && w !== '/' && !w.includes('$') && !/[*?[]/.test(w))
    .map((w) => path.normalize(w).replace(/(.)\/$/, '$1'));
}

/** The path at which this RUN puts `program` in a PATH folder, or null. */
function programPlacedBy(run: RunFacts, program: string, values: ReadonlyMap<string, string>): string | null {
  for (const command of run.commands) {
    const words = command.words.map((w) => expandWord(w, values));
    const named = words.find((w) => PROGRAM_DIRS.some((dir) => w === `${dir}/${program}`));
    if (named && programName(command) !== 'rm') return named;
    // An archive unpacked into a PATH folder whose download names the program.
    const into = unpackDirectory(command, words);
    if (into && PROGRAM_DIRS.includes(into) && run.script.includes(program)) return `${into}/${program}`;
  }
  return null;
}

function unpackDirectory(command: ShellCommand, words: string[]): string | null {
  const program = programName(command);
  const after = (flag: string) => {
    const i = words.indexOf(flag);
    return i === -1 ? null : (words[i + 1] ?? null);
  };
  if (program === 'tar') return after('-C') ?? after('--directory');
  if (program === 'unzip') return after('-d');
  return null;
}

/** `mkdir` of folders nothing copies, and the chown/chmod of those folders, in order. */
function directoryCommands(
  run: RunFacts,
  values: ReadonlyMap<string, string>,
  covered: (p: string) => boolean,
): ShellCommand[] {
  const created: string[] = [];
  const kept: ShellCommand[] = [];
  for (const command of run.commands) {
    const program = programName(command);
    if (!['mkdir', 'chown', 'chmod'].includes(program)) continue;
    const targets = operands(command, values, run.workdir);
    if (targets === null || targets.length === 0) continue;
    if (program === 'mkdir') {
      const outside = targets.filter(
        (t) => !covered(t) && !BUILD_ONLY_DIRS.some((dir) => isWithin(t, dir)) && t !== '/',
      );
      if (outside.length !== targets.length) continue;
      created.push(...outside);
      kept.push(command);
    } else if (targets.every((t) => created.some((dir) => isWithin(t, dir)))) {
      kept.push(command);
    }
  }
  return kept;
}

/** The absolute paths a mkdir/chown/chmod names (chown's owner and chmod's mode left out), or null when one is unknown. */
function operands(
  command: ShellCommand,
  values: ReadonlyMap<string, string>,
  workdir: string,
): string[] | null {
  const program = programName(command);
  const parsed = parseArgv(command.words.slice(1), { valued: ['-m', '--mode'] });
  const paths = program === 'mkdir' ? parsed.operands : parsed.operands.slice(1);
  const resolved = paths.map((p) => expandWord(p, values));
  if (resolved.some((p) => p.includes('$') || /[*?[]/.test(p))) return null;
  return resolved.map((p) => path.resolve(workdir, p));
}
