/**
 * Broken findings for programs an artifact runtime image will not have: those the container
 * command starts and those its HEALTHCHECK runs. The strategy says what the image has (its
 * commands, the binaries and files it copies); the findings and their wording are shared.
 */
import { formCommands, healthchecks, needsShell } from '../analyze/container-command';
import type { StageFacts } from '../analyze/stage-facts';
import type { ContextProgram } from './context-programs';
import type { BrokenFinding } from './plan-types';

/** The programs the command starts that are neither built binaries (`binary`) nor in the image. */
export function missingCommandTargets(
  programs: readonly { program: string; binary: string | null }[],
  image: string,
  has: (program: string) => boolean,
): BrokenFinding[] {
  return programs
    .filter(({ program, binary }) => binary === null && !has(program))
    .map(({ program }) => ({
      kind: 'command-target-missing',
      message: `the container runs "${program}", which msb does not find among the built binaries or in ${image}`,
    }));
}

/** Why the plan must skip: the command runs a committed script whose interpreter `image` lacks (null: none). */
export function unrunnableScript(
  committed: readonly ContextProgram[],
  imageCommands: readonly string[],
  image: string,
): string | null {
  const script = committed.find((c) => c.interpreter !== null && !imageCommands.includes(c.interpreter));
  return script
    ? `the container runs ${script.program}, a ${script.interpreter} script from the build context, which ${image} cannot run`
    : null;
}

/**
 * One finding per HEALTHCHECK whose programs (or shell, when `hasShell` is given and false) the
 * image lacks: it would report the container unhealthy.
 */
export function missingHealthcheckPrograms(
  facts: StageFacts,
  image: string,
  has: (program: string) => boolean,
  hasShell?: boolean,
): BrokenFinding[] {
  const broken: BrokenFinding[] = [];
  for (const form of healthchecks(facts)) {
    const programs = formCommands(form, { keepWrappers: true }).commands.map((c) => c.words[0] ?? '');
    const missing = programs.filter((p) => p && p !== 'exit' && !has(p));
    if (hasShell === false && needsShell(form)) missing.unshift('/bin/sh');
    if (missing.length > 0)
      broken.push({
        kind: 'program-missing',
        message: `the HEALTHCHECK needs ${missing.map((m) => `"${m}"`).join(', ')}, which ${image} does not have: it will report unhealthy`,
      });
  }
  return broken;
}
