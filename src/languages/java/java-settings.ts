/** The Java profile's `settings`: data the strategy reads, validated at profile load. */
import { runtimeUserSupportProperties } from '../../plan/runtime-users';

export interface JavaRuntime {
  /** Image with `{{major}}` for the Java major version; omitted for the profile's runtimeImages choice. */
  image?: string;
  /** Java majors the image exists for (empty: any). */
  majors: number[];
  shell: boolean;
  userTool: 'none' | 'shadow' | 'busybox';
  users: string[];
  nonrootUser?: string;
  /** The image has an ENTRYPOINT (distroless java: `java -jar`) that a CMD-only Dockerfile must clear. */
  clearEntrypoint?: boolean;
  note?: string;
}

export interface JavaSettings {
  defaultRuntime: string;
  runtimes: Record<string, JavaRuntime>;
  /** Words `--runtime` accepts after (or instead of) a runtime name: `layered`. */
  runtimeOptions?: string[];
  /** Where a jar goes when the command's path cannot be kept (a wildcard, a path never built). */
  fixedJarName: string;
  /** Java major for builder images that do not say theirs (`maven:3`), when the build does not either. */
  fallbackMajor: number | null;
  servlet: { javaxImage: string; jakartaImage: string; javaxMinMajor: number; jakartaMinMajor: number; webapps: string; command: string[] };
  springBootLayers: { dir: string; builderDir: string };
  /** JAVA_HOME of the builder images whose path differs from the runtime's. */
  javaHomes: Record<string, string>;
  runtimeFiles: string[];
  runtimeDirs: string[];
  notRuntimeFiles: string[];
  frameworks: { name: string; maven: string[]; gradle: string[] }[];
}

const stringList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

export const javaSettingsSchema = {
  type: 'object',
  required: ['defaultRuntime', 'runtimes', 'fixedJarName', 'fallbackMajor', 'servlet', 'springBootLayers', 'javaHomes', 'runtimeFiles', 'runtimeDirs', 'notRuntimeFiles', 'frameworks'],
  additionalProperties: false,
  properties: {
    defaultRuntime: { type: 'string' },
    runtimes: {
      type: 'object',
      minProperties: 1,
      additionalProperties: {
        type: 'object',
        required: ['majors', 'shell', 'userTool', 'users'],
        additionalProperties: false,
        properties: {
          image: { type: 'string', minLength: 1 },
          majors: { type: 'array', items: { type: 'integer' } },
          ...runtimeUserSupportProperties,
          clearEntrypoint: { type: 'boolean' },
          note: { type: 'string' },
        },
      },
    },
    runtimeOptions: stringList,
    fixedJarName: { type: 'string', pattern: '^[^/\\s]+\\.jar$' },
    fallbackMajor: { type: ['integer', 'null'] },
    servlet: {
      type: 'object',
      required: ['javaxImage', 'jakartaImage', 'javaxMinMajor', 'jakartaMinMajor', 'webapps', 'command'],
      additionalProperties: false,
      properties: {
        javaxImage: { type: 'string' },
        jakartaImage: { type: 'string' },
        javaxMinMajor: { type: 'integer' },
        jakartaMinMajor: { type: 'integer' },
        webapps: { type: 'string', pattern: '^/' },
        command: stringList,
      },
    },
    springBootLayers: {
      type: 'object',
      required: ['dir', 'builderDir'],
      additionalProperties: false,
      properties: { dir: { type: 'string', pattern: '^/' }, builderDir: { type: 'string', pattern: '^/' } },
    },
    javaHomes: { type: 'object', additionalProperties: { type: 'string', pattern: '^/' } },
    runtimeFiles: stringList,
    runtimeDirs: stringList,
    notRuntimeFiles: stringList,
    frameworks: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'maven', 'gradle'],
        additionalProperties: false,
        properties: { name: { type: 'string' }, maven: stringList, gradle: stringList },
      },
    },
  },
} as const;
