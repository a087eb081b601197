/** The Python profile's `settings`: data the strategy reads, validated at profile load. */

export interface PythonSettings {
  /** Where the builder's virtual environment goes; the runtime copies it whole. */
  venvPath: string;
  /** Packages that are tools, not app dependencies: installing them does not need the venv. */
  toolPackages: string[];
  frameworks: { name: string; packages: string[]; file?: string }[];
}

export const pythonSettingsSchema = {
  type: 'object',
  required: ['venvPath', 'toolPackages', 'frameworks'],
  additionalProperties: false,
  properties: {
    venvPath: { type: 'string', pattern: '^/[^\\s$]*$' },
    toolPackages: { type: 'array', items: { type: 'string' } },
    frameworks: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'packages'],
        additionalProperties: false,
        properties: { name: { type: 'string' }, packages: { type: 'array', items: { type: 'string' } }, file: { type: 'string' } },
      },
    },
  },
} as const;
