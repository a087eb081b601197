/**
 * MSB004: an ARG used in a stage is declared in that stage. ARG scope ends at FROM: a global
 * ARG is visible only in FROM lines, and another stage's ARG not at all, so the reference
 * silently expands to "" (Docker's ARG scoping; the classic bug of a naive stage split).
 */
import type { Arg, Env } from 'dockerfile-ast';
import type { LintRule, RuleFinding } from '../lint-types';
import type { ParsedDockerfile, Stage } from '../../parse/parse-dockerfile';

/** Instructions whose arguments Docker expands at build time (RUN: the shell sees ARGs as env). */
const EXPANDING = new Set([
  'RUN',
  'ADD',
  'COPY',
  'ENV',
  'EXPOSE',
  'LABEL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);
/** `$NAME` / `${NAME}`, not escaped; `${NAME:-default}` is left alone (the author planned for empty). */
const REFERENCE = /(?<!\\)\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(:?[-+?][^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

export const MSB004: LintRule = {
  id: 'MSB004',
  severity: 'error',
  description: 'an ARG used in a stage is declared in it (global ARGs are visible only in FROM)',
  check({ dockerfile }) {
    const declaredSomewhere = new Map<string, string>();
    for (const arg of dockerfile.globalArgs) {
      const name = (arg.node as Arg).getProperty()?.getName();
      if (name) declaredSomewhere.set(name, 'before the first FROM');
    }
    for (const stage of dockerfile.stages) {
      for (const name of argNames(stage))
        if (!declaredSomewhere.has(name)) declaredSomewhere.set(name, `in stage ${label(stage)}`);
    }
    const findings: RuleFinding[] = [];
    for (const stage of dockerfile.stages) {
      const inScope = new Set(inheritedEnv(dockerfile, stage));
      for (const instruction of stage.instructions) {
        if (EXPANDING.has(instruction.keyword)) {
          for (const name of references(instruction.args)) {
            const where = declaredSomewhere.get(name);
            if (inScope.has(name) || where === undefined) continue;
            findings.push({
              instruction,
              subject: name,
              message: `$${name} is declared ${where} but not in stage ${label(stage)}, so it expands to an empty string here: add "ARG ${name}" to the stage`,
            });
            inScope.add(name); // one finding per name and stage
          }
        }
        if (instruction.keyword === 'ARG') {
          const name = (instruction.node as Arg).getProperty()?.getName();
          if (name) inScope.add(name);
        }
        if (instruction.keyword === 'ENV')
          for (const p of (instruction.node as Env).getProperties()) inScope.add(p.getName());
      }
    }
    return findings;
  },
};

function references(text: string): string[] {
  const names: string[] = [];
  REFERENCE.lastIndex = 0;
  for (let match = REFERENCE.exec(text); match; match = REFERENCE.exec(text)) {
    const name = match[1] ?? match[3];
    const hasDefault = match[2] !== undefined && /^:?-/.test(match[2]);
    if (!hasDefault && !names.includes(name)) names.push(name);
  }
  return names;
}

function argNames(stage: Stage): string[] {
  return stage.instructions
    .filter((i) => i.keyword === 'ARG')
    .flatMap((i) => (i.node as Arg).getProperty()?.getName() ?? []);
}

/** ENV (not ARG) carries over when a stage is built FROM an earlier one. */
function inheritedEnv(dockerfile: ParsedDockerfile, stage: Stage, depth = 0): string[] {
  const image = stage.from.args
    .trim()
    .split(/\s+/)
    .find((w) => !w.startsWith('--'))
    ?.toLowerCase();
  const parent = dockerfile.stages.find((s) => s.index < stage.index && s.name === image);
  if (!parent || depth > dockerfile.stages.length) return [];
  const own = parent.instructions
    .filter((i) => i.keyword === 'ENV')
    .flatMap((i) => (i.node as Env).getProperties().map((p) => p.getName()));
  return [...inheritedEnv(dockerfile, parent, depth + 1), ...own];
}

function label(stage: Stage): string {
  return stage.name ? `"${stage.name}"` : `${stage.index}`;
}
