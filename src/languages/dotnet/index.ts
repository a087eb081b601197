/** The .NET language strategy: the project read once, its report, and the conversion plan. */
import { defineStrategy } from '../strategy';
import { analyzeDotnet } from './dotnet-analysis';
import { dotnetSettingsSchema } from './dotnet-settings';
import { planDotnet } from './plan-dotnet';

export const strategy = defineStrategy({
  settingsSchema: dotnetSettingsSchema,
  templates: ['builderSteps'],
  analyze: analyzeDotnet,
  describe: (project) => project.details,
  plan: planDotnet,
});
