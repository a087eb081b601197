/** The Go language strategy: detection details and the conversion plan. */
import type { LanguageStrategy } from '../../plan/plan-types';
import { describeGo } from './describe-go';
import { planGo } from './plan-go';
import { goSettingsSchema, GoSettings } from './go-settings';

export const goStrategy: LanguageStrategy = {
  id: 'go',
  settingsSchema: goSettingsSchema,
  describe: (input, profile) => describeGo(input, profile.settings as unknown as GoSettings),
  plan: planGo,
};
