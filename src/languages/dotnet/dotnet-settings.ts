/** The .NET profile's `settings`: data the strategy reads, validated at profile load. */
import { Type, type Static } from '@sinclair/typebox';
import { artifactSettingsProperties } from '../../plan/artifact-planner';
import { frameworksSchema } from '../../detect/frameworks';
import { absolutePath, optionTable, stringList } from '../../profiles/settings-schema';

const variables = Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }), Type.String());
const majorRange = {
  fromMajor: Type.Integer({ minimum: 1 }),
  toMajor: Type.Optional(Type.Integer({ minimum: 1 })),
};

export const dotnetSettingsSchema = Type.Object(
  {
    ...artifactSettingsProperties,
    kinds: Type.Object(
      { web: Type.String(), app: Type.String(), native: Type.String() },
      { additionalProperties: false },
    ),
    webSdks: stringList,
    webFrameworks: stringList,
    staticSdks: stringList,
    imageEnv: Type.Array(
      Type.Object({ ...majorRange, sdk: variables, runtime: variables }, { additionalProperties: false }),
    ),
    users: Type.Array(
      Type.Object({ ...majorRange, names: stringList, env: variables }, { additionalProperties: false }),
    ),
    imageCommands: Type.Object({ alpine: stringList, debian: stringList }, { additionalProperties: false }),
    alpineGlobalization: Type.Object(
      { env: Type.String(), property: Type.String(), packages: stringList },
      { additionalProperties: false },
    ),
    devCertificateStore: absolutePath,
    publishDir: absolutePath,
    publishConfiguration: Type.String({ pattern: '^[A-Za-z0-9_.-]+$' }),
    releaseFromMajor: Type.Integer(),
    ridSelfContainedBelowMajor: Type.Integer(),
    commandOptions: Type.Object({ build: optionTable, run: optionTable }, { additionalProperties: false }),
    startupBuildVerbs: stringList,
    frameworks: frameworksSchema,
  },
  { additionalProperties: false },
);

export type DotnetSettings = Static<typeof dotnetSettingsSchema>;

/** The entry of a major-ranged list that covers `major`. */
export function forMajor<T extends { fromMajor: number; toMajor?: number }>(
  entries: readonly T[],
  major: number,
): T | undefined {
  return entries.find((e) => major >= e.fromMajor && (e.toMajor === undefined || major <= e.toMajor));
}
