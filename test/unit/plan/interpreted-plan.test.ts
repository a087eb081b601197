/** The interpreted archetype's sequence, with a made-up language: `install` installs, `check` tests. */
import { loadProfiles } from '../../../src';
import {
  planInterpreted,
  type DependencyEnvironment,
  type InterpretedData,
  type InterpretedLanguage,
} from '../../../src/plan/interpreted-plan';
import type { PlanContext } from '../../../src/plan/plan-types';
import { BUILDER, copy } from '../../../src/plan/stage-model';
import { renderRuntimeLines } from '../../../src/render/render-stage';
import { defaultRenderer } from '../../../src/render/templates';
import { detectFixture } from '../../helpers/build-fixture';

type Command = { kind: 'install' | 'test' | 'other' };

const profile = loadProfiles().find((p) => p.id === 'python');

function planContext(dockerfile: string, files: Record<string, string>): PlanContext {
  if (!profile) throw new Error('no python profile');
  return {
    ...detectFixture(dockerfile, files),
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

const data: InterpretedData = {
  stageComment: 'Runtime stage.',
  installAtStart: {
    command: '{source} installs ("{command}")',
    script: '{file}, which {source} runs, installs',
  },
  scriptInstalls: 'packages',
  buildSteps: { test: 'runs the tests' },
  withoutCommand: 'the environment',
};

const environment: DependencyEnvironment = {
  folders: [
    { path: '/opt/env', holds: 'the environment' },
    { path: '/opt/env/bin', holds: 'its programs' },
    { path: '/app/.config', holds: 'its config' },
  ],
  command: (written) =>
    written.form === 'exec' && written.argv[0] === 'wrap'
      ? { command: { form: 'exec', argv: written.argv.slice(1) }, why: 'unwrapped' }
      : { command: written },
};

function language(overrides: Partial<InterpretedLanguage<Command>> = {}): InterpretedLanguage<Command> {
  return {
    data,
    packagesTemplate: 'system-packages',
    toolImages: [{ image: '^tools([:@]|$)', programs: ['tool'] }],
    classify: (c) => ({
      kind: c.words[0] === 'install' ? 'install' : c.words[0] === 'check' ? 'test' : 'other',
    }),
    installsAtStart: (c) => c.kind === 'install',
    installs: (c) => c.kind === 'install',
    environment: () => environment,
    ...overrides,
  };
}

function plan(dockerfile: string, overrides: Partial<InterpretedLanguage<Command>> = {}, files = {}) {
  const planned = planInterpreted(planContext(`FROM python:3.12\n${dockerfile}`, files), language(overrides));
  if (planned.kind === 'skip') return planned.reason;
  const lines = renderRuntimeLines(planned.runtime, { builder: 'builder', stages: [], escapeChar: '\\' });
  return {
    setup: lines.setup,
    copies: lines.copies,
    command: lines.command,
    decisions: planned.decisions.map((d) => `${d.subject}: ${d.why}`),
  };
}

describe('planInterpreted', () => {
  it('explains the environment, the build steps, the files and the command in that order', () => {
    expect(
      plan(
        'WORKDIR /app\nCOPY --from=tools:1 /tool /bin/tool\nCOPY . .\nCOPY x /opt/env/x\nRUN install deps\nRUN check\nCMD ["wrap", "app"]\n',
      ),
    ).toEqual({
      setup: [],
      copies: ['COPY --from=builder /opt/env /opt/env', 'COPY --from=builder /app /app'],
      command: ['CMD ["app"]'],
      decisions: [
        '/opt/env: the environment',
        '/app/.config: its config; it comes with the application folder',
        'RUN (line 7): runs the tests',
        'COPY (line 5): the runtime copies /opt/env, where it lands, from the builder',
        'COPY (line 3): copies tool from tools:1, which only build steps run',
        'CMD: unwrapped',
      ],
    });
  });

  it.each([
    [
      'the container installs at start',
      'CMD install deps\n',
      {},
      {},
      'the container installs ("install deps")',
    ],
    [
      'a start script installs',
      'COPY start.sh /start.sh\nRUN install deps\nCMD ["/start.sh"]\n',
      {},
      { 'start.sh': 'install deps\nexec app\n' },
      'start.sh, which the container runs, installs',
    ],
    [
      'the language finds a reason first',
      'CMD install deps\n',
      { check: () => 'mine' },
      {},
      'the container installs ("install deps")',
    ],
    ['the language finds a reason', 'RUN install deps\n', { check: () => 'mine' }, {}, 'mine'],
    [
      'the environment cannot be copied',
      'RUN install deps\n',
      { environment: () => ({ problem: 'no environment' }) },
      {},
      'no environment',
    ],
    [
      'no install, and a script may install',
      'RUN ./setup.sh\n',
      {},
      {},
      'packages may be installed by a script (line 2: RUN ./setup.sh) that msb cannot read',
    ],
    [
      "the dependencies' libraries cannot be told",
      'WORKDIR /app\nCOPY . .\nRUN install deps\n',
      { dependencies: () => ({ problem: 'no lockfile' }) },
      {},
      'no lockfile',
    ],
    [
      'the application files cannot be told apart, before the dependencies',
      'COPY . /\nRUN install deps\n',
      { dependencies: () => ({ problem: 'no lockfile' }) },
      {},
      /copies the build context into "\/"/,
    ],
  ])('skips when %s', (_name, dockerfile, overrides, files, expected) => {
    expect(plan(dockerfile, overrides, files)).toEqual(
      expected instanceof RegExp ? expect.stringMatching(expected) : expected,
    );
  });

  it('says what the runtime keeps when others supply the command', () => {
    const planned = plan('WORKDIR /app\nCOPY . .\nRUN install deps\n');
    expect(typeof planned !== 'string' && planned.decisions.at(-1)).toBe(
      'CMD: the original has no command (compose or the platform supplies it); the runtime keeps the environment',
    );
  });

  it.each([
    [
      'after their copies when the profile says so',
      true,
      ['COPY --from=builder /etc/conf /etc/conf'],
      ['COPY --from=builder /app /app', 'RUN mkdir -p /app/storage'],
    ],
    [
      "with the runtime's setup otherwise",
      undefined,
      ['RUN mkdir -p /app/storage', 'COPY --from=builder /etc/conf /etc/conf'],
      ['COPY --from=builder /app /app'],
    ],
  ])('replays setup on the application files %s', (_name, setupAfterFiles, setup, copies) => {
    const planned = plan(
      'WORKDIR /app\nCOPY . .\nRUN install deps\nRUN mkdir -p /app/storage\nCMD ["app"]\n',
      {
        data: { ...data, setupAfterFiles },
        environment: () => ({ folders: [], setup: [copy(BUILDER, '/etc/conf', '/etc/conf')] }),
      },
    );
    expect(typeof planned !== 'string' && { setup: planned.setup, copies: planned.copies }).toEqual({
      setup,
      copies,
    });
  });
});
