/**
 * The validator of a schema: the build's standalone one (generated code, no ajv compiler to load)
 * when it was made from this very schema, else compiled now. Validators are found by a hash of
 * the schema's JSON, so a dist/ whose schemas changed after its validators were generated can
 * never validate against the old ones.
 */
import { createHash } from 'crypto';
import * as path from 'path';
import type { ValidateFunction } from 'ajv';

/** Where the build writes the standalone validators (beside this module in dist/; never in src/). */
const STANDALONE_VALIDATORS = path.join(__dirname, 'standalone-validators.js');

/** The export name of a schema's validator in the standalone module. */
export function schemaKey(schema: object): string {
  return `v${createHash('sha1').update(JSON.stringify(schema)).digest('hex')}`;
}

type Validators = Readonly<Record<string, ValidateFunction | undefined>>;
let standalone: Validators | undefined;
const bySchema = new WeakMap<object, ValidateFunction>();

export function schemaValidator<T>(schema: object): ValidateFunction<T> {
  let validate = bySchema.get(schema);
  if (!validate) {
    standalone ??= loadStandalone();
    validate = standalone[schemaKey(schema)] ?? compileNow(schema);
    bySchema.set(schema, validate);
  }
  return validate as ValidateFunction<T>;
}

function loadStandalone(): Validators {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a build product, absent when running from src/
    return require(STANDALONE_VALIDATORS) as Validators;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return {};
    throw error;
  }
}

function compileNow(schema: object): ValidateFunction {
  // Loaded only here: ajv's compiler is most of a process's start-up when it runs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { compileSchema } = require('./schema-compiler') as typeof import('./schema-compiler');
  return compileSchema(schema);
}
