/**
 * Inline suppression comments, as hadolint's `# hadolint ignore=DL3006`:
 *
 *   # msb-ignore MSB004            one rule, for the instruction right below the comment block
 *   # msb-ignore=MSB004,MSB007     several rules (`=` or spaces, comma or space separated)
 *   # msb-ignore-file MSB003       the whole file, wherever the comment is
 *   # msb-ignore MSB004 -- reason  anything after ` -- ` is a note for the reader
 *
 * An instruction's comment block is the run of comment lines directly above it, so a pragma can
 * sit under a comment that explains it. Ids are case-insensitive.
 */
import type { ParsedDockerfile } from '../parse/parse-dockerfile';

const ID = String.raw`[A-Za-z]+\d+`;
const PRAGMA = new RegExp(
  String.raw`^\s*#\s*msb-ignore(-file)?(?:\s*=\s*|\s+)(${ID}(?:(?:\s*,\s*|\s+)${ID})*)(?:\s+--\s.*)?\s*$`,
);
const COMMENT = /^\s*#/;
/** Longer comment lines are not pragmas (and a hostile line cannot make the match slow). */
const MAX_PRAGMA_LENGTH = 500;

export interface Suppressions {
  /** Rule ids ignored for the whole file. */
  file: ReadonlySet<string>;
  /** 1-based instruction start line → rule ids ignored for that instruction. */
  byLine: ReadonlyMap<number, ReadonlySet<string>>;
}

export function readSuppressions(dockerfile: ParsedDockerfile): Suppressions {
  const lines = dockerfile.text.split(/\r?\n/);
  const file = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  for (const line of lines) {
    const match = pragma(line);
    if (match?.[1]) for (const id of ids(match[2])) file.add(id);
  }
  for (const instruction of dockerfile.instructions) {
    const rules = new Set<string>();
    for (let n = instruction.line - 1; n >= 0 && COMMENT.test(lines[n]); n--) {
      const match = pragma(lines[n]);
      if (match && !match[1]) for (const id of ids(match[2])) rules.add(id);
    }
    if (rules.size) byLine.set(instruction.line + 1, rules);
  }
  return { file, byLine };
}

export function isSuppressed(suppressions: Suppressions, finding: { rule: string; line: number }): boolean {
  return (
    suppressions.file.has(finding.rule) || (suppressions.byLine.get(finding.line)?.has(finding.rule) ?? false)
  );
}

function pragma(line: string): RegExpExecArray | null {
  return line.length <= MAX_PRAGMA_LENGTH && line.includes('msb-ignore') ? PRAGMA.exec(line) : null;
}

function ids(list: string): string[] {
  return list
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((id) => id.toUpperCase());
}
