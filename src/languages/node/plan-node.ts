/** Plans the Node conversion: a static site (nginx), a Next.js standalone server, a Node server, or a skip. */
import type { PlanInput, StrategyPlan } from '../../plan/plan-types';
import { classifyApp } from './app-kind';
import { readNodeApp } from './node-app';
import type { NodeSettings } from './node-settings';
import { planServer } from './plan-server';
import { planStatic } from './plan-static';

export function planNode(input: PlanInput): StrategyPlan {
  const settings = input.profile.settings as unknown as NodeSettings;
  const app = readNodeApp(input, settings);
  const kind = classifyApp(app, input, settings);
  switch (kind.kind) {
    case 'skip':
      return { kind: 'skip', reason: kind.reason };
    case 'static':
      return planStatic(input, app, kind.server, settings);
    default:
      return planServer(input, app, kind, settings);
  }
}
