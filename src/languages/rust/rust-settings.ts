/** The Rust profile's `settings`: data the strategy reads, validated at profile load. */
import { Type, type Static } from '@sinclair/typebox';
import { artifactSettingsProperties } from '../../plan/artifact-planner';
import { frameworksSchema } from '../../detect/frameworks';
import { artifactRuntimeProperties } from '../../plan/artifact-runtimes';
import { runtimeChoiceSchema } from '../../plan/artifact-runtime-choice';
import { certificatesZoneinfoProperties } from '../../plan/certificates-zoneinfo';
import { envFileLoadsSchema } from '../../plan/env-file-loads';
import { absolutePath, oneOf, optionTable, regexString, stringList } from '../../profiles/settings-schema';

const rustRuntime = Type.Object(
  {
    ...artifactRuntimeProperties,
    /** The package manager it installs runtime libraries with, if any. */
    packageManager: Type.Optional(oneOf(['apt', 'apk'] as const)),
    /** Packages it already has (distroless/cc: libssl3, ca-certificates). */
    packages: stringList,
  },
  { additionalProperties: false },
);

export const rustSettingsSchema = Type.Object(
  {
    ...artifactSettingsProperties,
    runtimeChoice: runtimeChoiceSchema,
    runtimes: Type.Record(Type.String(), rustRuntime, { minProperties: 1 }),
    /** Builder images whose binaries are static musl ones whatever the target says. */
    muslBuilders: Type.Array(regexString),
    cargoHome: absolutePath,
    pathDirs: Type.Array(absolutePath),
    ...certificatesZoneinfoProperties,
    /** Crates that make TLS connections: the runtime needs CA certificates. */
    tlsCrates: stringList,
    /**
     * -sys crates that Cargo.lock may list without the feature that links them (sqlx locks
     * libsqlite3-sys for a PostgreSQL-only build): counted only when a manifest depends on one of
     * `crates` or turns on a feature naming `feature`; `bundled` features (a static copy) drop them.
     */
    featureGated: Type.Record(
      Type.String(),
      Type.Object(
        { crates: stringList, feature: Type.String({ minLength: 1 }) },
        { additionalProperties: false },
      ),
    ),
    cargoOptions: optionTable,
    /** Crates that load `.env` files (dotenvy, dotenv). */
    envFileCrates: stringList,
    envFileLoads: envFileLoadsSchema,
    buildOnlyEnv: stringList,
    frameworks: frameworksSchema,
  },
  { additionalProperties: false },
);

export type RustSettings = Static<typeof rustSettingsSchema>;
export type RustRuntime = RustSettings['runtimes'][string];
