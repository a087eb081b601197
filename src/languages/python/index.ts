/** The Python language strategy: what the manifests say, and the conversion plan. */
import { defineStrategy } from '../strategy';
import { analyzePython } from './python-analysis';
import { planPython } from './plan-python';
import { pythonSettingsSchema } from './python-settings';

export const strategy = defineStrategy({
  settingsSchema: pythonSettingsSchema,
  templates: ['systemPackages', 'builderVenv', 'stripInstallers', 'builderUserBase'],
  analyze: analyzePython,
  // The plan reads the Dockerfile's commands; the manifests only feed the report.
  describe: (details) => details,
  plan: (input) => planPython(input),
});
