/** The Ruby language strategy: what the Gemfile and its lock say, and the conversion plan. */
import { defineStrategy } from '../strategy';
import { analyzeRuby } from './ruby-analysis';
import { planRuby } from './plan-ruby';
import { rubySettingsSchema } from './ruby-settings';

export const strategy = defineStrategy({
  settingsSchema: rubySettingsSchema,
  templates: ['systemPackages', 'stripGemCache'],
  analyze: analyzeRuby,
  describe: (project) => project.details,
  plan: (input, project) => planRuby(input, project),
});
