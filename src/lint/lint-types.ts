/** The contract between the lint runner and its rules (one module per rule, file name = id). */
import type { InstructionNode, ParsedDockerfile, Stage } from '../parse/parse-dockerfile';
import type { Profile } from '../profiles/profile-types';

export type Severity = 'error' | 'warning';

export interface LintFinding {
  /** Stable rule id (`MSB001`), also the value `--ignore` takes. */
  rule: string;
  severity: Severity;
  /** 1-based line of the instruction the finding is about. */
  line: number;
  /** 1-based column where the instruction starts, and its last line (continuations included). */
  column: number;
  endLine: number;
  message: string;
  /**
   * What the finding is about, without positions (a stage name, a variable, an image), so that
   * the same problem can be recognised in the original and in the converted file.
   */
  subject: string;
}

export interface LintContext {
  dockerfile: ParsedDockerfile;
  /** The stage whose filesystem becomes the image (the last one). */
  finalStage: Stage;
  /**
   * Paths a conversion's runtime stage copies only because the original image held them at the
   * same place (empty when linting a user's file): findings about them are not introduced.
   */
  carriedOver: ReadonlySet<string>;
  /** The loaded language profiles: what rules know of each language's tools comes from them. */
  profiles: readonly Profile[];
}

export type RuleFinding = {
  instruction: InstructionNode;
  message: string;
  subject: string;
  severity?: Severity;
};

export interface LintRule {
  id: string;
  /** Default severity; a rule may raise or lower it per finding. */
  severity: Severity;
  /** One line for `msb lint --help` and the docs. */
  description: string;
  check(context: LintContext): RuleFinding[];
}
