/** The Java language strategy: the project read once, its report, and the conversion plan. */
import { defineStrategy } from '../strategy';
import { analyzeJava } from './java-analysis';
import { javaSettingsSchema } from './java-settings';
import { planJava } from './plan-java';

export const strategy = defineStrategy({
  settingsSchema: javaSettingsSchema,
  templates: ['builderSteps'],
  analyze: analyzeJava,
  describe: (project) => project.details,
  plan: planJava,
  runtimeChoices: (settings) =>
    `${Object.keys(settings.runtimes).join(' | ')}, plus ",layered" for Spring Boot layers`,
});
