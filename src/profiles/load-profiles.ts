/**
 * Loads language profiles from YAML and validates them at load time, so a mistake in a
 * profile is reported as `file:line: field: problem` instead of a wrong conversion later.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import Ajv, { ErrorObject } from 'ajv';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { MsbError } from '../errors';
import { PROFILES_DIR } from '../package-root';
import { profileSchema } from './profile-schema';
import type { Profile } from './profile-types';

/** The strategy-specific part of validation: the strategy's schema for `settings`. */
export type SettingsSchemaLookup = (strategy: string) => object | null | undefined;

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addKeyword({
  keyword: 'regex',
  type: 'string',
  errors: false,
  validate: (_schema: unknown, data: string) => {
    try {
      new RegExp(data);
      return true;
    } catch {
      return false;
    }
  },
});
const validateProfile = ajv.compile(profileSchema);

export function parseProfile(text: string, source: string, settingsSchemaFor: SettingsSchemaLookup): Profile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    throw new MsbError('invalid-profile', `YAML: ${error.message.split('\n')[0]}`, {
      file: source,
      line: lineCounter.linePos(error.pos[0]).line,
    });
  }
  const data: unknown = document.toJS();
  const fail = (instancePath: string, message: string): never => {
    const segments = instancePath.split('/').filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    let line: number | undefined;
    for (let n = segments.length; n >= 0 && line === undefined; n--) {
      const node = n === 0 ? document.contents : document.getIn(segments.slice(0, n), true);
      if (isNode(node) && node.range) line = lineCounter.linePos(node.range[0]).line;
    }
    const field = segments.length ? segments.join('.') : '(top level)';
    throw new MsbError('invalid-profile', `${field}: ${message}`, { file: source, line });
  };
  if (!validateProfile(data)) {
    const error = mostSpecific(validateProfile.errors ?? []);
    fail(error.instancePath, describe(error));
  }
  const profile = data as unknown as Profile;
  const settingsSchema = settingsSchemaFor(profile.strategy);
  if (settingsSchema === undefined) fail('/strategy', `unknown strategy "${profile.strategy}"`);
  if (settingsSchema) {
    const validateSettings = ajv.compile(settingsSchema);
    if (!validateSettings(profile.settings ?? {})) {
      const error = mostSpecific(validateSettings.errors ?? []);
      fail(`/settings${error.instancePath}`, describe(error));
    }
  }
  return { ...profile, source };
}

export function loadProfileFile(file: string, settingsSchemaFor: SettingsSchemaLookup): Profile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new MsbError(code === 'ENOENT' ? 'missing-file' : 'unreadable-file', code === 'ENOENT' ? 'no such profile file' : `cannot read profile: ${(error as Error).message}`, { file });
  }
  return parseProfile(text, file, settingsSchemaFor);
}

/** Every `*.yaml` profile in a folder (the shipped ones by default), sorted by id. */
export function loadProfilesFromDir(settingsSchemaFor: SettingsSchemaLookup, dir = PROFILES_DIR): Profile[] {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  const profiles = files.map((f) => loadProfileFile(path.join(dir, f), settingsSchemaFor));
  const seen = new Map<string, string>();
  for (const profile of profiles) {
    const other = seen.get(profile.id);
    if (other) throw new MsbError('invalid-profile', `id: "${profile.id}" is also the id of ${other}`, { file: profile.source });
    seen.set(profile.id, profile.source);
  }
  return profiles;
}


function mostSpecific(errors: ErrorObject[]): ErrorObject {
  // The deepest path is usually the real mistake; anyOf/oneOf summaries come last.
  return [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length || rank(a) - rank(b))[0];
}

function rank(error: ErrorObject): number {
  return ['anyOf', 'oneOf'].includes(error.keyword) ? 1 : 0;
}

function describe(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown field "${(error.params as { additionalProperty: string }).additionalProperty}"`;
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
