import { existsSync } from 'fs';
import type { ValidateFunction } from 'ajv';
import { configSchema } from '../../../src/config/config-schema';
import { loadProfiles, strategies } from '../../../src/languages';
import { packageRulesSchema, profileSchema } from '../../../src/profiles/profile-schema';
import { compileSchema, standaloneModule } from '../../../src/profiles/schema-compiler';
import { schemaKey } from '../../../src/profiles/schema-validator';
import { builtModule, REPO_ROOT } from '../../helpers/built-msb';

const settingsSchemas = [...strategies()].map(([id, s]) => [id, s.settingsSchema] as const);
const shippedSchemas = [
  profileSchema,
  packageRulesSchema,
  configSchema,
  ...settingsSchemas.map(([, s]) => s),
];

/** The standalone module the build writes, loaded from memory. */
function standaloneValidators(): Record<string, ValidateFunction> {
  const code = standaloneModule(new Map(shippedSchemas.map((s) => [schemaKey(s), s])));
  const exports: Record<string, ValidateFunction> = {};
  new Function('exports', 'require', code)(exports, require);
  return exports;
}

const { source: _source, ...python } = loadProfiles().find((p) => p.id === 'python') ?? { source: '' };
const withPython = (change: (data: Record<string, unknown>) => void) => {
  const data = structuredClone(python) as Record<string, unknown>;
  change(data);
  return data;
};
const detect = (data: Record<string, unknown>) => data.detect as Record<string, unknown[]>;

const cases: [string, object, unknown][] = [
  ['a shipped profile', profileSchema, python],
  ['a wrong type', profileSchema, withPython((d) => (detect(d).priority = 'high' as never))],
  ['an unknown field', profileSchema, withPython((d) => (d.stratgy = 'typo'))],
  ['a missing field', profileSchema, withPython((d) => delete d.templates)],
  [
    'a bad regular expression',
    profileSchema,
    withPython((d) => (detect(d).baseImages[0] = { pattern: '(^|/python$', weight: 0.5 })),
  ],
  ['packages that are not a table', packageRulesSchema, { apt: 'gcc' }],
  ['a config file', configSchema, { ignore: ['MSB001'], minSaving: '10MB', force: true }],
  ['a config file with mistakes', configSchema, { ignore: ['X1'], minSaving: 'big', colour: true }],
  ...settingsSchemas.flatMap(([id, schema]): [string, object, unknown][] => [
    [`${id} settings as shipped`, schema, loadProfiles().find((p) => p.strategy === id)?.settings ?? {}],
    [`${id} settings of a wrong shape`, schema, { runtimes: 42, unknownSetting: [null] }],
  ]),
];

describe('standalone validators (what the build ships)', () => {
  const standalone = standaloneValidators();

  it.each(cases)('%s: the same verdict and errors as a compiled schema', (_name, schema, data) => {
    const compiled = compileSchema(schema);
    const generated = standalone[schemaKey(schema)];
    expect(generated(data)).toBe(compiled(data));
    expect(generated.errors ?? null).toEqual(compiled.errors ?? null);
  });

  it('the invalid cases are invalid, the shipped ones valid', () => {
    const verdicts = cases.map(([name, schema, data]) => [name, compileSchema(schema)(data)]);
    expect(verdicts.filter(([, valid]) => valid).map(([name]) => name)).toEqual(
      cases.filter(([name]) => /shipped|^a config file$/.test(name)).map(([name]) => name),
    );
  });

  it('a bad regular expression fails the regex keyword', () => {
    const validate = compileSchema(profileSchema);
    validate(cases[4][2]);
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.keyword}`)).toContain(
      '/detect/baseImages/0/pattern regex',
    );
  });

  it('the build holds a current validator for every shipped schema', () => {
    const built = builtModule<Record<string, unknown>>('profiles/standalone-validators.js');
    expect(existsSync(`${REPO_ROOT}/dist/profiles/standalone-validators.js`)).toBe(true);
    expect(shippedSchemas.map(schemaKey).filter((key) => typeof built[key] !== 'function')).toEqual([]);
  });
});
