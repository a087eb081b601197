/** The Go profile's `settings`: data the strategy reads, validated at profile load. */
import { Type, type Static } from '@sinclair/typebox';
import { artifactSettingsProperties } from '../../plan/artifact-planner';
import { frameworksSchema } from '../../detect/frameworks';
import { rootEvidenceSchema } from '../../plan/root-evidence';
import { artifactRuntimeProperties } from '../../plan/artifact-runtimes';
import { runtimeChoiceSchema } from '../../plan/artifact-runtime-choice';
import { certificatesZoneinfoProperties } from '../../plan/certificates-zoneinfo';
import { absolutePath, optionTable, stringList } from '../../profiles/settings-schema';

const goRuntime = Type.Object(artifactRuntimeProperties, { additionalProperties: false });

export const goSettingsSchema = Type.Object(
  {
    ...artifactSettingsProperties,
    runtimeChoice: runtimeChoiceSchema,
    runtimes: Type.Record(Type.String(), goRuntime, { minProperties: 1 }),
    imageWorkdir: absolutePath,
    gopath: absolutePath,
    pathDirs: Type.Array(absolutePath),
    ...certificatesZoneinfoProperties,
    cgoModules: stringList,
    buildOnlyEnv: stringList,
    rootEvidence: rootEvidenceSchema,
    fileLoaders: stringList,
    goOptions: optionTable,
    generators: stringList,
    frameworks: frameworksSchema,
  },
  { additionalProperties: false },
);

export type GoSettings = Static<typeof goSettingsSchema>;
export type GoRuntime = GoSettings['runtimes'][string];
