/** The Node.js language strategy: the project read once, its report, and the conversion plan by app kind. */
import { defineStrategy } from '../strategy';
import { analyzeNode } from './node-analysis';
import { nodeSettingsSchema } from './node-settings';
import { planServer } from './plan-server';
import { planStatic } from './plan-static';

export const strategy = defineStrategy({
  settingsSchema: nodeSettingsSchema,
  templates: ['systemPackages', 'nginxConfig', 'pruneStage', 'buildStep'],
  analyze: analyzeNode,
  describe: (project) => project.details,
  plan: (input, { app, kind }) => {
    if (kind.kind === 'skip') return { kind: 'skip', reason: kind.reason };
    return kind.kind === 'static' ? planStatic(input, app, kind.server) : planServer(input, app, kind);
  },
});
