/**
 * The one ajv setup of msb's schemas (profiles, strategy settings, config files): the options and
 * the `regex` keyword. It compiles a schema at run time when the build has no standalone
 * validator for it (tests from src/, a stale dist/), and writes the standalone module the build
 * ships (scripts/build-validators.js), so a process normally never loads ajv's compiler.
 */
import Ajv, { _, KeywordCxt, ValidateFunction } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';

function createAjv(source: boolean): Ajv {
  // ajv's optional pass that simplifies the generated code costs a third of a run-time compile
  // and changes no result; the build keeps it.
  const ajv = new Ajv({ allErrors: true, strict: false, code: { optimize: source, source } });
  ajv.addKeyword({
    keyword: 'regex',
    type: 'string',
    // Generated code (not a validate function) so that standalone modules can carry it.
    code(cxt: KeywordCxt) {
      const valid = cxt.gen.let('valid', true);
      cxt.gen.try(
        () => cxt.gen.code(_`new RegExp(${cxt.data})`),
        () => cxt.gen.assign(valid, false),
      );
      cxt.pass(valid);
    },
  });
  return ajv;
}

let runtime: Ajv | undefined;

/** Compiles a schema (once per schema object: ajv caches by identity). */
export function compileSchema<T>(schema: object): ValidateFunction<T> {
  runtime ??= createAjv(false);
  return runtime.compile<T>(schema);
}

/** A CommonJS module exporting one validator per key (each key a valid property name). */
export function standaloneModule(schemas: ReadonlyMap<string, object>): string {
  const ajv = createAjv(true);
  for (const [key, schema] of schemas) ajv.addSchema(schema, key);
  return standaloneCode(ajv, Object.fromEntries([...schemas.keys()].map((key) => [key, key])));
}
