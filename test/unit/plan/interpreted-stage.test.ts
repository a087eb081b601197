/** The steps of the interpreted archetype's plan that read the Dockerfile alone. */
import {
  buildStepDecisions,
  coveredCopyDecisions,
  noCommandDecisions,
  scriptInstall,
} from '../../../src/plan/interpreted-stage';
import { stageFixture } from '../../helpers/build-fixture';

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
