/**
 * `npm run build`, after tsc: writes dist/profiles/standalone-validators.js, ajv's standalone code
 * for every schema msb ships (profiles, shared system packages, each strategy's settings, config
 * files), so that `msb` validates them without compiling at start-up. A build product, never
 * committed; each validator is keyed by a hash of its schema, so a stale one is never used.
 */
'use strict';
const fs = require('fs');
const dist = require('path').join(__dirname, '..', 'dist');
const { standaloneModule } = require(`${dist}/profiles/schema-compiler`);
const { schemaKey } = require(`${dist}/profiles/schema-validator`);
const { profileSchema, packageRulesSchema } = require(`${dist}/profiles/profile-schema`);
const { configSchema } = require(`${dist}/config/config-schema`);
const { strategies } = require(`${dist}/languages/registry`);

const schemas = [
  profileSchema,
  packageRulesSchema,
  configSchema,
  ...[...strategies().values()].map((s) => s.settingsSchema),
];
// Where dist/profiles/schema-validator.js looks for it.
fs.writeFileSync(
  `${dist}/profiles/standalone-validators.js`,
  standaloneModule(new Map(schemas.map((s) => [schemaKey(s), s]))),
);
