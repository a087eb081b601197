/** The Node.js language strategy: detection details and the conversion plan. */
import type { LanguageStrategy } from '../../plan/plan-types';
import { describeNode } from './describe-node';
import { planNode } from './plan-node';
import { nodeSettingsSchema, NodeSettings } from './node-settings';

export const nodeStrategy: LanguageStrategy = {
  id: 'node',
  settingsSchema: nodeSettingsSchema,
  describe: (input, profile) => describeNode(input, profile.settings as unknown as NodeSettings),
  plan: planNode,
};
