/**
 * The steps of the interpreted archetype's plan (interpreted-plan.ts) that read the Dockerfile
 * alone: the application's files without what lands in the environment's folders or comes from a
 * build tool's image the container does not run, an install hidden in a script, the build steps,
 * lines added beside a RUN of the builder, and a command supplied by others.
 */
import type { ShellCommand } from '../analyze/shell-commands';
import type { RunFacts, StageFacts } from '../analyze/stage-facts';
import { isShellScript } from '../analyze/programs';
import type { BuilderInsertion, Decision, PlanContext } from './plan-types';
import { applicationFileCopies } from './runtime-stage';
import { BUILDER } from './stage-model';
import { withoutToolCopies, type ToolFreeFiles, type ToolImage } from './tool-images';

/**
 * The application files (applicationFileCopies) without those `exclude` leaves out and without the
 * copies from tool images the container does not run.
 */
export function applicationFiles(
  input: PlanContext,
  exclude: (dest: string) => boolean,
  toolImages: readonly ToolImage[],
): ToolFreeFiles | { problem: string } {
  const files = applicationFileCopies(input.facts, BUILDER, exclude, input.context);
  if (files.problem) return { problem: files.problem };
  return withoutToolCopies(files, input.facts, toolImages);
}

/**
 * A COPY into a folder the runtime copies whole comes with that folder: its decision says so
 * (`resolve` gives the destination as the runtime sees it, an image's variable filled in).
 */
export function coveredCopyDecisions(
  facts: StageFacts,
  decisions: readonly Decision[],
  covering: (dest: string) => string | undefined,
): Decision[] {
  const covered = new Map<string, string>();
  for (const c of facts.copies) {
    const folder = c.spec.from === null ? covering(c.dest) : undefined;
    if (folder) covered.set(`${c.instruction.keyword} (line ${c.instruction.line + 1})`, folder);
  }
  return decisions.map((d) => {
    const folder = covered.get(d.subject);
    return folder ? { ...d, why: `the runtime copies ${folder}, where it lands, from the builder` } : d;
  });
}

/**
 * When no install was found: a RUN that runs a script msb cannot read (`./install.sh`; the
 * language may count more, such as `make deps`) may install the dependencies.
 */
export function scriptInstall(
  facts: StageFacts,
  what: string,
  runsScript: (command: ShellCommand) => boolean = (c) => isShellScript(c.words[0] ?? ''),
): string | null {
  const script = facts.runs.find((r) => r.commands.some(runsScript));
  return script
    ? `${what} may be installed by a script (line ${script.instruction.line + 1}: ${script.instruction.text.split(/\r?\n/)[0].slice(0, 80)}) that msb cannot read`
    : null;
}

/**
 * Decisions on the RUNs that are build steps (tests, asset builds, composer's vendor/): the first
 * command whose kind has a reason says why, its text fields filled in (`composer {verb} writes vendor/`).
 */
export function buildStepDecisions<C extends { kind: string }>(
  classified: readonly { run: RunFacts; commands: readonly C[] }[],
  reasons: Readonly<Record<string, string>>,
): Decision[] {
  return classified.flatMap(({ run, commands }) => {
    const step = commands.find((c) => Object.hasOwn(reasons, c.kind));
    if (!step) return [];
    const fields = new Map(Object.entries(step).filter(([, v]) => typeof v === 'string'));
    const why = reasons[step.kind].replace(/\{(\w+)\}/g, (whole, name: string) => fields.get(name) ?? whole);
    return [{ subject: `RUN (line ${run.instruction.line + 1})`, placement: 'builder' as const, why }];
  });
}

/** Lines msb adds to the builder right before or after one of its RUNs (a venv, a cleanup). */
export function besideRun(
  facts: StageFacts,
  where: 'before' | 'after',
  run: RunFacts,
  template: string,
  values: BuilderInsertion['values'],
  reason: string,
): BuilderInsertion {
  const index = facts.stage.instructions.indexOf(run.instruction);
  return { at: { kind: where, index }, template, values, instructions: [], reason };
}

/** With no ENTRYPOINT or CMD, compose or the platform supplies the command; `keeps` says what the runtime keeps for it. */
export function noCommandDecisions(facts: StageFacts, keeps: string): Decision[] {
  if (facts.entrypoint || facts.cmd) return [];
  return [
    {
      subject: 'CMD',
      placement: 'runtime',
      why: `the original has no command (compose or the platform supplies it); the runtime keeps ${keeps}`,
    },
  ];
}
