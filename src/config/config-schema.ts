/** The JSON schema of `.msbrc.yaml` / `msb.config.yaml` (docs: README "Configuration file"). */
export const configSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ignore: {
      description: 'Lint rules never reported (as --ignore, added to it)',
      type: 'array',
      items: { type: 'string', pattern: '^[Mm][Ss][Bb]\\d{3}$' },
    },
    runtime: {
      description: 'Default runtime flavour per language id (as --runtime, which beats it)',
      type: 'object',
      additionalProperties: { type: 'string', minLength: 1 },
    },
    minSaving: {
      description:
        'Smallest estimated size gain worth a conversion: 10MB or 5% (as --min-saving, which beats it)',
      type: ['string', 'number'],
      pattern: '^\\s*\\d+(\\.\\d+)?\\s*([Mm][Bb]|%)?\\s*$',
      minimum: 0,
    },
    force: {
      description:
        'Write results msb believes broken or not worth it, with the reasons as warnings (as --force)',
      type: 'boolean',
    },
    profiles: {
      description: 'Extra profile files, relative to the config file (before any --profile)',
      type: 'array',
      items: { type: 'string', minLength: 1 },
    },
  },
} as const;

/** A config file as written. */
export interface ConfigData {
  ignore?: string[];
  runtime?: Record<string, string>;
  minSaving?: string | number;
  force?: boolean;
  profiles?: string[];
}
