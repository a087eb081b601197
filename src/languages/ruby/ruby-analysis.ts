/** A Ruby project as its manifests say: the lockfile, each gem's groups, the framework. */
import type { DetectInput, Evidence, LanguageDetails } from '../../detect/detect-types';
import { findFramework } from '../../detect/frameworks';
import { gemGroups } from './gemfile';
import { GemfileLock, lockedGemNames, parseGemfileLock } from './gemfile-lock';
import type { RubySettings } from './ruby-settings';

export interface RubyProject {
  /** Null when the context has no Gemfile.lock / gems.locked. */
  lock: GemfileLock | null;
  /** Gem → its Gemfile groups (`default` outside any group). */
  groups: Map<string, string[]>;
  details: LanguageDetails;
}

export function analyzeRuby(input: DetectInput, settings: RubySettings): RubyProject {
  const { context } = input;
  const lockText = context.read('Gemfile.lock') ?? context.read('gems.locked');
  const lock = lockText === null ? null : parseGemfileLock(lockText);
  const groups = gemGroups(context.read('Gemfile') ?? context.read('gems.rb') ?? '');
  const gems = new Set([...groups.keys(), ...(lock ? lockedGemNames(lock) : [])]);
  const scripts = input.facts.runs.map((r) => r.script).join('\n');
  const evidence: Evidence[] = [];
  const found = findFramework(
    settings.frameworks,
    (gem) => gems.has(gem),
    (file) => context.has(file),
  );
  const framework = found?.name;
  if (found) {
    const detail = found.byPackage ? `${found.byPackage} in the bundle` : `${found.file} in the context`;
    evidence.push({ kind: 'manifest', detail, weight: 0.3 });
  }
  const bundler =
    lock !== null || groups.size > 0 || /\bbundler? (install|exec)\b/.test(scripts) || context.has('Gemfile');
  return { lock, groups, details: { framework, packageManager: bundler ? 'bundler' : 'gem', evidence } };
}
