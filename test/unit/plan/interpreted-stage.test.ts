/** The interpreted archetype's runtime stage and the checks its languages share. */
import { loadProfiles } from '../../../src';
import type { PlanContext } from '../../../src/plan/plan-types';
import {
  buildStepDecisions,
  interpretedStage,
  noCommandDecisions,
  scriptInstall,
} from '../../../src/plan/interpreted-stage';
import { renderRuntimeLines } from '../../../src/render/render-stage';
import { defaultRenderer } from '../../../src/render/templates';
import { stageFixture } from '../../helpers/build-fixture';

const profile = loadProfiles().find((p) => p.id === 'python');

function planContext(dockerfile: string, files: Record<string, string> = {}): PlanContext {
  const fixture = stageFixture(dockerfile, files);
  if (!profile) throw new Error('no python profile');
  return {
    dockerfile: fixture.dockerfile,
    facts: fixture.facts,
    context: fixture.context,
    profile,
    detection: {
      language: 'python',
      confidence: 1,
      framework: null,
      packageManager: null,
      facts: {},
      evidence: [],
      candidates: [],
      overridden: false,
    },
    options: {},
    templates: defaultRenderer(),
    builder: 'builder',
    runtimeName: 'runtime',
  };
}

const toolImages = [{ image: '^tools([:@]|$)', programs: ['tool'] }];

describe('interpretedStage', () => {
  it.each([
    [
      'copies the environment first; application copies into it stay out',
      'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCOPY extra /opt/env/extra\nCMD ["app"]\n',
      { environment: ['/opt/env'] },
      ['COPY --from=builder /opt/env /opt/env', 'COPY --from=builder /app /app'],
      ['COPY (line 4): the runtime copies /opt/env/extra from the builder'],
    ],
    [
      'a copy from a tool image the container does not run stays in the builder',
      'FROM python:3.12\nWORKDIR /app\nCOPY --from=tools:1 /tool /bin/tool\nCOPY . .\nCMD ["app"]\n',
      { environment: [] },
      ['COPY --from=builder /app /app'],
      ['COPY (line 3): tool from tools:1'],
    ],
    [
      'the container runs the tool: its copy is replayed',
      'FROM python:3.12\nWORKDIR /app\nCOPY --from=tools:1 /tool /bin/tool\nCOPY . .\nCMD ["tool"]\n',
      { environment: [] },
      ['COPY --from=tools:1 /tool /bin/tool', 'COPY --from=builder /app /app'],
      ['COPY (line 3): copies from the image tools:1, replayed as written'],
    ],
    [
      "the language's decisions come before and after the files' ones",
      'FROM python:3.12\nWORKDIR /app\nCOPY a /srv/a\nCMD ["app"]\n',
      {
        environment: [],
        said: {
          before: [{ subject: 'first', placement: 'runtime' as const, why: 'before' }],
          after: [{ subject: 'last', placement: 'runtime' as const, why: 'after' }],
        },
      },
      ['COPY --from=builder /srv/a /srv/a'],
      ['first: before', 'COPY (line 3): the runtime copies /srv/a from the builder', 'last: after'],
    ],
  ])('%s', (_name, dockerfile, stage, copies, decisions) => {
    const input = planContext(dockerfile, { a: 'x', extra: 'x' });
    const planned = interpretedStage(input, 'python:3.12-slim', {
      comment: 'Runtime stage.',
      tools: { images: toolImages, why: (tool, from) => `${tool.programs[0]} from ${from}` },
      packages: { template: 'system-packages', dependencies: [] },
      ...stage,
    });
    if ('problem' in planned) throw new Error(planned.problem);
    const lines = renderRuntimeLines(planned.runtime, { builder: 'builder', stages: [], escapeChar: '\\' });
    expect(lines.copies).toEqual(copies);
    expect(planned.decisions.map((d) => `${d.subject}: ${d.why}`)).toEqual(decisions);
  });

  it.each([
    [
      'the application files cannot be told apart',
      'FROM python:3.12\nCOPY . /\n',
      null,
      /copies the build context into "\/"/,
    ],
    [
      'the language found a reason',
      'FROM python:3.12\nWORKDIR /app\nCOPY . .\n',
      'no lockfile',
      /^no lockfile$/,
    ],
  ])('skips when %s', (_name, dockerfile, problem, expected) => {
    const planned = interpretedStage(planContext(dockerfile), 'python:3.12-slim', {
      comment: 'Runtime stage.',
      environment: [],
      packages: { template: 'system-packages', dependencies: [] },
      said: { problem },
    });
    expect('problem' in planned && planned.problem).toMatch(expected);
  });
});

describe('scriptInstall', () => {
  it.each([
    [
      'a committed script',
      'FROM ruby\nRUN ./install.sh\n',
      undefined,
      'gems may be installed by a script (line 2: RUN ./install.sh) that msb cannot read',
    ],
    ['make, by default', 'FROM ruby\nRUN make deps\n', undefined, null],
    [
      'make, when the language counts it',
      'FROM ruby\nRUN make deps\n',
      (c: { words: readonly string[] }) => c.words[0] === 'make',
      'gems may be installed by a script (line 2: RUN make deps) that msb cannot read',
    ],
    ['no script', 'FROM ruby\nRUN echo hi\n', undefined, null],
  ])('%s', (_name, dockerfile, runsScript, expected) => {
    expect(scriptInstall(stageFixture(dockerfile, {}).facts, 'gems', runsScript)).toBe(expected);
  });
});

describe('buildStepDecisions', () => {
  it('says why each RUN with a build step stays in the builder, by its first kind with a reason', () => {
    const { facts } = stageFixture('FROM ruby\nRUN a\nRUN b\nRUN c\n', {});
    const kinds = [['other'], ['other', 'test', 'assets'], ['other']];
    const classified = facts.runs.map((run, i) => ({ run, kinds: kinds[i] }));
    expect(buildStepDecisions(classified, { test: 'tests', assets: 'assets' })).toEqual([
      { subject: 'RUN (line 3)', placement: 'builder', why: 'tests' },
    ]);
  });
});

describe('noCommandDecisions', () => {
  it.each([
    ['a CMD', 'FROM ruby\nCMD ["puma"]\n', []],
    ['an ENTRYPOINT', 'FROM ruby\nENTRYPOINT ["puma"]\n', []],
    [
      'no command',
      'FROM ruby\nRUN true\n',
      [
        {
          subject: 'CMD',
          placement: 'runtime',
          why: 'the original has no command (compose or the platform supplies it); the runtime keeps the app',
        },
      ],
    ],
  ])('%s', (_name, dockerfile, expected) => {
    expect(noCommandDecisions(stageFixture(dockerfile, {}).facts, 'the app')).toEqual(expected);
  });
});
