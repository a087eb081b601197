/**
 * `npm run build`, after tsc: writes dist/profiles/standalone-validators.js, ajv's standalone code
 * for every schema msb ships (profiles, shared system packages, each strategy's settings, config
 * files), so that `msb` validates them without compiling at start-up. A build product, never
 * committed; each validator is keyed by a hash of its schema, so a stale one is never used.
 * Then dist/profiles/shipped-profiles.json: the shipped profiles as loaded and validated from their
 * YAML, keyed by a hash of the profile files (src/profiles/shipped-profiles.ts).
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

// Loaded after the validators above are written, so that loading uses them.
const { loadProfilesFromDir } = require(`${dist}/profiles/load-profiles`);
const { strategyContract } = require(`${dist}/languages`);
const { savedProfilesText } = require(`${dist}/profiles/shipped-profiles`);
// Where dist/profiles/shipped-profiles.js looks for it.
fs.writeFileSync(
  `${dist}/profiles/shipped-profiles.json`,
  savedProfilesText(loadProfilesFromDir(strategyContract)),
);
