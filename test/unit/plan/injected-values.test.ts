/**
 * A value from the user's file that would smuggle an instruction into the generated runtime
 * stage (a line break, a trailing escape) must never reach the output: convertText checks the
 * parsed output's runtime stage against the instructions the plan meant to write. A strategy
 * wrapper plants such a value, since the shipped strategies already sanitise what they copy.
 */
import * as path from 'path';
import { convertText } from '../../../src';
import { defaultEnvironment } from '../../../src/languages';
import { INJECTED_VALUE_REASON, PlanEnvironment } from '../../../src/plan/planner';
import type { RuntimeStageModel } from '../../../src/plan/plan-types';

const EXAMPLE = path.resolve(__dirname, '../../../examples/python-requirements-console-script/Dockerfile');
const DOCKERFILE = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["greet-app"]\n';

function plantingEnvironment(plant: (model: RuntimeStageModel) => void): PlanEnvironment {
  const base = defaultEnvironment();
  return {
    ...base,
    strategyFor: (profile) => {
      const strategy = base.strategyFor(profile);
      return {
        ...strategy,
        analyze: (input) => {
          const project = strategy.analyze(input);
          return {
            ...project,
            plan: (context) => {
              const plan = project.plan(context);
              if (plan.kind === 'convert') plant(plan.runtime);
              return plan;
            },
          };
        },
      };
    },
  };
}

it('the untouched strategy converts the file (the cases below are not skipped for another reason)', () => {
  expect(convertText(DOCKERFILE, { file: EXAMPLE, environment: plantingEnvironment(() => undefined) }).status).toBe('changed');
});

it.each<[string, (model: RuntimeStageModel) => void]>([
  ['a line break that adds an instruction', (m) => (m.workdir = 'WORKDIR /app\nRUN touch /pwned')],
  ['a trailing escape that swallows the next instruction', (m) => (m.user = 'USER app \\')],
  ['a line that is not an instruction at all', (m) => (m.workdir = 'WORKDIR /app\nrm -rf /')],
])('%s: skipped with the reason, the file left as it is', (_name, plant) => {
  const result = convertText(DOCKERFILE, { file: EXAMPLE, environment: plantingEnvironment(plant) });
  expect(result).toMatchObject({ status: 'skipped', reason: INJECTED_VALUE_REASON, output: DOCKERFILE });
});
