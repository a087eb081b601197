/** The Node profile's `settings`: data the strategy reads, validated at profile load. */
import { Type, type Static } from '@sinclair/typebox';
import { frameworkFields } from '../../detect/frameworks';
import { interpretedSchema } from '../../plan/interpreted-plan';
import { absolutePath, oneOf, optionTable, regexString, stringList } from '../../profiles/settings-schema';

const port = Type.Integer({ minimum: 1, maximum: 65535 });

/**
 * A framework's config that can move its build folder (read by framework-config.ts; config files
 * are code, so only literal values count): a property of its config file, an environment
 * variable, or an Angular workspace.
 */
const configFile = Type.Object(
  {
    /** The config file's names in the project folder, first found wins. */
    files: Type.Optional(stringList),
    /** The literal property that names the build folder, and what decisions call it (`build.outDir`). */
    property: Type.Optional(Type.String({ minLength: 1 })),
    says: Type.Optional(Type.String({ minLength: 1 })),
    /** A literal property the folder is relative to (vite's `root`). */
    relativeTo: Type.Optional(Type.String({ minLength: 1 })),
    /** The property's value that makes the build write the framework's `outputDir` (next's `output: 'export'`); any other, none. */
    value: Type.Optional(Type.String({ minLength: 1 })),
    /** An environment variable that names the build folder (CRA's BUILD_PATH). */
    variable: Type.Optional(Type.String({ minLength: 1 })),
    /** The file is a workspace of this kind (angular.json: the default project's build outputPath). */
    workspace: Type.Optional(oneOf(['angular'] as const)),
  },
  { additionalProperties: false },
);

/** A server's config file: where it reads its port when no flag gives one, and the public path it serves under. */
const serverConfig = Type.Object(
  {
    files: stringList,
    /** `block.name` of a literal number (`preview.port`). */
    port: Type.Optional(Type.String({ pattern: '^\\w+\\.\\w+$' })),
    /** The literal property holding the public path (`base: '/app/'`). */
    base: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);

const frameworkRule = Type.Object(
  {
    ...frameworkFields,
    kind: oneOf(['static', 'server', 'next'] as const),
    outputDir: Type.Optional(Type.String()),
    /** What can move the build folder (and for next, what says standalone or export). */
    config: Type.Optional(configFile),
    /** Build caches the prune stage removes (relative to the project). */
    pruneCleanup: Type.Optional(stringList),
  },
  { additionalProperties: false },
);

/** What a front-end server's rule says of it: its port (flags, variable, default), the flags that take a value, its config file. */
const serverFields = {
  program: Type.String(),
  portFlags: Type.Optional(stringList),
  portEnv: Type.Optional(Type.String()),
  defaultPort: port,
  /** Flags that take a value (so that value is not mistaken for the folder). */
  valueFlags: Type.Optional(stringList),
  /** Packages that make it render pages on the server (SvelteKit's vite preview, Angular SSR): not a front end then. */
  unlessPackages: Type.Optional(stringList),
  config: Type.Optional(serverConfig),
};

/** A program that only serves a folder of files. */
const staticServerRule = Type.Object(
  {
    ...serverFields,
    subcommand: Type.Optional(Type.String()),
    /** The folder is the first positional argument. */
    positionalDir: Type.Optional(Type.Boolean()),
    dirFlags: Type.Optional(stringList),
    defaultDir: Type.Optional(Type.String()),
    /** Always answers unknown paths with index.html. */
    spa: Type.Optional(Type.Boolean()),
    /** Flags that turn the index.html fallback on. */
    spaFlags: Type.Optional(stringList),
    /** Flags that forward unknown paths to a URL (a fallback when it points back at the server). */
    proxyFlags: Type.Optional(stringList),
    /** `/about` serves `about.html`. */
    cleanUrls: Type.Optional(Type.Boolean()),
    /** The index.html fallback wins over clean URLs (`serve -s` answers `/about` with index.html, not about.html). */
    spaOverridesCleanUrls: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** A front end's development server (hot reload): the runtime serves the production build instead. */
const devServerRule = Type.Object(
  { ...serverFields, subcommands: Type.Array(Type.String()), framework: Type.String() },
  { additionalProperties: false },
);

/** A command that compiles TypeScript: its options (-p, --outDir) and the tsconfigs it reads by default. */
const typescriptBuild = Type.Object(
  {
    program: Type.String(),
    subcommand: Type.Optional(Type.String()),
    options: optionTable,
    tsconfigs: stringList,
  },
  { additionalProperties: false },
);

const programRule = Type.Object(
  { program: Type.String(), subcommand: Type.Optional(Type.String()) },
  { additionalProperties: false },
);

/** An install option that decides devDependencies: present (`-D`), or with a value matching `values`. */
const devOption = Type.Object(
  {
    option: Type.String(),
    values: Type.Optional(regexString),
    /** `omit` options written `=false` put devDependencies in (`--production=false`). */
    dev: oneOf(['include', 'omit'] as const),
  },
  { additionalProperties: false },
);

/** How msb reads one package manager's command line (src/languages/node/node-commands.ts). */
const packageManager = Type.Object(
  {
    /** The program's names (`yarn`, `yarnpkg`). */
    programs: stringList,
    /** Options that take a value, so it is not read as the subcommand. */
    valueOptions: stringList,
    /** Options that name the project folder (`npm --prefix client ci`), first found wins. */
    dirOptions: stringList,
    /** Options (or `option=value`) that make an install global. */
    globalOptions: stringList,
    /** Subcommands that install the project; `add` ones also add the packages they name. */
    install: stringList,
    add: stringList,
    /** The bare program (`yarn`) installs. */
    bareInstalls: Type.Optional(Type.Boolean()),
    /** Two-word subcommands (`global add`) that install globally or install the project. */
    pairs: Type.Optional(Type.Record(Type.String(), oneOf(['global-install', 'install'] as const))),
    /** In order, the first one written decides whether devDependencies are installed. */
    devOptions: Type.Array(devOption),
    /** Subcommands that run the package.json script named next (`run build`). */
    run: stringList,
    /** `run <name>` runs node_modules/.bin/<name> when package.json has no such script. */
    runFallsBackToProgram: Type.Optional(Type.Boolean()),
    /** Running a script runs its `pre<name>` and `post<name>` scripts too. */
    runsHooks: Type.Optional(Type.Boolean()),
    /** Subcommands that run the script of the same name; aliases name the script (`t` → test). */
    lifecycle: stringList,
    aliases: Type.Optional(Type.Record(Type.String(), Type.String())),
    /** Subcommands that run the program named after them (`exec`, `dlx`). */
    exec: stringList,
    /** Subcommands that run node with the words after them (`yarn node server.js`). */
    node: Type.Optional(stringList),
    prune: stringList,
    /** With this list, any other subcommand runs the script (or .bin program) of its name (`yarn build`). */
    builtins: Type.Optional(stringList),
    /** Environment variables that, true, leave devDependencies out (false puts them in). */
    productionVariables: stringList,
    /** Runs the project's build script (a step msb adds before a static runtime). */
    buildCommand: Type.String({ minLength: 1 }),
    /** Removes devDependencies from the tree an install left (run in a stage FROM the builder). */
    pruneCommand: Type.String({ minLength: 1 }),
    /** The prune command of old versions: used up to this Node major (npm 6 has no --omit). */
    legacyPrune: Type.Optional(
      Type.Object(
        { command: Type.String({ minLength: 1 }), maxNodeMajor: Type.Integer({ minimum: 0 }) },
        { additionalProperties: false },
      ),
    ),
    /** Cleans the download cache after a global install msb replays in the runtime. */
    globalCacheClean: Type.Optional(Type.String({ minLength: 1 })),
    /** Install options the prune command repeats as written (--ignore-scripts, the registry...). */
    pruneFlags: stringList,
    /** Environment variables holding a list that, when it names `dev`, puts devDependencies in or leaves them out. */
    devListVariables: Type.Optional(Type.Record(Type.String(), oneOf(['include', 'omit'] as const))),
    /**
     * A major version with no production-only install (Yarn 2+): its files, a line its lockfile starts
     * with, and the `packageManager` version it starts at.
     */
    berry: Type.Optional(
      Type.Object(
        { files: stringList, lockfileMarker: regexString, fromMajor: Type.Integer({ minimum: 1 }) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const nodeSettingsSchema = Type.Object(
  {
    interpreted: interpretedSchema,
    packageManagers: Type.Object(
      { npm: packageManager, yarn: packageManager, pnpm: packageManager },
      { additionalProperties: false },
    ),
    npxValueOptions: stringList,
    /** Lockfile → its package manager, first found wins. */
    lockfiles: Type.Record(Type.String(), oneOf(['npm', 'yarn', 'pnpm'] as const)),
    /** Files that only describe dependencies (globs): an image holding nothing else has no sources to build. */
    manifestFiles: stringList,
    /** node's own options, and those that preload a module (`-r ts-node/register`). */
    nodeOptions: optionTable,
    preloadOptions: stringList,
    /** What describe calls each kind of app. */
    appKinds: Type.Object(
      { static: Type.String(), 'next-standalone': Type.String(), server: Type.String(), skip: Type.String() },
      { additionalProperties: false },
    ),
    staticImage: Type.String({ minLength: 1 }),
    staticStageComment: Type.String({ minLength: 1 }),
    nginxRoot: absolutePath,
    nginxUser: Type.String({ minLength: 1 }),
    defaultStaticPort: port,
    pruneCleanup: stringList,
    frameworks: Type.Array(frameworkRule),
    staticServers: Type.Array(staticServerRule),
    devServers: Type.Array(devServerRule),
    /** Commands that may sit beside a file server in the CMD without changing what it serves. */
    besideServer: stringList,
    buildTools: Type.Array(programRule),
    typescriptBuilds: Type.Array(typescriptBuild),
    compilesAtStart: Type.Array(
      Type.Object(
        {
          program: Type.String({ minLength: 1 }),
          subcommand: Type.String({ minLength: 1 }),
          /** The production command to suggest instead. */
          instead: Type.String({ minLength: 1 }),
        },
        { additionalProperties: false },
      ),
    ),
    outDirFlags: stringList,
    /** Next.js standalone output replaces its start command; that command's options set server.js's variables. */
    nextStandalone: Type.Object(
      {
        start: programRule,
        options: optionTable,
        /** server.js's variable → the options that set it, and its value when none does. */
        env: Type.Record(
          Type.String(),
          Type.Object(
            { options: stringList, default: Type.Optional(Type.String()) },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    /** Extensions of TypeScript sources: a compiled server's are removed in the prune stage. */
    typescriptExtensions: stringList,
    /** Top-level files and folders a compiled server does not read (tests, build configs). */
    compiledBuildFiles: stringList,
    /** Packages that read tsconfig.json at run time when preloaded (`node -r tsconfig-paths/register`). */
    tsconfigAtRunTime: stringList,
    binPackages: Type.Record(Type.String(), Type.String()),
    /** Scripts a package manager runs when package.json has none (`npm start` runs server.js). */
    defaultScripts: Type.Record(Type.String(), Type.String()),
    /** Script names that build (`build`, `build:prod`): a RUN of one is a build step. */
    buildScripts: regexString,
    /** Programs that, as a bare ENTRYPOINT with no CMD, wait for the real command (`ENTRYPOINT ["npm"]`). */
    argumentRunners: stringList,
    globalToolBins: Type.Record(Type.String(), stringList),
    /** corepack's subcommands (src/languages/node/node-commands.ts). */
    corepack: Type.Object(
      {
        /** Subcommands that install package managers globally → those installed when the command names none. */
        installs: Type.Record(Type.String(), Type.Array(Type.String({ minLength: 1 }))),
        /** Package managers it runs with the words that follow (`corepack pnpm install`). */
        runs: Type.Array(oneOf(['npm', 'yarn', 'pnpm'] as const)),
      },
      { additionalProperties: false },
    ),
    /** The client `prisma generate` writes: yarn's prune installs again and loses it, so it is copied back. */
    prismaClient: Type.Object(
      {
        generate: Type.Object(
          { program: Type.String({ minLength: 1 }), subcommand: Type.String({ minLength: 1 }) },
          { additionalProperties: false },
        ),
        /** Where it writes the client, relative to the project (unless the schema's generator sets `output`). */
        output: Type.String({ minLength: 1 }),
        /** The schema files it reads, relative to the project. */
        schemas: stringList,
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export type NodeSettings = Static<typeof nodeSettingsSchema>;
export type FrameworkRule = Static<typeof frameworkRule>;
export type ConfigFile = Static<typeof configFile>;
export type StaticServerRule = Static<typeof staticServerRule>;
export type DevServerRule = Static<typeof devServerRule>;
export type TypeScriptBuild = Static<typeof typescriptBuild>;
export type PackageManagerRule = Static<typeof packageManager>;
export type Manager = keyof NodeSettings['packageManagers'];
