/**
 * The schema of `examples/<case>/case.yaml` (documented in examples/README.md): one declaration
 * gives both the TypeScript type the suites read and the check that rejects unknown fields and
 * wrong types, so a misspelt expectation fails instead of being ignored.
 */
import Ajv, { JSONSchemaType } from 'ajv';

/** How the e2e suite runs the original and converted images (test/e2e/examples.e2e.test.ts). */
export interface E2eSpec {
  run?: { args?: string[]; expect?: string };
  http?: { port: number; paths?: string[]; expect?: string };
  /** Commands that must not exist in the converted image. */
  absent?: string[];
  /** Converted size at most this fraction of the original (default 1). */
  maxRatio?: number;
  /**
   * ENV variables only the build tool reads (the profile's build-only list): set in the original
   * image, deliberately absent from the converted one. Every other declared ENV must be the same.
   */
  builderOnlyEnv?: string[];
}

/** Convert options a case may set; each is also a `msb convert` flag of the same name. */
export interface CaseOptions {
  lang?: string;
  runtime?: string;
  force?: boolean;
}

export interface CaseSpec {
  description: string;
  language?: string;
  framework?: string;
  packageManager?: string;
  status: 'converted' | 'unchanged' | 'skipped';
  /** For skipped/unchanged: a substring of the stated reason. */
  reason?: string;
  options?: CaseOptions;
  /** Substrings that must each appear in a warning. */
  warnings?: string[];
  e2e?: E2eSpec;
}

const text = { type: 'string', minLength: 1 } as const;
const texts = { type: 'array', items: text, nullable: true } as const;
const optionalText = { ...text, nullable: true } as const;

const e2eSchema: JSONSchemaType<E2eSpec> = {
  type: 'object',
  additionalProperties: false,
  properties: {
    run: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      properties: { args: texts, expect: optionalText },
    },
    http: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      required: ['port'],
      properties: {
        port: { type: 'integer', minimum: 1, maximum: 65535 },
        paths: texts,
        expect: optionalText,
      },
    },
    absent: texts,
    maxRatio: { type: 'number', exclusiveMinimum: 0, maximum: 1, nullable: true },
    builderOnlyEnv: texts,
  },
  anyOf: [{ required: ['run'] }, { required: ['http'] }],
};

const caseSchema: JSONSchemaType<CaseSpec> = {
  type: 'object',
  additionalProperties: false,
  required: ['description', 'status'],
  properties: {
    description: text,
    language: optionalText,
    framework: optionalText,
    packageManager: optionalText,
    status: { type: 'string', enum: ['converted', 'unchanged', 'skipped'] },
    reason: optionalText,
    options: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      properties: { lang: optionalText, runtime: optionalText, force: { type: 'boolean', nullable: true } },
    },
    warnings: texts,
    e2e: { ...e2eSchema, nullable: true },
  },
};

const validate = new Ajv({ allErrors: true }).compile(caseSchema);

/** Every way `doc` (a parsed case.yaml) breaks the schema, each sentence naming `file`; empty when valid. */
export function caseSpecErrors(file: string, doc: unknown): string[] {
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((error) => {
    const where = error.instancePath || '(top level)';
    const extra =
      error.keyword === 'additionalProperties'
        ? ` (${(error.params as { additionalProperty: string }).additionalProperty})`
        : '';
    return `${file}: ${where} ${error.message ?? 'is invalid'}${extra}`;
  });
}
