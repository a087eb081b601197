/** The Go profile's `settings`: data the strategy reads, validated at profile load. */
import { Type, type Static } from '@sinclair/typebox';
import { artifactStageSchema } from '../../plan/artifact-planner';
import { frameworksSchema } from '../../detect/frameworks';
import { rootEvidenceSchema } from '../../plan/root-evidence';
import { artifactRuntimeProperties } from '../../plan/artifact-runtimes';
import { absolutePath, optionTable, regexString, stringList } from '../../profiles/settings-schema';

const goRuntime = Type.Object(
  {
    image: Type.String({ minLength: 1 }),
    ...artifactRuntimeProperties,
    zoneinfo: Type.Boolean(),
    /** For a cgo binary: the image is the builder's distribution release (runtimeImages), not `image`. */
    builderRelease: Type.Optional(Type.Boolean()),
    /** The glibc runtime a cgo binary gets when this one was requested (distroless → distroless-base). */
    cgoRuntime: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const goSettingsSchema = Type.Object(
  {
    stage: artifactStageSchema,
    defaultRuntime: Type.String(),
    cgoRuntime: Type.String(),
    muslCgoRuntime: Type.String(),
    runtimes: Type.Record(Type.String(), goRuntime, { minProperties: 1 }),
    imageWorkdir: absolutePath,
    gopath: absolutePath,
    pathDirs: Type.Array(absolutePath),
    certificates: absolutePath,
    zoneinfo: Type.Array(
      Type.Object(
        {
          builder: regexString,
          path: absolutePath,
          env: Type.Optional(Type.String({ pattern: '^[A-Z_][A-Z0-9_]*$' })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
    cgoModules: stringList,
    buildOnlyEnv: stringList,
    rootEvidence: rootEvidenceSchema,
    fileLoaders: stringList,
    runtimeFiles: stringList,
    goOptions: optionTable,
    generators: stringList,
    runtimeDirs: stringList,
    notRuntimeFiles: stringList,
    frameworks: frameworksSchema,
  },
  { additionalProperties: false },
);

export type GoSettings = Static<typeof goSettingsSchema>;
export type GoRuntime = GoSettings['runtimes'][string];
