/**
 * The output check: hadolint-class rules for multi-stage files, run by `msb lint` and on
 * every conversion result (src/convert.ts). Pure: a parsed Dockerfile in, findings out.
 */
import { parseDockerfile, ParsedDockerfile } from '../parse/parse-dockerfile';
import type { LintFinding, LintRule } from './lint-types';
import type { Profile } from '../profiles/profile-types';
import { defaultEnvironment } from '../languages';
import { RULES } from './rules';
import { isSuppressed, readSuppressions } from './suppressions';

export interface LintOptions {
  /** Rule ids to leave out. */
  ignore?: readonly string[];
  rules?: readonly LintRule[];
  /** See LintContext.carriedOver: set by the conversion, never by `msb lint`. */
  carriedOver?: ReadonlySet<string>;
  /** Language profiles the rules read (default: the shipped ones). */
  profiles?: readonly Profile[];
  /**
   * Honour `# msb-ignore` comments (src/lint/suppressions.ts); default true. The conversion gate
   * turns them off: a user's pragma speaks for the user's lines, not for what msb adds.
   */
  inlineSuppressions?: boolean;
}

export function lintDockerfile(dockerfile: ParsedDockerfile, options: LintOptions = {}): LintFinding[] {
  const ignore = new Set((options.ignore ?? []).map((id) => id.toUpperCase()));
  const context = {
    dockerfile,
    finalStage: dockerfile.stages[dockerfile.stages.length - 1],
    carriedOver: options.carriedOver ?? new Set<string>(),
    profiles: options.profiles ?? defaultEnvironment().profiles,
  };
  const suppressions = options.inlineSuppressions === false ? null : readSuppressions(dockerfile);
  const findings: LintFinding[] = [];
  for (const rule of options.rules ?? RULES) {
    if (ignore.has(rule.id)) continue;
    for (const { instruction, severity, message, subject } of rule.check(context)) {
      const finding: LintFinding = {
        rule: rule.id,
        severity: severity ?? rule.severity,
        line: instruction.line + 1,
        column: instruction.start - dockerfile.offsetOfLine(instruction.line) + 1,
        endLine: instruction.endLine + 1,
        message,
        subject,
      };
      if (!suppressions || !isSuppressed(suppressions, finding)) findings.push(finding);
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
