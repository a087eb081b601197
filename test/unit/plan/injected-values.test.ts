/**
 * A value from the user's file that would smuggle an instruction into the generated runtime
 * stage (a line break, a trailing escape) must never reach the output. Typed values are refused
 * by the renderer; the user's own instructions carried verbatim are checked by re-parsing the
 * output (convertText counts the runtime stage's instructions). A strategy wrapper plants such
 * values, since the shipped strategies never produce them.
 */
import * as path from 'path';
import { convertText } from '../../../src';
import { defaultEnvironment } from '../../../src/languages';
import { INJECTED_VALUE_REASON, PlanEnvironment } from '../../../src/plan/planner';
import {
  BUILDER,
  containerCommand,
  copy,
  env,
  original,
  RuntimeStageModel,
  user,
  workdir,
} from '../../../src/plan/stage-model';

const EXAMPLE = path.resolve(__dirname, '../../../examples/python-requirements-console-script/Dockerfile');
const DOCKERFILE =
  'FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["greet-app"]\n';

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
  expect(
    convertText(DOCKERFILE, {
      file: EXAMPLE,
      context: path.dirname(EXAMPLE),
      environment: plantingEnvironment(() => undefined),
    }).status,
  ).toBe('converted');
});

it.each<[string, (model: RuntimeStageModel) => void]>([
  ['a typed path with a line break', (m) => (m.workdir = workdir('/app\nRUN touch /pwned'))],
  ['a typed ENV value with a line break', (m) => m.env.push(env([['A', 'x\nRUN touch /pwned']]))],
  [
    'a typed copy source with a line break',
    (m) => m.copies.push(copy(BUILDER, '/a\nRUN touch /pwned', '/a')),
  ],
  [
    'a shell command with a line break that is no continuation',
    (m) => m.command.push(containerCommand('CMD', { form: 'shell', text: 'run\nRUN touch /pwned' })),
  ],
  [
    'a shell command that opens a heredoc',
    (m) => m.command.push(containerCommand('CMD', { form: 'shell', text: 'cat <<EOF' })),
  ],
  [
    'an original instruction with a line break that adds an instruction',
    (m) => (m.workdir = original('WORKDIR /app\nRUN touch /pwned')),
  ],
  [
    'an original instruction with a trailing escape that swallows the next one',
    (m) => (m.user = original('USER app \\')),
  ],
  [
    'an original line that is not an instruction at all',
    (m) => (m.workdir = original('WORKDIR /app\nrm -rf /')),
  ],
])('%s: skipped with the reason, the file left as it is', (_name, plant) => {
  const result = convertText(DOCKERFILE, {
    file: EXAMPLE,
    context: path.dirname(EXAMPLE),
    environment: plantingEnvironment(plant),
  });
  expect(result).toMatchObject({ status: 'skipped', reason: INJECTED_VALUE_REASON, output: DOCKERFILE });
});

it('a user name with a line break is refused where the node is built', () => {
  expect(() => user('app\nRUN x')).toThrow('is not a user msb can write');
});
