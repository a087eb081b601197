/**
 * The steps of the interpreted archetype's plan (interpreted-plan.ts) that read the Dockerfile
 * alone: the application's files without what lands in the environment's folders or comes from a
 * build tool's image the container does not run, an install hidden in a script, the build steps,
 * lines added beside a RUN of the builder, and a command supplied by others.
 */
import { shellQuote, type ShellCommand } from '../analyze/shell-commands';
import type { RunFacts, StageFacts } from '../analyze/stage-facts';
import { isShellScript } from '../analyze/programs';
import type { DetectInput } from '../detect/detect-types';
import type { BuilderInsertion, Decision, PlanContext } from './plan-types';
import { applicationFileCopies } from './runtime-stage';
import { BUILDER, type StageRef } from './stage-model';
import { startCommand, type StartCommand } from './start-command';
import { withoutToolCopies, type ToolFreeFiles, type ToolImage } from './tool-images';

/**
 * The application files (applicationFileCopies, from the builder or `from`) without those `exclude`
 * leaves out and without the copies from tool images the container does not run.
 */
export function applicationFiles(
  input: PlanContext,
  exclude: (dest: string) => boolean,
  toolImages: readonly ToolImage[],
  from: StageRef = BUILDER,
): ToolFreeFiles | { problem: string } {
  const files = applicationFileCopies(input.facts, from, exclude, input.context);
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
    const why = fillIn(reasons[step.kind], Object.fromEntries(Object.entries(step)));
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

/**
 * The decision on a command others supply: a compose service's, when the profile words it
 * (`composeCommand`; `start` as the language reads it), else with no ENTRYPOINT or CMD what the
 * runtime keeps for it (`withoutCommand`).
 */
export function noCommandDecisions(
  input: DetectInput,
  wording: { withoutCommand?: string; composeCommand?: string },
  start?: StartCommand,
): Decision[] {
  const { facts } = input;
  const said = (why: string): Decision[] => [{ subject: 'CMD', placement: 'runtime', why }];
  const { composeCommand, withoutCommand } = wording;
  const compose = composeCommand === undefined ? null : (start ?? startCommand(input));
  if (composeCommand !== undefined && compose?.compose)
    return said(
      fillIn(composeCommand, {
        source: compose.source,
        command: compose.command.argv.map(shellQuote).join(' '),
      }),
    );
  if (facts.entrypoint || facts.cmd || withoutCommand === undefined) return [];
  return said(
    `the original has no command (compose or the platform supplies it); the runtime keeps ${withoutCommand}`,
  );
}

/** A profile's wording with its `{name}` fields filled in from `values` (text fields only; others stay). */
export function fillIn(text: string, values: Readonly<Record<string, unknown>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return typeof value === 'string' ? value : whole;
  });
}
