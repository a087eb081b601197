/**
 * Turns schema errors into profile problems (`line`, `field`, `problem`) and reports all of a
 * file's problems at once, sorted by line, as one error: `file:line: field: problem` per line.
 */
import type { ErrorObject } from 'ajv';
import { MsbError } from '../errors';
import { pointer } from './overlay-data';

export interface ProfileProblem {
  line: number;
  /** Dotted path of the field (`detect.files.0.weight`), `(top level)` for the file itself. */
  field: string;
  problem: string;
}

/** Every problem of one profile file; `problems` is sorted by line. */
export class ProfileError extends MsbError {
  readonly problems: readonly ProfileProblem[];

  constructor(source: string, problems: readonly ProfileProblem[]) {
    const sorted = sortProblems(problems);
    const [first, ...rest] = sorted;
    const message = [
      `${first.field}: ${first.problem}`,
      ...rest.map((p) => `${source}:${p.line}: ${p.field}: ${p.problem}`),
    ].join('\n');
    super('invalid-profile', message, { file: source, line: first.line });
    this.name = 'ProfileError';
    this.problems = sorted;
  }
}

/**
 * One problem per field: ajv reports each failed branch of an anyOf/oneOf and the summary as
 * well; the most telling error of a field is kept, and a summary is dropped when a field inside
 * it has an error of its own.
 */
export function schemaProblems(
  errors: readonly ErrorObject[],
  where: (instancePath: string) => { line: number; field: string },
): ProfileProblem[] {
  const groups = new Map<string, ErrorObject[]>();
  for (const error of errors) groups.set(groupKey(error), [...(groups.get(groupKey(error)) ?? []), error]);
  const paths = errors.map((e) => e.instancePath);
  const problems: ProfileProblem[] = [];
  for (const group of groups.values()) {
    const { instancePath } = group[0];
    if (group.every(isSummary) && paths.some((other) => other.startsWith(`${instancePath}/`))) continue;
    const chosen = [...group].sort((a, b) => rank(a) - rank(b))[0];
    // An unknown field is shown on its own line; the field named is the object that has it.
    const { field } = where(instancePath);
    const { line } = where(
      chosen.keyword === 'additionalProperties'
        ? instancePath + pointer([unknownField(chosen)])
        : instancePath,
    );
    problems.push({ line, field, problem: describe(chosen) });
  }
  return problems;
}

/** The failed branches of an anyOf/oneOf and its summary are one problem; other errors each their own. */
function groupKey(error: ErrorObject): string {
  return /\/(anyOf|oneOf)(\/|$)/.test(error.schemaPath)
    ? `${error.instancePath} branches`
    : `${error.instancePath} ${error.keyword} ${JSON.stringify(error.params)}`;
}

function unknownField(error: ErrorObject): string {
  return (error.params as { additionalProperty: string }).additionalProperty;
}

/** Sorted by line, then field; the same problem found twice (layer and merged profile) once. */
function sortProblems(problems: readonly ProfileProblem[]): ProfileProblem[] {
  const unique = new Map(problems.map((p) => [`${p.field}\0${p.problem}`, p]));
  return [...unique.values()].sort(
    (a, b) => a.line - b.line || (a.field < b.field ? -1 : a.field > b.field ? 1 : 0),
  );
}

function isSummary(error: ErrorObject): boolean {
  return ['anyOf', 'oneOf'].includes(error.keyword);
}

function rank(error: ErrorObject): number {
  return isSummary(error) ? 1 : 0;
}

function describe(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown field "${unknownField(error)}"`;
    case 'required':
      return `missing required field "${(error.params as { missingProperty: string }).missingProperty}"`;
    case 'regex':
      return 'not a valid regular expression';
    case 'oneOf':
      return 'needs exactly one of keep, to, image';
    default:
      return error.message ?? error.keyword;
  }
}
