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
      description: 'Smallest size gain worth a conversion (as --min-saving, which beats it)',
      type: ['string', 'number'],
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
  profiles?: string[];
}
