/**
 * The output check: hadolint-class rules for multi-stage files, run by `msb lint` and on
 * every conversion result (src/convert.ts). Pure: a parsed Dockerfile in, findings out.
 */
import { parseDockerfile, ParsedDockerfile } from '../parse/parse-dockerfile';
import type { LintFinding, LintRule } from './lint-types';
import type { Profile } from '../profiles/profile-types';
import { defaultEnvironment } from '../languages';
import { RULES } from './rules';

export interface LintOptions {
  /** Rule ids to leave out. */
  ignore?: readonly string[];
  rules?: readonly LintRule[];
  /** See LintContext.carriedOver: set by the conversion, never by `msb lint`. */
  carriedOver?: ReadonlySet<string>;
  /** Language profiles the rules read (default: the shipped ones). */
  profiles?: readonly Profile[];
}

export function lintDockerfile(dockerfile: ParsedDockerfile, options: LintOptions = {}): LintFinding[] {
  const ignore = new Set((options.ignore ?? []).map((id) => id.toUpperCase()));
  const context = { dockerfile, finalStage: dockerfile.stages[dockerfile.stages.length - 1], carriedOver: options.carriedOver ?? new Set<string>(), profiles: options.profiles ?? defaultEnvironment().profiles };
  const findings: LintFinding[] = [];
  for (const rule of options.rules ?? RULES) {
    if (ignore.has(rule.id)) continue;
    for (const found of rule.check(context)) {
      findings.push({ rule: rule.id, severity: found.severity ?? rule.severity, line: found.instruction.line + 1, message: found.message, subject: found.subject });
    }
  }
  return findings.sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}

/** Parses and lints; throws MsbError when the text is not a Dockerfile. */
export function lintText(text: string, file = 'Dockerfile', options: LintOptions = {}): LintFinding[] {
  return lintDockerfile(parseDockerfile(text, file), options);
}

/** Identifies a problem independently of where it sits, to tell new findings from inherited ones. */
export function findingKey(finding: LintFinding): string {
  return `${finding.rule}:${finding.subject}`;
}

export function formatFinding(file: string, finding: LintFinding): string {
  return `${file}:${finding.line}: ${finding.severity} ${finding.rule}: ${finding.message}`;
}
