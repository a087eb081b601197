/** The Node.js language strategy: the project read once, its report, and the conversion plan. */
import { defineStrategy } from '../strategy';
import { analyzeNode } from './node-analysis';
import { nodeSettingsSchema } from './node-settings';
import { planNode } from './plan-node';

export const strategy = defineStrategy({
  settingsSchema: nodeSettingsSchema,
  templates: ['systemPackages', 'nginxConfig', 'pruneStage', 'buildStep'],
  analyze: analyzeNode,
  describe: (project) => project.details,
  plan: planNode,
});
