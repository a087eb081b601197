/** The Python language strategy: detection details and the conversion plan. */
import type { LanguageStrategy } from '../../plan/plan-types';
import { describePython } from './describe-python';
import { planPython } from './plan-python';
import { pythonSettingsSchema, PythonSettings } from './python-settings';

export const pythonStrategy: LanguageStrategy = {
  id: 'python',
  settingsSchema: pythonSettingsSchema,
  describe: (input, profile) => describePython(input, profile.settings as unknown as PythonSettings),
  plan: planPython,
};
