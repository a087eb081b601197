import { analyzeStage } from '../../../src/analyze/stage-facts';
import { parseDockerfile } from '../../../src/parse/parse-dockerfile';
import {
  missingCommandTargets,
  missingHealthcheckPrograms,
  unrunnableScript,
} from '../../../src/plan/missing-programs';

const has = (program: string) => ['curl', '/app/server'].includes(program);

function healthcheck(instruction: string, hasShell?: boolean): string[] {
  const parsed = parseDockerfile(`FROM scratch\n${instruction}\n`);
  const facts = analyzeStage(parsed, parsed.stages[0]);
  return missingHealthcheckPrograms(facts, 'img', has, hasShell).map((b) => `${b.kind}: ${b.message}`);
}

describe('missingHealthcheckPrograms', () => {
  it.each([
    ['a program the image has', 'HEALTHCHECK CMD ["curl", "-f", "http://localhost"]', undefined, []],
    [
      'a program it lacks',
      'HEALTHCHECK CMD ["wget", "-q", "http://localhost"]',
      undefined,
      ['program-missing: the HEALTHCHECK needs "wget", which img does not have: it will report unhealthy'],
    ],
    ['exit is the shell builtin', 'HEALTHCHECK CMD curl -f http://localhost || exit 1', true, []],
    [
      'shell form without a shell',
      'HEALTHCHECK CMD curl -f http://localhost || exit 1',
      false,
      ['program-missing: the HEALTHCHECK needs "/bin/sh", which img does not have: it will report unhealthy'],
    ],
    ['shell not checked', 'HEALTHCHECK CMD curl -f http://localhost || exit 1', undefined, []],
    ['no HEALTHCHECK', 'CMD ["wget"]', false, []],
  ])('%s', (_name, instruction, hasShell, expected) => {
    expect(healthcheck(instruction, hasShell)).toEqual(expected);
  });
});

describe('missingCommandTargets', () => {
  it('reports programs neither built nor in the image', () => {
    const programs = [
      { program: './server', binary: '/app/server' },
      { program: 'curl', binary: null },
      { program: 'bash', binary: null },
    ];
    expect(missingCommandTargets(programs, 'img', has)).toEqual([
      {
        kind: 'command-target-missing',
        message: 'the container runs "bash", which msb does not find among the built binaries or in img',
      },
    ]);
  });
});

describe('unrunnableScript', () => {
  const committed = [
    { program: './bin/server', path: '/app/bin/server', interpreter: null },
    { program: './start.sh', path: '/app/start.sh', interpreter: 'bash' },
  ];
  it.each([
    ['the image has the interpreter', ['sh', 'bash'], null],
    [
      'it lacks it',
      ['sh'],
      'the container runs ./start.sh, a bash script from the build context, which img cannot run',
    ],
  ])('%s', (_name, commands, expected) => {
    expect(unrunnableScript(committed, commands, 'img')).toBe(expected);
  });
});
