/** Files msb leaves alone, or refuses, before analysing anything (src/plan/planner.ts). */
import { parseDockerfile } from '../../../src/parse/parse-dockerfile';
import { unconvertibleFile } from '../../../src/plan/planner';

const OPEN_TAIL = /open line continuation/;

describe('unconvertibleFile', () => {
  it.each([
    ['a plain single-stage file', 'FROM python:3.12\nRUN pip install flask\n', null],
    ['no final newline', 'FROM python:3.12\nCMD ["python"]', null],
    ['a closed continuation', 'FROM python:3.12\nRUN pip install \\\n  flask\n', null],
    ['a closed heredoc', 'FROM python:3.12\nRUN <<EOF\necho hi\nEOF\n', null],
    ['a backslash inside the last line', 'FROM python:3.12\nRUN echo a\\b\n', null],
    ['a trailing backslash', 'FROM python:3.12\nRUN pip install \\\n', OPEN_TAIL],
    ['a trailing backslash, then comments', 'FROM python:3.12\nRUN pip install \\\n# end\n', OPEN_TAIL],
    ['an unterminated heredoc', 'FROM python:3.12\nRUN <<EOF\necho hi\n', OPEN_TAIL],
    ['a backtick escape left open', '# escape=`\nFROM python:3.12\nRUN pip install `\n', OPEN_TAIL],
    ['a backslash with a backtick escape', '# escape=`\nFROM python:3.12\nRUN echo C:\\\n', null],
  ])('%s', (_name, text, expected) => {
    const dockerfile = parseDockerfile(text);
    if (expected === null) expect(unconvertibleFile(dockerfile)).toBeNull();
    else expect(() => unconvertibleFile(dockerfile)).toThrow(expected);
  });

  it('leaves a multi-stage file unchanged', () => {
    expect(unconvertibleFile(parseDockerfile('FROM a AS b\nFROM c\n'))).toEqual({
      status: 'unchanged',
      reason: 'already multi-stage (2 stages)',
    });
  });
});
