/**
 * The environment one command runs with: the stage's ENV/ARG values it inherits, then its own
 * `VAR=value` words. `env -i` / `env -` inherit nothing, `env -u NAME` drops one name, and sudo
 * resets the environment unless -E / --preserve-env. `envValue` is the one answer to "what value
 * does NAME have for this command" that every reader (CGO_ENABLED, NODE_ENV, CARGO_*...) asks.
 *
 * sudo: env_reset is sudo's default and every distribution's sudoers keeps it; what it still passes
 * (TERM, HOME, locale and display variables, PATH replaced by secure_path) is nothing msb reads,
 * so a command under sudo inherits none of the stage's values unless -E / --preserve-env says so.
 *
 * PATH: after `env -i` it is unset and `envValue` says so; msb puts no default in its place. execvp
 * then searches glibc's /bin:/usr/bin (musl adds /usr/local/bin). msb's missing-program checks ask
 * whether the image has the program at all, not where PATH finds it, so they answer the same.
 */
import { ParsedArgv, parseArgv } from './argv';
import type { Wrapper } from './programs';

/** A `NAME=value` word before a command's program, its value unquoted (`$VAR` left as written). */
export interface Assignment {
  readonly name: string;
  readonly value: string;
}

export interface CommandEnv {
  /** The `VAR=value` words before the program (`A=1 env B="x y" go build`), in order: the last one of a name wins. */
  readonly assignments: readonly Assignment[];
  /**
   * Which of the stage's ENV/ARG values reach the command: `all` but the names in `except`
   * (`env -u NAME`), or `none` but the names in `except` (`sudo --preserve-env=A,B`).
   */
  readonly inherits: 'all' | 'none';
  readonly except: readonly string[];
}

/** A command without wrappers: it inherits every value of the stage. */
export const INHERITS_ALL: CommandEnv = { assignments: [], inherits: 'all', except: [] };

/** True when the stage's value of `name` (if any) reaches the command. */
export function inherits(env: CommandEnv, name: string): boolean {
  return (env.inherits === 'all') !== env.except.includes(name);
}

/** The value `name` has for the command: its own assignment, else the stage's value when inherited. */
export function envValue(
  env: CommandEnv,
  name: string,
  stageValues: ReadonlyMap<string, string>,
): string | undefined {
  for (let i = env.assignments.length - 1; i >= 0; i--)
    if (env.assignments[i].name === name) return env.assignments[i].value;
  return inherits(env, name) ? stageValues.get(name) : undefined;
}

/** Every variable the command sees (for readers that scan names, such as npm's npm_config_*). */
export function envValues(env: CommandEnv, stageValues: ReadonlyMap<string, string>): Map<string, string> {
  const values = new Map([...stageValues].filter(([name]) => inherits(env, name)));
  for (const { name, value } of env.assignments) values.set(name, value);
  return values;
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/** The `NAME=value` words (quotes already removed) `words` starts with, and the words after them. */
export function assignmentsAtStart(words: readonly string[]): {
  assignments: Assignment[];
  rest: readonly string[];
} {
  const assignments: Assignment[] = [];
  for (const word of words) {
    const match = ASSIGNMENT.exec(word);
    if (!match) break;
    assignments.push({ name: match[1], value: word.slice(match[0].length) });
  }
  return { assignments, rest: words.slice(assignments.length) };
}

/** `env` with `assignments` set after what it has. */
export function withAssignments(env: CommandEnv, assignments: readonly Assignment[]): CommandEnv {
  return assignments.length === 0 ? env : { ...env, assignments: [...env.assignments, ...assignments] };
}

/**
 * The words after a wrapper's name (`env -u X A=1 go build`, `sudo -E make`, `tini -- app`) read
 * with its option table: the environment it gives the command it runs, and that command's words.
 */
export function unwrap(
  wrapper: Wrapper,
  args: readonly string[],
  env: CommandEnv,
): { env: CommandEnv; rest: readonly string[] } {
  const parsed = parseArgv(args, wrapper.options);
  let rest: readonly string[] =
    parsed.afterDashDash.length > 0 || parsed.operands.length === 0 ? parsed.afterDashDash : parsed.operands;
  let result = env;
  const effect = wrapper.environment;
  if (effect) {
    result = changedEnv(result, parsed, effect);
    // `env - cmd`: the obsolete spelling of -i.
    if (effect.dash && rest[0] === '-' && parsed.afterDashDash.length === 0) {
      result = keepOnly(result, []);
      rest = rest.slice(1);
    }
  }
  rest = rest.slice(wrapper.operands);
  if (wrapper.assignments) {
    const leading = assignmentsAtStart(rest);
    result = withAssignments(result, leading.assignments);
    rest = leading.rest;
  }
  return { env: result, rest };
}

/** What a wrapper's options do to the environment, in the order written. */
function changedEnv(
  env: CommandEnv,
  parsed: ParsedArgv,
  effect: NonNullable<Wrapper['environment']>,
): CommandEnv {
  let result = effect.preserve ? preservedEnv(env, parsed, effect.preserve) : env;
  for (const option of parsed.options) {
    if (effect.clear?.includes(option.name)) result = keepOnly(result, []);
    else if (effect.unset?.includes(option.name) && option.value) result = unset(result, option.value);
  }
  return result;
}

/** sudo: nothing passes without --preserve-env; bare (-E) it passes everything, `=A,B` only those names. */
function preservedEnv(env: CommandEnv, parsed: ParsedArgv, options: readonly string[]): CommandEnv {
  const preserve = parsed.options.filter((o) => options.includes(o.name)).pop();
  if (!preserve) return keepOnly(env, []);
  return preserve.value ? keepOnly(env, preserve.value.split(',')) : env;
}

/** The environment with only `names` left of what it had. */
function keepOnly(env: CommandEnv, names: readonly string[]): CommandEnv {
  return {
    assignments: env.assignments.filter((a) => names.includes(a.name)),
    inherits: 'none',
    except: names.filter((name) => inherits(env, name)),
  };
}

function unset(env: CommandEnv, name: string): CommandEnv {
  return {
    assignments: env.assignments.filter((a) => a.name !== name),
    inherits: env.inherits,
    except:
      env.inherits === 'all' ? [...new Set([...env.except, name])] : env.except.filter((n) => n !== name),
  };
}
