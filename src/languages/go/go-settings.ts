/** The Go profile's `settings`: data the strategy reads, validated at profile load. */
import { runtimeUserSupportProperties } from '../../plan/runtime-users';

export type UserTool = 'none' | 'shadow' | 'busybox';

export interface GoRuntime {
  image: string;
  /** `static` runs only static binaries; `glibc`/`musl` also run cgo binaries linked against that libc. */
  libc: 'static' | 'glibc' | 'musl';
  shell: boolean;
  /** How the image creates users: it cannot (`none`), `useradd` (`shadow`) or `adduser -D` (`busybox`). */
  userTool: UserTool;
  /** Named users the image already has. */
  users: string[];
  /** The user a Dockerfile-created user becomes when the image cannot create users. */
  nonrootUser?: string;
  certificates: boolean;
  zoneinfo: boolean;
  /** Commands the image has (HEALTHCHECK and wrapper checks). */
  commands: string[];
  note?: string;
}

export interface GoSettings {
  defaultRuntime: string;
  cgoRuntime: string;
  runtimes: Record<string, GoRuntime>;
  imageWorkdir: string;
  gopath: string;
  pathDirs: string[];
  certificates: string;
  zoneinfo: { builder: string; path: string; env?: string }[];
  cgoModules: string[];
  runtimeFiles: string[];
  generators: string[];
  runtimeDirs: string[];
  notRuntimeFiles: string[];
  frameworks: { name: string; modules: string[] }[];
}

const stringList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;
const absolutePath = { type: 'string', pattern: '^/[^\\s$]*$' } as const;

export const goSettingsSchema = {
  type: 'object',
  required: ['defaultRuntime', 'cgoRuntime', 'runtimes', 'imageWorkdir', 'gopath', 'pathDirs', 'certificates', 'zoneinfo', 'cgoModules', 'runtimeFiles', 'generators', 'runtimeDirs', 'notRuntimeFiles', 'frameworks'],
  additionalProperties: false,
  properties: {
    defaultRuntime: { type: 'string' },
    cgoRuntime: { type: 'string' },
    runtimes: {
      type: 'object',
      minProperties: 1,
      additionalProperties: {
        type: 'object',
        required: ['image', 'libc', 'shell', 'userTool', 'users', 'certificates', 'zoneinfo', 'commands'],
        additionalProperties: false,
        properties: {
          image: { type: 'string', minLength: 1 },
          libc: { enum: ['static', 'glibc', 'musl'] },
          ...runtimeUserSupportProperties,
          certificates: { type: 'boolean' },
          zoneinfo: { type: 'boolean' },
          commands: stringList,
          note: { type: 'string' },
        },
      },
    },
    imageWorkdir: absolutePath,
    gopath: absolutePath,
    pathDirs: { type: 'array', items: absolutePath },
    certificates: absolutePath,
    zoneinfo: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['builder', 'path'],
        additionalProperties: false,
        properties: { builder: { type: 'string', regex: true }, path: absolutePath, env: { type: 'string', pattern: '^[A-Z_][A-Z0-9_]*$' } },
      },
    },
    cgoModules: stringList,
    runtimeFiles: stringList,
    generators: stringList,
    runtimeDirs: stringList,
    notRuntimeFiles: stringList,
    frameworks: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'modules'],
        additionalProperties: false,
        properties: { name: { type: 'string' }, modules: stringList },
      },
    },
  },
} as const;
