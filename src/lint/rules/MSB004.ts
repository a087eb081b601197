/**
 * MSB004: an ARG used in a stage is declared in that stage. ARG scope ends at FROM: a global
 * ARG is visible only in FROM lines, and another stage's ARG not at all, so the reference
 * silently expands to "" (Docker's ARG scoping; the classic bug of a naive stage split).
 */
import type { Arg, Env } from 'dockerfile-ast';
import type { LintRule, RuleFinding } from '../lint-types';
import type { InstructionNode, ParsedDockerfile, Stage } from '../../parse/parse-dockerfile';

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
    const envNames = memoisedEnvNames();
    const envOf = stageEnv(dockerfile, envNames);
    for (const stage of dockerfile.stages) {
      const inScope = new Set(envOf(stage).inherited);
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
        if (instruction.keyword === 'ENV') for (const name of envNames(instruction)) inScope.add(name);
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

interface StageEnv {
  /** ENV names the stage inherits from the stages it is built FROM. */
  inherited: readonly string[];
  /** The inherited names and the stage's own ENV names, for the stages built FROM it. */
  passedOn: readonly string[];
}

/** ENV (not ARG) carries over when a stage is built FROM an earlier one: each stage's names read once. */
function stageEnv(
  dockerfile: ParsedDockerfile,
  envNames: (instruction: InstructionNode) => readonly string[],
): (stage: Stage) => StageEnv {
  const known = new Map<Stage, StageEnv>();
  const envOf = (stage: Stage): StageEnv => {
    let env = known.get(stage);
    if (!env) {
      const image = stage.from.args
        .trim()
        .split(/\s+/)
        .find((w) => !w.startsWith('--'))
        ?.toLowerCase();
      const parent = dockerfile.stages.find((s) => s.index < stage.index && s.name === image);
      const inherited = parent ? envOf(parent).passedOn : [];
      const own = stage.instructions.filter((i) => i.keyword === 'ENV').flatMap(envNames);
      env = { inherited, passedOn: [...inherited, ...own] };
      known.set(stage, env);
    }
    return env;
  };
  return envOf;
}

/** The names an ENV instruction sets, read from its node once per check. */
function memoisedEnvNames(): (instruction: InstructionNode) => readonly string[] {
  const known = new Map<InstructionNode, readonly string[]>();
  return (instruction) => {
    let names = known.get(instruction);
    if (!names) {
      names = (instruction.node as Env).getProperties().map((p) => p.getName());
      known.set(instruction, names);
    }
    return names;
  };
}

function label(stage: Stage): string {
  return stage.name ? `"${stage.name}"` : `${stage.index}`;
}
