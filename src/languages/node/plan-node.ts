/** Plans the Node conversion: a static site (nginx), a Next.js standalone server, a Node server, or a skip. */
import type { PlanInput, StrategyPlan } from '../../plan/plan-types';
import type { NodeAnalysis } from './node-analysis';
import type { NodeSettings } from './node-settings';
import { planServer } from './plan-server';
import { planStatic } from './plan-static';

export function planNode(input: PlanInput<NodeSettings>, { app, kind }: NodeAnalysis): StrategyPlan {
  switch (kind.kind) {
    case 'skip':
      return { kind: 'skip', reason: kind.reason };
    case 'static':
      return planStatic(input, app, kind.server, input.settings);
    default:
      return planServer(input, app, kind);
  }
}
