/**
 * The converted plan of a strategy whose runtime image the profile's rules chose
 * (chooseRuntimeImage): the choice's notes come first among the decisions, as the FROM msb adds.
 */
import type { Decision, StrategyPlan } from './plan-types';

type Converted = Extract<StrategyPlan, { kind: 'convert' }>;

export function convertedPlan(
  image: { image: string; notes: readonly string[] },
  plan: Omit<Converted, 'kind' | 'runtimeImage'>,
): Converted {
  const notes = image.notes.map((why): Decision => ({ subject: 'FROM', placement: 'added', why }));
  return { kind: 'convert', ...plan, decisions: [...notes, ...plan.decisions], runtimeImage: image.image };
}
