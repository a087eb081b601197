/** The Python profile's `settings`: data the strategy reads, validated at profile load. */
import { Type, type Static } from '@sinclair/typebox';
import { frameworksSchema } from '../../detect/frameworks';
import { interpretedSchema } from '../../plan/interpreted-plan';
import { toolImagesSchema } from '../../plan/tool-images';
import { absolutePath, optionTable, regexString, stringList } from '../../profiles/settings-schema';

/** What a kind of environment holds, the variable naming its folder, and whether its bin/ goes on PATH. */
const environment = Type.Object(
  {
    holds: Type.String(),
    variable: Type.Optional(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' })),
    path: Type.Optional(Type.Union([Type.Literal('always'), Type.Literal('unlessSet')])),
  },
  { additionalProperties: false },
);

export const pythonSettingsSchema = Type.Object(
  {
    /** Each kind of environment the build makes: the runtime's decision and ENV for it. */
    environments: Type.Object(
      {
        'new-venv': environment,
        'existing-venv': environment,
        'uv-project': environment,
        'user-site': environment,
        'user-base': environment,
        prefix: environment,
      },
      { additionalProperties: false },
    ),
    /** Where the builder's virtual environment goes; the runtime copies it whole. */
    venvPath: absolutePath,
    /** Packages that are tools, not app dependencies: installing them does not need the venv. */
    toolPackages: Type.Array(Type.String()),
    /** pip's (and `uv pip`'s) options: which take a value, their aliases and glued spellings. */
    pipOptions: optionTable,
    /** Tools that manage the environment: they run as `python -m NAME`, and `NAME run CMD` runs CMD in it. */
    environmentManagers: stringList,
    /** Program → the verbs that install the project's dependencies (none listed: the program itself). */
    dependencyInstallers: Type.Record(Type.String(), stringList),
    /** Programs whose environments need conda at run time. */
    condaPrograms: stringList,
    /** Programs and `python -m` modules that run the tests. */
    testPrograms: stringList,
    testModules: stringList,
    /** Files whose imports do not keep an installer (they import setuptools only to build). */
    buildOnlyFiles: stringList,
    /** A build step that still uses an installer: their removal comes after it. */
    installerUse: regexString,
    /**
     * Installers the runtime's environment does without → the modules whose import in the app's
     * code keeps them (`setuptools: [setuptools, pkg_resources]`).
     */
    installers: Type.Record(Type.String(), Type.Array(Type.String())),
    /** Images whose own command runs the system Python's tools: pip installs into a user base, not a venv. */
    systemPythonImages: Type.Array(Type.String()),
    /** Prefixes that are the system Python's own (`pip install --prefix=/usr/local`): not copied apart from the image. */
    systemPrefixes: Type.Array(absolutePath),
    /** The user base (PYTHONUSERBASE) for those images; the runtime copies it whole. */
    userBasePath: absolutePath,
    /** Images installers are copied from (`COPY --from=ghcr.io/astral-sh/uv`) and the programs they bring. */
    installerImages: toolImagesSchema,
    frameworks: frameworksSchema,
    interpreted: interpretedSchema,
  },
  { additionalProperties: false },
);

export type PythonSettings = Static<typeof pythonSettingsSchema>;
