/** What detection reads (the analysed Dockerfile and its build context) and what it reports. */
import type { StageFacts } from '../analyze/stage-facts';
import type { BuildContext } from '../context/build-context';
import type { ParsedDockerfile } from '../parse/parse-dockerfile';

export interface Evidence {
  kind: 'file' | 'base-image' | 'command' | 'manifest' | 'override';
  detail: string;
  weight: number;
}

export interface LanguageDetails {
  framework?: string;
  packageManager?: string;
  /** Anything else worth reporting (build script, output directory, module path...). */
  facts?: Record<string, string>;
  evidence?: Evidence[];
}

export interface Candidate {
  language: string;
  confidence: number;
  priority: number;
  evidence: Evidence[];
}

export interface Detection {
  /** Profile id, or null when nothing matched well enough. */
  language: string | null;
  confidence: number;
  framework: string | null;
  packageManager: string | null;
  facts: Record<string, string>;
  evidence: Evidence[];
  /** Every profile that matched anything, best first. */
  candidates: Candidate[];
  /** True when the user chose the language (`--lang`). */
  overridden: boolean;
}

/** The output of parse → analyze that detection and planning read. */
export interface DetectInput {
  dockerfile: ParsedDockerfile;
  /** Facts of the final stage (the only stage of a single-stage file). */
  facts: StageFacts;
  context: BuildContext;
}
