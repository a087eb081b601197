/** The Rust language strategy: the project read once, its report, and the conversion plan. */
import { defineStrategy } from '../strategy';
import { analyzeRust } from './rust-analysis';
import { rustSettingsSchema } from './rust-settings';
import { planRust } from './plan-rust';

export const strategy = defineStrategy({
  settingsSchema: rustSettingsSchema,
  templates: ['builderSteps', 'systemPackages'],
  analyze: analyzeRust,
  describe: (project) => project.details,
  plan: planRust,
  runtimeChoices: (settings) => Object.keys(settings.runtimes).join(' | '),
});
