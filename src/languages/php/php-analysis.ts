/** What a PHP project's composer.json says: its framework and its packages. */
import type { DetectInput, Evidence, LanguageDetails } from '../../detect/detect-types';
import { findFramework } from '../../detect/frameworks';
import type { PhpSettings } from './php-settings';

export interface ComposerManifest {
  /** Package names of `require` (platform requirements included: `php`, `ext-intl`). */
  require: string[];
  requireDev: string[];
}

export interface PhpProject {
  /** Read from the build context: composer.json was present but not valid JSON. */
  invalidManifest: boolean;
  details: LanguageDetails;
}

export function analyzePhp(input: DetectInput, settings: PhpSettings): PhpProject {
  const text = input.context.read('composer.json');
  const manifest = text === null ? null : readComposerJson(text);
  const evidence: Evidence[] = [];
  // A framework's file counts only when composer.json names no package at all.
  const packages = new Set([...(manifest?.require ?? []), ...(manifest?.requireDev ?? [])]);
  const found = findFramework(
    settings.frameworks,
    (name) => manifest?.require.includes(name) ?? false,
    (file) => packages.size === 0 && input.context.has(file),
  );
  const framework = found?.name;
  if (found) {
    const detail = found.byPackage
      ? `${found.byPackage} in composer.json`
      : `${found.file} in the build context`;
    evidence.push({ kind: 'manifest', detail, weight: 0.3 });
  }
  const usesComposer = manifest !== null || input.facts.runs.some((r) => /\bcomposer\b/.test(r.script));
  return {
    invalidManifest: text !== null && manifest === null,
    details: { framework, packageManager: usesComposer ? 'composer' : undefined, evidence },
  };
}

/** composer.json's requirements, or null when it is not a JSON object. */
export function readComposerJson(text: string): ComposerManifest | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const doc = json as Record<string, unknown>;
  const keys = (value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.keys(value).map((k) => k.toLowerCase())
      : [];
  return { require: keys(doc.require), requireDev: keys(doc['require-dev']) };
}
