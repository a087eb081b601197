/** The Java language strategy: detection details and the conversion plan. */
import type { LanguageStrategy } from '../../plan/plan-types';
import { describeJava } from './describe-java';
import { planJava } from './plan-java';
import { javaSettingsSchema, JavaSettings } from './java-settings';

export const javaStrategy: LanguageStrategy = {
  id: 'java',
  settingsSchema: javaSettingsSchema,
  describe: (input, profile) => describeJava(input, profile.settings as unknown as JavaSettings),
  plan: planJava,
};
