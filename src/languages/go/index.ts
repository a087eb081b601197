/** The Go language strategy: the project read once, its report, and the conversion plan. */
import { defineStrategy } from '../strategy';
import { analyzeGo } from './go-analysis';
import { goSettingsSchema } from './go-settings';
import { planGo } from './plan-go';

export const strategy = defineStrategy({
  settingsSchema: goSettingsSchema,
  templates: ['builderStatic', 'builderSteps'],
  analyze: analyzeGo,
  describe: (project) => project.details,
  plan: (input, project) => planGo(input, project.sources),
  runtimeChoices: (settings) => Object.keys(settings.runtimes).join(' | '),
});
