/** Start-up builds moved out of ENTRYPOINT/CMD, with a toy tool: `make-app` builds, `make-app run` builds and runs /bin/app. */
import type { ShellCommand } from '../../../src/analyze/shell-commands';
import { moveStartupBuilds, type StartupMove } from '../../../src/plan/startup-builds';
import { stageFixture } from '../../helpers/build-fixture';

const parse = (c: ShellCommand) => (c.words[0] === 'make-app' ? (c.words[1] ?? 'build') : null);
const move = (c: ShellCommand, verb: string | null): StartupMove => {
  if (verb === null) return { keep: c.text };
  if (verb === 'run') return { keep: ['/bin/app', ...c.words.slice(2)].join(' ') };
  if (verb === 'build') return { keep: null };
  return { problem: `cannot move "${c.text}"` };
};

function moved(tail: string): string[] | string {
  const { facts } = stageFixture(`FROM scratch\n${tail}\n`, {});
  const result = moveStartupBuilds(facts, parse, move);
  if (result.problem) return result.problem;
  return result.lines.map(
    (l) =>
      `${l.instruction.keyword}${l.rewritten ? '*' : ''} ${l.form.form === 'exec' ? JSON.stringify(l.form.argv) : l.form.script}`,
  );
}

describe('moveStartupBuilds', () => {
  it.each([
    ['no build: unchanged', 'CMD ["/bin/app"]', ['CMD ["/bin/app"]']],
    [
      'a run becomes the program, in exec form',
      'CMD make-app run --port 80',
      ['CMD* ["/bin/app","--port","80"]'],
    ],
    ['a build before the program is dropped', 'CMD make-app && /bin/app -v', ['CMD* ["/bin/app","-v"]']],
    ['shell syntax stays shell form', 'CMD make-app run $FLAGS', ['CMD* /bin/app $FLAGS']],
    [
      'a line that only builds',
      'CMD make-app',
      'the container command (line 2) only builds the program; msb cannot tell what to run',
    ],
    ['the tool cannot move it', 'CMD make-app clean', 'cannot move "make-app clean"'],
    [
      'a CMD holding the ENTRYPOINT arguments is left alone',
      'ENTRYPOINT ["/bin/app"]\nCMD ["make-app", "run"]',
      ['ENTRYPOINT ["/bin/app"]', 'CMD ["make-app","run"]'],
    ],
    [
      'a CMD after a wrapper ENTRYPOINT is a command',
      'ENTRYPOINT ["tini", "--"]\nCMD ["make-app", "run"]',
      ['ENTRYPOINT ["tini","--"]', 'CMD* ["/bin/app"]'],
    ],
  ])('%s', (_name, tail, expected) => {
    expect(moved(tail)).toEqual(expected);
  });
});
