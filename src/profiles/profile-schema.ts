/**
 * JSON schema of a language profile, checked on the profile merged with what it extends;
 * `settings` is checked against the strategy's own schema.
 */

const weightedRule = {
  type: 'object',
  required: ['pattern', 'weight'],
  additionalProperties: false,
  properties: {
    pattern: { type: 'string', minLength: 1 },
    weight: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
    evidence: { type: 'string' },
  },
} as const;

const regexRule = {
  ...weightedRule,
  properties: { ...weightedRule.properties, pattern: { type: 'string', minLength: 1, regex: true } },
} as const;

const tagRule = {
  type: 'object',
  required: ['match'],
  additionalProperties: false,
  properties: {
    match: { type: 'string', regex: true },
    keep: { type: 'boolean' },
    to: { type: 'string' },
    image: { type: 'string' },
    note: { type: 'string' },
    unlessRuns: { type: 'array', items: { type: 'string', minLength: 1 } },
  },
  oneOf: [{ required: ['keep'] }, { required: ['to'] }, { required: ['image'] }],
} as const;

const packageList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;
const perManager = {
  type: 'object',
  additionalProperties: false,
  properties: { apt: packageList, apk: packageList },
} as const;

/** The Debian releases msb knows package names for, oldest first. */
export const DEBIAN_RELEASES = ['buster', 'bullseye', 'bookworm', 'trixie'] as const;

const profileId = { type: 'string', pattern: '^[a-z][a-z0-9-]*$' } as const;

/** The apt/apk knowledge of a profile, and of `language-profiles/system-packages.yaml`. */
export const packageRulesSchema = {
  type: 'object',
  required: ['buildOnly', 'runtimeLibraries', 'runtime'],
  additionalProperties: false,
  properties: {
    buildOnly: packageList,
    runtime: packageList,
    runtimeLibraries: { type: 'object', additionalProperties: perManager },
    tools: { type: 'object', additionalProperties: packageList },
    fullImageTools: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: { apt: { type: 'string' }, apk: { type: 'string' } },
      },
    },
    dependencyLibraries: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['note'],
        additionalProperties: false,
        properties: { apt: packageList, apk: packageList, note: { type: 'string', minLength: 1 } },
        anyOf: [{ required: ['apt'] }, { required: ['apk'] }],
      },
    },
    releaseNames: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(DEBIAN_RELEASES.map((r) => [r, { type: 'string', minLength: 1 }])),
      },
    },
    usedWhen: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['programs', 'code'],
        additionalProperties: false,
        properties: { programs: packageList, code: { type: 'string', minLength: 1, regex: true } },
      },
    },
    imageReleases: {
      type: 'array',
      items: {
        type: 'object',
        required: ['image', 'tag', 'releases'],
        additionalProperties: false,
        properties: {
          image: { type: 'string', regex: true },
          tag: { type: 'string', regex: true },
          releases: { type: 'array', minItems: 1, items: { enum: DEBIAN_RELEASES } },
        },
      },
    },
  },
} as const;

export const profileSchema = {
  type: 'object',
  required: ['id', 'name', 'strategy', 'detect', 'runtimeImages', 'templates'],
  additionalProperties: false,
  properties: {
    id: profileId,
    /** A profile this one is laid over (merge rules: src/profiles/overlay-data.ts). */
    extends: profileId,
    name: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    strategy: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    detect: {
      type: 'object',
      required: ['priority', 'files', 'baseImages', 'commands'],
      additionalProperties: false,
      properties: {
        priority: { type: 'integer' },
        files: { type: 'array', items: weightedRule },
        baseImages: { type: 'array', items: regexRule },
        commands: { type: 'array', items: regexRule },
      },
    },
    runtimeImages: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', regex: true },
          tags: { type: 'array', items: tagRule },
          image: { type: 'string' },
          note: { type: 'string' },
          workdir: { type: 'string', pattern: '^/' },
        },
        anyOf: [{ required: ['tags'] }, { required: ['image'] }],
      },
    },
    /** Registries and paths that mirror Docker Hub: the image below the prefix is read as the official one. */
    registryPrefixes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['prefix'],
        additionalProperties: false,
        properties: {
          prefix: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*(/[A-Za-z0-9._-]+)*/?$' },
          note: { type: 'string' },
        },
      },
    },
    contextSkipDirs: { type: 'array', items: { type: 'string', pattern: '^[^/]+$' } },
    sourceExtensions: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9]+$' } },
    installCaches: {
      type: 'array',
      items: {
        type: 'object',
        required: ['subject', 'installers', 'verb', 'cleared', 'message'],
        additionalProperties: false,
        properties: {
          subject: { type: 'string', minLength: 1 },
          installers: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['program'],
              additionalProperties: false,
              properties: {
                program: { type: 'string', regex: true },
                words: { type: 'array', items: { type: 'string', minLength: 1 } },
              },
            },
          },
          verb: { type: 'string', minLength: 1 },
          cleared: {
            type: 'object',
            additionalProperties: false,
            properties: {
              flags: { type: 'array', items: { type: 'string' } },
              env: { type: 'array', items: { type: 'string' } },
              script: { type: 'string', regex: true },
            },
          },
          message: { type: 'string', minLength: 1 },
        },
      },
    },
    packages: {
      ...packageRulesSchema,
      properties: { ...packageRulesSchema.properties, extends: { const: 'system-packages' } },
    },
    templates: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
    imageSizes: { type: 'object', additionalProperties: { type: 'number', minimum: 0 } },
    /** What the size estimate (src/estimate) knows of this language besides the images. */
    estimate: {
      type: 'object',
      additionalProperties: false,
      properties: {
        application: { type: 'number', minimum: 0 },
        packageMb: { type: 'number', minimum: 0 },
        packages: { type: 'object', additionalProperties: { type: 'number', minimum: 0 } },
        caches: { type: 'object', additionalProperties: { type: 'number', minimum: 0 } },
        steps: {
          type: 'array',
          items: {
            type: 'object',
            required: ['match', 'pattern', 'image', 'mb', 'what'],
            additionalProperties: false,
            properties: {
              match: { enum: ['build', 'added'] },
              pattern: { type: 'string', regex: true },
              unless: { type: 'string', regex: true },
              image: { enum: ['original', 'converted'] },
              mb: { type: 'number', minimum: 0 },
              what: { type: 'string', minLength: 1 },
            },
          },
        },
      },
    },
    settings: { type: 'object' },
  },
} as const;
