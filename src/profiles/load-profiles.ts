/**
 * Loads language profiles from YAML and validates them at load time, so a mistake in a
 * profile is reported as `file:line: field: problem` (every problem of the file at once)
 * instead of a wrong conversion later. A profile can extend another one (`extends: python`)
 * and its packages the shared `system-packages.yaml`; both are merged by `overlayData`.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import type { TSchema } from '@sinclair/typebox';
import type { ValidateFunction } from 'ajv';
import { MsbError } from '../errors';
import { PROFILES_DIR, TEMPLATES_DIR } from '../package-root';
import { DataPath, layerPath, overlayData, pointer } from './overlay-data';
import { ProfileError, ProfileProblem, schemaProblems } from './profile-problems';
import { packageRulesSchema, profileSchema } from './profile-schema';
import type { PackageRules, Profile } from './profile-types';
import { fieldName, pathSegments, ProfileYaml, readProfileYaml } from './profile-yaml';
import { schemaValidator } from './schema-validator';

/** The strategy-specific part of validation: its schema for `settings` and the template keys it renders. */
export interface StrategyContract {
  settingsSchema: TSchema;
  templates: readonly string[];
}
export type StrategyLookup = (strategy: string) => StrategyContract | undefined;

/** What a profile file can extend: profiles loaded before it, and the shared system packages. */
export interface ProfileBases {
  profile(id: string): Profile | undefined;
  systemPackages(): PackageRules;
}

/** Shared apt/apk knowledge; it sits beside the profiles but is not one. */
const SYSTEM_PACKAGES_FILE = 'system-packages.yaml';

const validateProfile = schemaValidator<Omit<Profile, 'source'>>(profileSchema);
const validatePackageRules = schemaValidator<PackageRules>(packageRulesSchema);

/** A strategy's settings validator (one per schema); a type guard for its settings type. */
export function compileSettingsSchema<S>(schema: TSchema & { static: S }): ValidateFunction<S> {
  return schemaValidator<S>(schema);
}

export function parseProfile(
  text: string,
  source: string,
  strategyFor: StrategyLookup,
  bases: ProfileBases = shippedBases(),
): Profile {
  const yaml = readProfileYaml(text, source);
  const problems: ProfileProblem[] = [];
  const merged = mergeOntoBases(yaml, bases, problems);
  if (!merged) throw new ProfileError(source, problems);
  // Problems are found on the merged profile and reported where the file says it.
  const where = (instancePath: string) => {
    const layerPointer = merged.toLayer(instancePath);
    return { line: yaml.lineOf(layerPointer), field: fieldName(pathSegments(layerPointer)) };
  };
  const data = merged.data;
  const valid = validateProfile(data);
  if (!valid) problems.push(...schemaProblems(validateProfile.errors ?? [], where));
  const strategyId = isRecord(data) && typeof data.strategy === 'string' ? data.strategy : null;
  const strategy = strategyId === null ? null : strategyFor(strategyId);
  if (strategy === undefined)
    problems.push({ ...where('/strategy'), problem: `unknown strategy "${strategyId}"` });
  if (strategy && isRecord(data)) {
    const validateSettings = schemaValidator(strategy.settingsSchema);
    if (!validateSettings(data.settings ?? {}))
      problems.push(...schemaProblems(validateSettings.errors ?? [], (p) => where(`/settings${p}`)));
    // A template the strategy renders must be named here, not found missing at render time.
    // No `templates` at all is already a missing required field.
    const templates = isRecord(data.templates) ? data.templates : null;
    for (const key of templates ? strategy.templates : []) {
      if (templates && !(key in templates))
        problems.push({
          ...where('/templates'),
          problem: `missing template "${key}" (the ${strategyId} strategy renders it)`,
        });
    }
    for (const [key, name] of Object.entries(templates ?? {})) {
      if (typeof name === 'string' && name !== '' && !existsSync(path.join(TEMPLATES_DIR, `${name}.hbs`))) {
        problems.push({
          ...where(`/templates/${key}`),
          problem: `no template "${name}" in ${TEMPLATES_DIR}`,
        });
      }
    }
  }
  if (problems.length > 0 || !valid) throw new ProfileError(source, problems);
  return { ...data, source };
}

interface MergedProfile {
  data: unknown;
  /** The ajv instancePath of a merged field → the pointer of the same field in the file. */
  toLayer(instancePath: string): string;
}

/** The file's data laid over what it extends, without the `extends` fields; null when a base is missing. */
function mergeOntoBases(
  yaml: ProfileYaml,
  bases: ProfileBases,
  problems: ProfileProblem[],
): MergedProfile | null {
  if (!isRecord(yaml.data)) return { data: yaml.data, toLayer: (p) => p };
  const { extends: baseId, ...layer } = yaml.data;
  // Outermost base first: a path of the merged profile is mapped through each base in turn.
  const basesOfLayer: { base: unknown; at: DataPath }[] = [];
  if (isRecord(layer.packages) && layer.packages.extends === 'system-packages') {
    const { extends: _shared, ...packages } = layer.packages;
    const systemPackages = bases.systemPackages();
    layer.packages = overlayData(systemPackages, packages, yaml.replaced, ['packages']);
    basesOfLayer.push({ base: { packages: systemPackages }, at: [] });
  }
  let data: unknown = layer;
  if (typeof baseId === 'string') {
    const base = bases.profile(baseId);
    if (!base) {
      problems.push({
        line: yaml.lineOf('/extends'),
        field: 'extends',
        problem: `no profile with the id "${baseId}" is loaded before this one`,
      });
      return null;
    }
    const { source: _source, ...baseData } = base;
    data = overlayData(baseData, layer, yaml.replaced);
    basesOfLayer.unshift({ base: baseData, at: [] });
  }
  const toLayer = (instancePath: string) =>
    pointer(
      basesOfLayer.reduce<DataPath>(
        (path, { base }) => layerPath(path, base, yaml.replaced),
        pathSegments(instancePath),
      ),
    );
  return { data, toLayer };
}

export function loadProfileFile(
  file: string,
  strategyFor: StrategyLookup,
  bases: ProfileBases = shippedBases(),
): Profile {
  return parseProfile(readProfileText(file), file, strategyFor, bases);
}

/** The shared system packages (`language-profiles/system-packages.yaml`), validated like a profile. */
export function loadSystemPackages(file = path.join(PROFILES_DIR, SYSTEM_PACKAGES_FILE)): PackageRules {
  const yaml = readProfileYaml(readProfileText(file), file);
  if (!validatePackageRules(yaml.data)) {
    const where = (instancePath: string) => ({
      line: yaml.lineOf(instancePath),
      field: fieldName(pathSegments(instancePath)),
    });
    throw new ProfileError(file, schemaProblems(validatePackageRules.errors ?? [], where));
  }
  return yaml.data;
}

/** Every `*.yaml` profile in a folder (the shipped ones by default), sorted by id. */
export function loadProfilesFromDir(strategyFor: StrategyLookup, dir = PROFILES_DIR): Profile[] {
  const sharedFile = path.join(dir, SYSTEM_PACKAGES_FILE);
  const systemPackages = existsSync(sharedFile)
    ? loadSystemPackages(sharedFile)
    : shippedBases().systemPackages();
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && f !== SYSTEM_PACKAGES_FILE)
    .sort();
  const profiles: Profile[] = [];
  // A shipped profile may extend another shipped one whatever their file names: load bases first.
  const texts = new Map(files.map((f) => [path.join(dir, f), readProfileText(path.join(dir, f))]));
  const loading = new Set<string>();
  const load = (file: string): Profile => {
    const done = profiles.find((p) => p.source === file);
    if (done) return done;
    if (loading.has(file))
      throw new MsbError('invalid-profile', 'extends: the profiles extend each other in a circle', { file });
    loading.add(file);
    const bases: ProfileBases = {
      profile: (id) => {
        const baseFile = [...texts.keys()].find(
          (other) => other !== file && declaredId(texts.get(other) ?? '') === id,
        );
        return baseFile ? load(baseFile) : undefined;
      },
      systemPackages: () => systemPackages,
    };
    const profile = parseProfile(texts.get(file) ?? '', file, strategyFor, bases);
    profiles.push(profile);
    return profile;
  };
  files.forEach((f) => load(path.join(dir, f)));
  profiles.sort((a, b) => files.indexOf(path.basename(a.source)) - files.indexOf(path.basename(b.source)));
  const seen = new Map<string, string>();
  for (const profile of profiles) {
    const other = seen.get(profile.id);
    if (other)
      throw new MsbError('invalid-profile', `id: "${profile.id}" is also the id of ${other}`, {
        file: profile.source,
      });
    seen.set(profile.id, profile.source);
  }
  return profiles;
}

/** Bases for user profiles: the given (already loaded) profiles and the shipped system packages. */
export function profileBases(profiles: readonly Profile[]): ProfileBases {
  return {
    profile: (id) => profiles.find((p) => p.id === id),
    systemPackages: shippedBases().systemPackages,
  };
}

let shippedSystemPackages: PackageRules | undefined;
function shippedBases(): ProfileBases {
  return {
    profile: () => undefined,
    systemPackages: () => (shippedSystemPackages ??= loadSystemPackages()),
  };
}

/** The id a profile file declares, read without validating (to find a base among files not yet loaded). */
function declaredId(text: string): string | undefined {
  return /^id:\s*["']?([a-z][a-z0-9-]*)["']?\s*$/m.exec(text)?.[1];
}

function readProfileText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new MsbError(
      code === 'ENOENT' ? 'missing-file' : 'unreadable-file',
      code === 'ENOENT' ? 'no such profile file' : `cannot read profile: ${(error as Error).message}`,
      { file },
    );
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
