/** The Node profile's `settings`: data the strategy reads, validated at profile load. */

export type FrameworkKind = 'static' | 'server' | 'next';
/** Which config file can move a framework's build folder (src/languages/node/output-dir.ts). */
export type OutputConfig = 'vite' | 'angular' | 'vue' | 'react' | 'next';

export interface FrameworkRule {
  name: string;
  kind: FrameworkKind;
  packages?: string[];
  files?: string[];
  outputDir?: string;
  config?: OutputConfig;
  /** Build caches the prune stage removes (relative to the project). */
  pruneCleanup?: string[];
}

/** A program that only serves a folder of files. */
export interface StaticServerRule {
  program: string;
  subcommand?: string;
  /** The folder is the first positional argument. */
  positionalDir?: boolean;
  dirFlags?: string[];
  defaultDir?: string;
  portFlags?: string[];
  portEnv?: string;
  defaultPort: number;
  /** Always answers unknown paths with index.html. */
  spa?: boolean;
  /** Flags that turn the index.html fallback on. */
  spaFlags?: string[];
  /** Flags that forward unknown paths to a URL (a fallback when it points back at the server). */
  proxyFlags?: string[];
  /** `/about` serves `about.html`. */
  cleanUrls?: boolean;
  /** Flags that take a value (so that value is not mistaken for the folder). */
  valueFlags?: string[];
  /** Packages that make the program a server, not a file server (SvelteKit's vite preview renders pages). */
  unlessPackages?: string[];
}

/** A front end's development server (hot reload): the runtime serves the production build instead. */
export interface DevServerRule {
  program: string;
  subcommands: string[];
  framework: string;
  portFlags?: string[];
  portEnv?: string;
  defaultPort: number;
  valueFlags?: string[];
  /** Packages that make the development server render on the server (Angular SSR, SvelteKit). */
  unlessPackages?: string[];
}

export interface ProgramRule {
  program: string;
  subcommand?: string;
}

export interface NodeSettings {
  staticImage: string;
  nginxRoot: string;
  nginxUser: string;
  defaultStaticPort: number;
  prune: { npm: string; yarn: string; pnpm: string; legacy: string };
  legacyNpmMaxNodeMajor: number;
  pruneCleanup: string[];
  frameworks: FrameworkRule[];
  staticServers: StaticServerRule[];
  devServers: DevServerRule[];
  buildTools: ProgramRule[];
  outDirFlags: string[];
  binPackages: Record<string, string>;
  globalToolBins: Record<string, string[]>;
}

const strings = { type: 'array', items: { type: 'string', minLength: 1 } } as const;
const port = { type: 'integer', minimum: 1, maximum: 65535 } as const;

export const nodeSettingsSchema = {
  type: 'object',
  required: [
    'staticImage', 'nginxRoot', 'nginxUser', 'defaultStaticPort', 'prune', 'legacyNpmMaxNodeMajor', 'pruneCleanup',
    'frameworks', 'staticServers', 'devServers', 'buildTools', 'outDirFlags', 'binPackages', 'globalToolBins',
  ],
  additionalProperties: false,
  properties: {
    staticImage: { type: 'string', minLength: 1 },
    nginxRoot: { type: 'string', pattern: '^/[^\\s$]*$' },
    nginxUser: { type: 'string', minLength: 1 },
    defaultStaticPort: port,
    prune: {
      type: 'object',
      required: ['npm', 'yarn', 'pnpm', 'legacy'],
      additionalProperties: false,
      properties: { npm: { type: 'string' }, yarn: { type: 'string' }, pnpm: { type: 'string' }, legacy: { type: 'string' } },
    },
    legacyNpmMaxNodeMajor: { type: 'integer', minimum: 0 },
    pruneCleanup: strings,
    frameworks: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'kind'],
        additionalProperties: false,
        properties: {
          name: { type: 'string' },
          kind: { enum: ['static', 'server', 'next'] },
          packages: strings,
          files: strings,
          outputDir: { type: 'string' },
          config: { enum: ['vite', 'angular', 'vue', 'react', 'next'] },
          pruneCleanup: strings,
        },
      },
    },
    staticServers: {
      type: 'array',
      items: {
        type: 'object',
        required: ['program', 'defaultPort'],
        additionalProperties: false,
        properties: {
          program: { type: 'string' },
          subcommand: { type: 'string' },
          positionalDir: { type: 'boolean' },
          dirFlags: strings,
          defaultDir: { type: 'string' },
          portFlags: strings,
          portEnv: { type: 'string' },
          defaultPort: port,
          spa: { type: 'boolean' },
          spaFlags: strings,
          proxyFlags: strings,
          cleanUrls: { type: 'boolean' },
          valueFlags: strings,
          unlessPackages: strings,
        },
      },
    },
    devServers: {
      type: 'array',
      items: {
        type: 'object',
        required: ['program', 'subcommands', 'framework', 'defaultPort'],
        additionalProperties: false,
        properties: {
          program: { type: 'string' },
          subcommands: { type: 'array', items: { type: 'string' } },
          framework: { type: 'string' },
          portFlags: strings,
          portEnv: { type: 'string' },
          defaultPort: port,
          valueFlags: strings,
          unlessPackages: strings,
        },
      },
    },
    buildTools: {
      type: 'array',
      items: {
        type: 'object',
        required: ['program'],
        additionalProperties: false,
        properties: { program: { type: 'string' }, subcommand: { type: 'string' } },
      },
    },
    outDirFlags: strings,
    binPackages: { type: 'object', additionalProperties: { type: 'string' } },
    globalToolBins: { type: 'object', additionalProperties: strings },
  },
} as const;
