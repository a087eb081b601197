import { analyzeStage } from '../../../src/analyze/stage-facts';
import { parseDockerfile } from '../../../src/parse/parse-dockerfile';
import { builderSteps } from '../../../src/plan/builder-steps';
import { shellRun } from '../../../src/plan/stage-model';

function steps(dockerfile: string, reason?: string) {
  const parsed = parseDockerfile(dockerfile);
  return builderSteps('steps', analyzeStage(parsed, parsed.stages[0]), 'why', [shellRun('make')], reason);
}

describe('builderSteps', () => {
  it.each([
    ['no USER: the steps run as root', 'FROM golang\n', null],
    ['USER root', 'FROM golang\nUSER root\n', null],
    ["the Dockerfile's own user", 'FROM golang\nUSER app\n', 'app'],
  ])('%s', (_name, dockerfile, user) => {
    expect(steps(dockerfile)).toEqual({
      at: { kind: 'end' },
      template: 'steps',
      values: { comment: 'why', user },
      instructions: [shellRun('make')],
      reason: 'the build the container did at start-up now runs once in the builder',
    });
  });

  it('takes another reason', () => {
    expect(steps('FROM golang\n', 'layers').reason).toBe('layers');
  });
});
