/** The steps of the interpreted archetype's plan that read the Dockerfile alone. */
import {
  besideRun,
  buildStepDecisions,
  coveredCopyDecisions,
  fillIn,
  noCommandDecisions,
  scriptInstall,
} from '../../../src/plan/interpreted-stage';
import { startCommand } from '../../../src/plan/start-command';
import { detectFixture, stageFixture } from '../../helpers/build-fixture';

describe('coveredCopyDecisions', () => {
  it.each([
    [
      'a COPY into a covered folder comes with it',
      'COPY a /opt/env/a',
      'the runtime copies /opt/env, where it lands, from the builder',
    ],
    [
      'a COPY named by a variable the language resolves',
      'COPY a $ENV_DIR/a',
      'the runtime copies /opt/env, where it lands, from the builder',
    ],
    ['another COPY keeps its decision', 'COPY a /srv/a', 'as before'],
    ['a COPY from an image keeps its decision', 'COPY --from=tools /a /opt/env/a', 'as before'],
  ])('%s', (_name, line, expected) => {
    const { facts } = stageFixture(`FROM ruby\n${line}\n`, {});
    const covering = (dest: string) => {
      const resolved = dest.replace('/$ENV_DIR', '/opt/env');
      return resolved.startsWith('/opt/env/') ? '/opt/env' : undefined;
    };
    const before = [{ subject: 'COPY (line 2)', placement: 'builder' as const, why: 'as before' }];
    expect(coveredCopyDecisions(facts, before, covering)[0].why).toBe(expected);
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
  it.each([
    ['no build step', [['other'], ['other']], []],
    [
      'the first command with a reason says why',
      [['other'], ['other', 'test', 'assets']],
      ['RUN (line 3): tests'],
    ],
    [
      'a reason fills in its fields',
      [['vendor'], ['test']],
      ['RUN (line 2): install writes vendor/', 'RUN (line 3): tests'],
    ],
  ])('%s', (_name, kinds, expected) => {
    const { facts } = stageFixture('FROM ruby\nRUN a\nRUN b\n', {});
    const classified = facts.runs.map((run, i) => ({
      run,
      commands: kinds[i].map((kind) => ({ kind, verb: 'install' })),
    }));
    const reasons = { test: 'tests', assets: 'assets', vendor: '{verb} writes vendor/' };
    const decisions = buildStepDecisions(classified, reasons);
    expect(decisions.map((d) => `${d.subject}: ${d.why}`)).toEqual(expected);
  });
});

describe('besideRun', () => {
  it.each([
    ['before', { kind: 'before', index: 2 }],
    ['after', { kind: 'after', index: 2 }],
  ] as const)('%s the RUN', (where, at) => {
    const { facts } = stageFixture('FROM ruby\nWORKDIR /app\nRUN bundle install\n', {});
    expect(besideRun(facts, where, facts.runs[0], 'tpl', { a: 'b' }, 'why')).toEqual({
      at,
      template: 'tpl',
      values: { a: 'b' },
      instructions: [],
      reason: 'why',
    });
  });
});

describe('noCommandDecisions', () => {
  const compose = {
    'compose.yaml': 'services:\n  web:\n    build: .\n    command: ["puma", "-p", "3000"]\n',
  };
  const withoutCommand = 'the app';
  const composeCommand = 'the command comes from {source} ({command})';
  const keeps =
    'the original has no command (compose or the platform supplies it); the runtime keeps the app';
  it.each([
    ['a CMD', 'CMD ["puma"]\n', {}, { withoutCommand }, []],
    ['an ENTRYPOINT', 'ENTRYPOINT ["puma"]\n', {}, { withoutCommand }, []],
    ['no command', 'RUN true\n', {}, { withoutCommand }, [keeps]],
    ['no command, nothing to say', 'RUN true\n', {}, {}, []],
    ['no command, compose not worded', 'RUN true\n', compose, { withoutCommand }, [keeps]],
    [
      "compose's command, worded",
      'RUN true\n',
      compose,
      { withoutCommand, composeCommand },
      ['the command comes from service "web" in compose.yaml (puma -p 3000)'],
    ],
    ['compose worded, no compose file', 'RUN true\n', {}, { withoutCommand, composeCommand }, [keeps]],
    ['compose worded, a CMD', 'CMD ["puma"]\n', compose, { withoutCommand, composeCommand }, []],
  ])('%s', (_name, dockerfile, files, wording, expected) => {
    const decisions = noCommandDecisions(detectFixture(`FROM ruby\n${dockerfile}`, files), wording);
    expect(decisions.map((d) => `${d.subject} ${d.placement}: ${d.why}`)).toEqual(
      expected.map((why) => `CMD runtime: ${why}`),
    );
  });

  it("reads the start the language gives (an ENTRYPOINT that waits for compose's arguments)", () => {
    const input = detectFixture('FROM node\nENTRYPOINT ["npm"]\n', compose);
    const wording = { composeCommand: 'from {source}: {command}' };
    expect(noCommandDecisions(input, wording)).toEqual([]);
    expect(noCommandDecisions(input, wording, startCommand(input, ['npm']))).toEqual([
      { subject: 'CMD', placement: 'runtime', why: 'from service "web" in compose.yaml: npm puma -p 3000' },
    ]);
  });
});

describe('fillIn', () => {
  it.each([
    ['{verb} writes vendor/', { verb: 'install' }, 'install writes vendor/'],
    ['{missing} stays', {}, '{missing} stays'],
    ['{count} is not text', { count: 2 }, '{count} is not text'],
    ['{toString} is not a field', {}, '{toString} is not a field'],
  ])('%s', (text, values, expected) => {
    expect(fillIn(text, values)).toBe(expected);
  });
});
