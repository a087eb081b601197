/** The artifact planner's fixed sequence, driven by hooks that stand for a language. */
import {
  ArtifactBuild,
  ArtifactHooks,
  ArtifactRuntime,
  planArtifact,
} from '../../../src/plan/artifact-planner';
import type { StrategyPlan } from '../../../src/plan/plan-types';
import { BUILDER, copy, StageNode } from '../../../src/plan/stage-model';
import { stageFixture } from '../../helpers/build-fixture';

const DOCKERFILE = 'FROM tool:1\nWORKDIR /app\nCOPY . .\nRUN make\nCMD ["./app"]\n';

function build(changes: Partial<ArtifactBuild> = {}): ArtifactBuild {
  return {
    artifacts: [{ from: '/app/app', to: '/app/app', why: 'the binary app', chown: null }],
    programs: [{ program: './app', binary: '/app/app' }],
    committed: [],
    needsShell: false,
    startup: null,
    builderInsertions: [],
    tests: null,
    warnings: [],
    decisions: [],
    ...changes,
  };
}

const config = { path: '/app/config', why: 'read at run time', chown: null };

const runtime: ArtifactRuntime = {
  image: 'slim:1',
  support: { image: 'slim:1', userTool: 'none', users: ['root'], shell: false, commands: [] },
  kind: 'app',
  notes: ['a slim image'],
  warnings: ['runtime warning'],
  broken: [],
};

function hooks(changes: Partial<ArtifactHooks<ArtifactBuild, ArtifactRuntime>>) {
  const base: ArtifactHooks<ArtifactBuild, ArtifactRuntime> = {
    windows: true,
    buildOnlyEnv: [],
    build: () => build(),
    runtime: () => runtime,
    stage: () => ({
      copies: [copy(BUILDER, '/etc/ssl/certs', '/etc/ssl/certs')],
      builderInsertions: [],
      warnings: ['stage warning'],
      decisions: [],
    }),
    user: { rule: { kind: 'image' } },
    files: () => ({ found: [config], commandArguments: false, isSource: () => false, useOf: () => null }),
    finish: () => ['last warning'],
    present: () => ({ command: () => false, healthcheck: () => false }),
  };
  return { ...base, ...changes };
}

const profile = { name: 'Tool' };
const settings = { stage: { comments: { app: 'Runtime stage.' }, startupBuild: 'built at start' } };

function plan(dockerfile: string, changes: Partial<ArtifactHooks<ArtifactBuild, ArtifactRuntime>>) {
  const fixture = stageFixture(dockerfile, { 'config/a.yaml': 'a: 1\n' });
  const { facts, context, paths } = fixture;
  return planArtifact(
    {
      facts,
      context,
      paths,
      dockerfile: fixture.dockerfile,
      profile,
      settings,
      builderSteps: 'builder-steps',
    },
    hooks(changes),
  );
}

function copied(result: StrategyPlan): string[] {
  if (result.kind !== 'convert') return [result.reason];
  return result.runtime.copies.map((n: StageNode) =>
    n.kind === 'copy' ? n.sources.join(' ') : n.kind === 'original' ? n.text : n.kind,
  );
}

describe('planArtifact', () => {
  it.each<[string, string, Partial<ArtifactHooks<ArtifactBuild, ArtifactRuntime>>, string[]]>([
    [
      'copies in one order: needs, artifacts, files, extra copies, COPY --from=<image>',
      `${DOCKERFILE}COPY --from=tool:2 /bin/x /bin/x\n`,
      {
        files: () => ({
          found: [config],
          isSource: () => false,
          useOf: () => null,
          extra: { copies: [copy(BUILDER, '/root/.store', '/root/.store')], decisions: [] },
        }),
      },
      ['/etc/ssl/certs', '/app/app', '/app/config', '/root/.store', 'COPY --from=tool:2 /bin/x /bin/x'],
    ],
    [
      'a committed script the command runs is copied after the artifacts',
      DOCKERFILE,
      {
        build: () => build({ committed: [{ program: './run', path: '/app/run', interpreter: null }] }),
      },
      ['/etc/ssl/certs', '/app/app', '/app/run', '/app/config'],
    ],
    [
      'artifacts into one folder are all copied; the same copy twice is copied once',
      DOCKERFILE,
      {
        build: () =>
          build({
            artifacts: ['/layers/a/', '/layers/b/', '/layers/a/'].map((from) => ({
              from,
              to: '/opt/app/',
              why: 'a layer',
              chown: null,
            })),
          }),
      },
      ['/etc/ssl/certs', '/layers/a/', '/layers/b/', '/app/config'],
    ],
    [
      'an artifact inside a copied folder is left to the folder when the files hold artifacts',
      DOCKERFILE,
      {
        files: () => ({
          found: [{ path: '/app', why: 'the folder', chown: null }],
          isSource: () => false,
          useOf: () => null,
          foldersHoldArtifacts: true,
        }),
      },
      ['/etc/ssl/certs', '/app'],
    ],
    [
      'by default a folder holding an artifact is left out and the artifact copied alone',
      DOCKERFILE,
      {
        files: () => ({
          found: [{ path: '/app', why: 'the folder', chown: null }],
          isSource: () => false,
          useOf: () => null,
        }),
      },
      ['/etc/ssl/certs', '/app/app'],
    ],
    [
      'a Windows image is skipped when the language has Windows images',
      'FROM tool:1-nanoserver\nCMD ["app"]\n',
      {},
      ['Windows Tool images: msb only plans Linux runtime images'],
    ],
    [
      'a Windows image is planned when the language has none',
      'FROM tool:1-nanoserver\nCMD ["app"]\n',
      { windows: false },
      ['/etc/ssl/certs', '/app/app', '/app/config'],
    ],
    ['the build hook skips', DOCKERFILE, { build: () => 'no build' }, ['no build']],
    ['the runtime hook skips', DOCKERFILE, { runtime: () => 'no runtime' }, ['no runtime']],
    ['the stage hook skips', DOCKERFILE, { stage: () => 'a library is missing' }, ['a library is missing']],
    [
      'a committed script whose interpreter the runtime lacks',
      DOCKERFILE,
      {
        build: () =>
          build({ committed: [{ program: './run.sh', path: '/app/run.sh', interpreter: 'bash' }] }),
      },
      ['the container runs ./run.sh, a bash script from the build context, which slim:1 cannot run'],
    ],
  ])('%s', (_name, dockerfile, changes, expected) => {
    expect(copied(plan(dockerfile, changes))).toEqual(expected);
  });

  it('says what it decided in one order and keeps warnings in step order', () => {
    const result = plan(`${DOCKERFILE}COPY --from=tool:2 /bin/x /bin/x\n`, {
      build: () =>
        build({
          warnings: ['build warning'],
          decisions: [{ subject: 'CMD', placement: 'runtime', why: 'the command' }],
          tests: 'make test',
        }),
    });
    if (result.kind !== 'convert') throw new Error(result.reason);
    expect(result.warnings).toEqual(['build warning', 'runtime warning', 'stage warning', 'last warning']);
    expect(result.decisions.map((d) => `${d.placement} ${d.subject}`)).toEqual([
      'runtime CMD',
      'added FROM',
      'builder make test',
      'runtime /app/app',
      'runtime /app/config',
      'both COPY (line 6)',
    ]);
  });

  it.each<[string, string, Partial<ArtifactHooks<ArtifactBuild, ArtifactRuntime>>, string[]]>([
    [
      'programs neither built nor present, and the HEALTHCHECK',
      'FROM tool:1\nHEALTHCHECK CMD curl -f http://localhost/\nCMD ["helper"]\n',
      { build: () => build({ programs: [{ program: 'helper', binary: null }] }) },
      [
        'the container runs "helper", which msb does not find among the built binaries or in slim:1',
        'the HEALTHCHECK needs "curl", which slim:1 does not have: it will report unhealthy',
      ],
    ],
    [
      'checks a language turns off',
      'FROM tool:1\nHEALTHCHECK CMD curl -f http://localhost/\nCMD ["helper"]\n',
      {
        build: () => build({ programs: [{ program: 'helper', binary: null }] }),
        present: () => ({ command: null, healthcheck: null }),
      },
      [],
    ],
  ])('broken: %s', (_name, dockerfile, changes, expected) => {
    const result = plan(dockerfile, changes);
    expect(result.kind === 'convert' ? (result.broken ?? []).map((b) => b.message) : result.reason).toEqual(
      expected,
    );
  });

  it("adds the profile's note for the kind after the runtime's own notes", () => {
    const { facts, context, paths, dockerfile } = stageFixture(DOCKERFILE, {});
    const noted = { stage: { ...settings.stage, notes: { app: 'an app image' } } };
    const result = planArtifact(
      { facts, context, paths, dockerfile, profile, settings: noted, builderSteps: 'builder-steps' },
      hooks({}),
    );
    expect(result.kind === 'convert' && result.decisions.filter((d) => d.subject === 'FROM')).toEqual([
      { subject: 'FROM', placement: 'added', why: 'a slim image' },
      { subject: 'FROM', placement: 'added', why: 'an app image' },
    ]);
  });

  it('fails on a profile without the comment of the kind the runtime hook names', () => {
    expect(() => plan(DOCKERFILE, { runtime: () => ({ ...runtime, kind: 'other' }) })).toThrow(
      'settings.stage.comments: no comment for "other"',
    );
  });

  it('lays start-up builds out after the build hook’s own builder lines', () => {
    const result = plan(DOCKERFILE, {
      build: () =>
        build({
          startup: { runs: [] },
          builderInsertions: [
            { at: { kind: 'after-from' }, template: 'x', values: {}, instructions: [], reason: 'first' },
          ],
        }),
    });
    expect(result.kind === 'convert' && result.builderInsertions.map((i) => i.reason)).toEqual([
      'first',
      'the build the container did at start-up now runs once in the builder',
    ]);
  });
});
