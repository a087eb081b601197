/**
 * A Go project read once: its sources (main packages, cgo, embeds, path literals) for the plan,
 * and for the report its framework and dependency mode (modules, vendored modules or GOPATH).
 */
import type { DetectInput, Evidence, LanguageDetails } from '../../detect/detect-types';
import { findFramework } from '../../detect/frameworks';
import type { GoSettings } from './go-settings';
import { GoSources, parseGoMod, scanGoSources } from './go-sources';

export interface GoAnalysis {
  details: LanguageDetails;
  sources: GoSources;
}

export function analyzeGo(input: DetectInput, settings: GoSettings): GoAnalysis {
  return { details: describeGo(input, settings), sources: scanGoSources(input.context) };
}

function describeGo(input: DetectInput, settings: GoSettings): LanguageDetails {
  const { context, facts } = input;
  const evidence: Evidence[] = [];
  const details: Record<string, string> = {};
  const goModFile = context.has('go.mod') ? 'go.mod' : context.glob('*/go.mod')[0];
  const goMod = goModFile ? parseGoMod(context.read(goModFile) ?? '') : null;
  const scripts = facts.runs.map((r) => r.script).join('\n');
  const gopathMode = /\bGO111MODULE=off\b/.test(`${scripts}\n${facts.envs.map((e) => e.args).join('\n')}`);

  let packageManager: string;
  if (goMod && !gopathMode) {
    packageManager =
      context.has('vendor/modules.txt') || /-mod[= ]vendor\b/.test(scripts)
        ? 'go modules (vendored)'
        : 'go modules';
    details.module = goMod.path;
  } else if (context.has('Gopkg.toml')) packageManager = 'dep';
  else if (context.has('glide.yaml')) packageManager = 'glide';
  else packageManager = 'gopath';

  const requires = new Set(goMod?.requires ?? []);
  const framework = findFramework(settings.frameworks, (m) => requires.has(m))?.name;
  if (framework) evidence.push({ kind: 'manifest', detail: `${framework} in go.mod`, weight: 0.3 });
  return { framework, packageManager, facts: details, evidence };
}
