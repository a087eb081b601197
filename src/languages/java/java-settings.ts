/** The Java profile's `settings`: data the strategy reads, validated at profile load. */
import { Type, type Static } from '@sinclair/typebox';
import { artifactSettingsProperties } from '../../plan/artifact-planner';
import { envFileLoadsSchema } from '../../plan/env-file-loads';
import { runtimeUserSupportProperties } from '../../plan/runtime-users';
import { optionTable, regexString, stringList } from '../../profiles/settings-schema';

const absoluteDir = Type.String({ pattern: '^/' });
const version = Type.String({ pattern: '^[0-9]+(\\.[0-9]+){0,2}$' });

const javaRuntime = Type.Object(
  {
    /** Image with `{{major}}` for the Java major version; omitted for the profile's runtimeImages choice. */
    image: Type.Optional(Type.String({ minLength: 1 })),
    /** Java majors the image exists for (empty: any). */
    majors: Type.Array(Type.Integer()),
    ...runtimeUserSupportProperties,
    /** The image has an ENTRYPOINT (distroless java: `java -jar`) that a CMD-only Dockerfile must clear. */
    clearEntrypoint: Type.Optional(Type.Boolean()),
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

const names = Type.Record(Type.String(), Type.String({ minLength: 1 }));
const optionName = Type.Optional(Type.String({ pattern: '^-' }));

/** A build tool: its program names, the wrapper script a shell may run, its options, the steps that package. */
const buildTool = {
  programs: stringList,
  wrapper: Type.String({ minLength: 1 }),
  options: optionTable,
  packaging: stringList,
  /** Steps that run the application → the step msb reads them as (see java.yaml). */
  runSteps: names,
  /** The options naming the build file or directory, the modules to build, a property. */
  fileOption: optionName,
  projectsOption: optionName,
  propertyOption: optionName,
  /** Run steps msb does not replace → the skip reason. */
  unsupportedRuns: names,
  /** Run steps that serve a WAR (only a WAR can replace them). */
  warRuns: stringList,
  /** Flags (prefixes) for the run step only, dropped when msb packages instead. */
  runFlags: stringList,
  /** Steps may carry a project path (`:app:bootJar`). */
  stepPaths: Type.Optional(Type.Boolean()),
};
export const javaSettingsSchema = Type.Object(
  {
    ...artifactSettingsProperties,
    defaultRuntime: Type.String(),
    runtimes: Type.Record(Type.String(), javaRuntime, { minProperties: 1 }),
    /** Words `--runtime` accepts after (or instead of) a runtime name: `layered`. */
    runtimeOptions: Type.Optional(stringList),
    /** Where a jar goes when the command's path cannot be kept (a wildcard, a path never built). */
    fixedJarName: Type.String({ pattern: '^[^/\\s]+\\.jar$' }),
    /** Java major for builder images that do not say theirs (`maven:3`), when the build does not either. */
    fallbackMajor: Type.Union([Type.Integer(), Type.Null()]),
    /** The runtime for such builder images: `{{major}}` is the Java release the build files target. */
    releaseImage: Type.String({ minLength: 1 }),
    servlet: Type.Object(
      {
        javaxImage: Type.String(),
        jakartaImage: Type.String(),
        javaxMinMajor: Type.Integer(),
        jakartaMinMajor: Type.Integer(),
        webapps: absoluteDir,
        command: stringList,
      },
      { additionalProperties: false },
    ),
    springBootLayers: Type.Object(
      {
        dir: absoluteDir,
        builderDir: absoluteDir,
        layers: stringList,
        /** By Spring Boot version, newest first: the first whose `since` the version reaches applies. */
        extract: Type.Array(
          Type.Object({ since: version, run: Type.String() }, { additionalProperties: false }),
        ),
        launcher: Type.Array(
          Type.Object({ since: version, class: Type.String() }, { additionalProperties: false }),
        ),
      },
      { additionalProperties: false },
    ),
    /** JAVA_HOME of the builder images whose path differs from the runtime's. */
    javaHomes: Type.Record(Type.String(), absoluteDir),
    /** Sources and build files: a context folder holding them is a build input, not a runtime file. */
    sourceFiles: regexString,
    envFileLoads: envFileLoadsSchema,
    frameworks: Type.Array(
      Type.Object(
        { name: Type.String(), maven: stringList, gradle: stringList },
        { additionalProperties: false },
      ),
    ),
    maven: Type.Object(
      {
        ...buildTool,
        /** Properties naming the Java release, in the order they are read. */
        releaseProperties: stringList,
        /** Those of them Maven passes as --release (compiling against that release's class library). */
        releaseApiProperties: stringList,
      },
      { additionalProperties: false },
    ),
    gradle: Type.Object(
      {
        ...buildTool,
        /** Build and settings scripts, first found wins (Kotlin DSL first). */
        buildFiles: stringList,
        settingsFiles: stringList,
        /** Where a build script names its Java release (the first group that matched). */
        releasePattern: regexString,
        /** The task that installs the application's distribution, unless one of `unlessAlso` builds a jar too. */
        distribution: Type.Object(
          { task: Type.String(), unlessAlso: stringList },
          { additionalProperties: false },
        ),
        /** Plugin id → how a build file applies it (`version` group: the plugin's version). */
        plugins: Type.Record(Type.String(), regexString),
      },
      { additionalProperties: false },
    ),
    javaOptions: optionTable,
  },
  { additionalProperties: false },
);

export type JavaSettings = Static<typeof javaSettingsSchema>;
export type JavaRuntime = JavaSettings['runtimes'][string];
