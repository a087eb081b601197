/** The interpreted archetype's sequence, with a made-up language: `install` installs, `check` tests. */
import { loadProfiles } from '../../../src';
import {
  planInterpreted,
  type DependencyEnvironment,
  type InterpretedData,
  type InterpretedLanguage,
} from '../../../src/plan/interpreted-plan';
import type { PlanContext } from '../../../src/plan/plan-types';
import { BUILDER, copy, env, shellRun, type ExtraStage } from '../../../src/plan/stage-model';
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
  const stages = (planned.extraStages ?? []).map((stage) => stage.name);
  const lines = renderRuntimeLines(planned.runtime, { builder: 'builder', stages, escapeChar: '\\' });
  return {
    env: lines.env,
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
      env: [],
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

  const pruned: ExtraStage = {
    name: 'pruned',
    from: BUILDER,
    template: 'node/prune-stage',
    runs: [],
    copies: [],
    values: {},
  };
  const build =
    'ENV A=1\nRUN apt-get update && apt-get install -y libpq-dev\nRUN useradd app\nWORKDIR /app\nCOPY . .\nRUN install deps\nRUN mkdir -p /app/tmp\nRUN chown app /app\nCMD ["app"]\n';
  it.each<[string, DependencyEnvironment, Record<string, unknown>]>([
    [
      'the files come from a stage msb adds',
      { folders: [], source: { kind: 'stage', name: 'pruned' }, stages: [pruned] },
      { copies: ['COPY --from=pruned --chown=app /app /app'] },
    ],
    [
      'copies laid over the files come after them',
      { folders: [], afterFiles: [copy(BUILDER, '/deps/node_modules', '/deps/node_modules')] },
      {
        copies: [
          'COPY --from=builder --chown=app /app /app',
          'COPY --from=builder /deps/node_modules /deps/node_modules',
        ],
      },
    ],
    [
      "tools go right after the runtime's packages",
      { folders: [], afterPackages: [shellRun('install -g tool')] },
      {
        setup: [
          expect.stringContaining('libpq5'),
          'RUN install -g tool',
          'RUN useradd app',
          'RUN mkdir -p /app/tmp',
          'RUN chown app /app',
        ],
      },
    ],
    [
      'a replayed RUN moves after the files or is left out',
      {
        folders: [],
        replayed: (text) =>
          text.includes('mkdir')
            ? 'after-files'
            : text.includes('chown')
              ? { subject: text, placement: 'builder', why: 'the copy owns it' }
              : undefined,
      },
      {
        setup: [expect.stringContaining('libpq5'), 'RUN useradd app'],
        copies: ['COPY --from=builder --chown=app /app /app', 'RUN mkdir -p /app/tmp'],
        decision: 'RUN chown app /app: the copy owns it',
      },
    ],
    [
      "an ENV after the original's",
      { folders: [], env: env([['PATH', '/env/bin:$PATH']]), envAfter: env([['HOSTNAME', '0.0.0.0']]) },
      { env: ['ENV PATH="/env/bin:$PATH"', 'ENV A=1', 'ENV HOSTNAME=0.0.0.0'] },
    ],
    [
      'the command hook is told which line it reads',
      {
        folders: [],
        command: (written, _dropped, keyword) =>
          keyword === 'CMD'
            ? { command: { form: 'exec', argv: ['node', 'server.js'] }, why: 'replaced' }
            : { command: written },
      },
      { command: ['CMD ["node", "server.js"]'], decision: 'CMD: replaced' },
    ],
  ])('environment hooks: %s', (_name, environment, expected) => {
    const planned = plan(build, { environment: () => environment });
    if (typeof planned === 'string') throw new Error(planned);
    const { decision, ...lines } = expected;
    expect(planned).toMatchObject(lines);
    if (decision) expect(planned.decisions).toContain(decision);
  });

  it.each([
    ['the profile words it and the language checks', {}, 'the container installs ("install deps")'],
    ['the language checks it itself (no hook)', { installsAtStart: undefined }, 'planned'],
    ['the profile does not word it', { data: { ...data, installAtStart: undefined } }, 'planned'],
  ])('installs at start: %s', (_name, overrides, expected) => {
    const planned = plan('CMD install deps\n', overrides);
    expect(typeof planned === 'string' ? planned : 'planned').toBe(expected);
  });

  it.each([
    ['no install at start is read', 'CMD install deps\n', {}, 'planned'],
    [
      'with scriptInstalls, no install is found: a script may install',
      'RUN install deps\nRUN ./setup.sh\n',
      {},
      'packages may be installed by a script (line 3: RUN ./setup.sh) that msb cannot read',
    ],
    [
      'without scriptInstalls, scripts are not asked about',
      'RUN ./setup.sh\n',
      { scriptInstalls: undefined },
      'planned',
    ],
  ])('a language that reads the build itself (no classify): %s', (_name, dockerfile, wording, expected) => {
    const seen: number[] = [];
    const planned = plan(dockerfile, {
      data: { ...data, ...wording },
      classify: undefined,
      installs: undefined,
      environment: (classified) => {
        seen.push(...classified.map((c) => c.commands.length));
        return { folders: [] };
      },
    });
    expect(typeof planned === 'string' ? planned : 'planned').toBe(expected);
    expect(seen.every((n) => n === 0)).toBe(true);
  });
});
