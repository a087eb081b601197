/** The PHP language strategy: what composer.json says, and the conversion plan. */
import { defineStrategy } from '../strategy';
import { analyzePhp } from './php-analysis';
import { planPhp } from './plan-php';
import { phpSettingsSchema } from './php-settings';

export const strategy = defineStrategy({
  settingsSchema: phpSettingsSchema,
  templates: ['systemPackages'],
  analyze: analyzePhp,
  describe: (project) => project.details,
  plan: (input, project) => planPhp(input, project),
});
