/** Insertions into the builder stage keep the file's layout: line endings, indentation, comments. */
import { applyEdits } from '../../../src/edit/text-edits';
import { parseDockerfile } from '../../../src/parse/parse-dockerfile';
import { alreadyInserted, insertionEdit } from '../../../src/plan/builder-edits';
import type { InsertionPoint } from '../../../src/plan/plan-types';

const insert = (text: string, at: InsertionPoint, block: string) =>
  applyEdits(text, [insertionEdit(parseDockerfile(text), at, block, 'r')]);

describe('builder insertions', () => {
  it.each([
    ['FROM a\nRUN x\n', 'FROM a\n# x\nENV A=1\nRUN x\n'],
    ['FROM a\r\nRUN x\r\n', 'FROM a\r\n# x\r\nENV A=1\r\nRUN x\r\n'],
    ['FROM a', 'FROM a\n# x\nENV A=1'],
    ['FROM \\\n  a\nRUN x\n', 'FROM \\\n  a\n# x\nENV A=1\nRUN x\n'],
  ])('after the FROM of %j', (text, expected) => {
    expect(insert(text, { kind: 'after-from' }, '# x\nENV A=1')).toBe(expected);
  });

  it.each([
    ['FROM a\nCMD x\n', 'FROM a\nCMD x\nRUN b\n'],
    ['FROM a\nCMD x', 'FROM a\nCMD x\nRUN b'],
    ['FROM a\nCMD x\n\n', 'FROM a\nCMD x\n\nRUN b\n\n'],
    ['FROM a\r\nCMD x\r\n', 'FROM a\r\nCMD x\r\nRUN b\r\n'],
  ])('at the end of %j', (text, expected) => {
    expect(insert(text, { kind: 'end' }, 'RUN b\n')).toBe(expected);
  });

  it.each<[string, InsertionPoint, string]>([
    ['FROM a\nRUN x\nRUN y\n', { kind: 'before', index: 2 }, 'FROM a\nRUN x\nENV A=1\nRUN b\nRUN y\n'],
    ['FROM a\r\n  RUN x\r\n', { kind: 'before', index: 1 }, 'FROM a\r\n  ENV A=1\r\n  RUN b\r\n  RUN x\r\n'],
    [
      'FROM a\nRUN x\n# the port\nEXPOSE 1\n',
      { kind: 'before', index: 2, aboveComments: true },
      'FROM a\nRUN x\nENV A=1\nRUN b\n# the port\nEXPOSE 1\n',
    ],
    [
      'FROM a\nRUN x\n# the port\nEXPOSE 1\n',
      { kind: 'before', index: 2 },
      'FROM a\nRUN x\n# the port\nENV A=1\nRUN b\nEXPOSE 1\n',
    ],
    ['FROM a\nRUN x\n', { kind: 'before', index: 2 }, 'FROM a\nRUN x\nENV A=1\nRUN b\n'],
    [
      'FROM a\nRUN x \\\n  y\n\n# the port\nEXPOSE 1\n',
      { kind: 'after', index: 1 },
      'FROM a\nRUN x \\\n  y\nENV A=1\nRUN b\n\n# the port\nEXPOSE 1\n',
    ],
    ['FROM a\nRUN x', { kind: 'after', index: 1 }, 'FROM a\nRUN x\nENV A=1\nRUN b'],
  ])('in %j %j', (text, at, expected) => {
    expect(insert(text, at, 'ENV A=1\nRUN b\n')).toBe(expected);
  });
});

describe('an insertion the builder already holds is not made again', () => {
  const block = '# msb: why\nUSER root\nRUN go build -o /app .\nUSER app';
  it.each<[string, string, InsertionPoint, boolean]>([
    [
      'at the end',
      'FROM a\nCMD x\n# msb: why\nUSER root\nRUN go build -o /app .\nUSER app\n',
      { kind: 'end' },
      true,
    ],
    [
      'at the end, CRLF',
      'FROM a\r\nCMD x\r\nUSER root\r\nRUN go build -o /app .\r\nUSER app\r\n',
      { kind: 'end' },
      true,
    ],
    [
      'not at the end',
      'FROM a\nUSER root\nRUN go build -o /app .\nUSER app\nCMD x\n',
      { kind: 'end' },
      false,
    ],
    [
      'another command',
      'FROM a\nCMD x\nUSER root\nRUN go build -o /bin/app .\nUSER app\n',
      { kind: 'end' },
      false,
    ],
    [
      'right after FROM',
      'FROM a\nUSER root\nRUN go build -o /app .\nUSER app\nCMD x\n',
      { kind: 'after-from' },
      true,
    ],
    [
      'before instruction 4',
      'FROM a\nUSER root\nRUN go build -o /app .\nUSER app\nCMD x\n',
      { kind: 'before', index: 4 },
      true,
    ],
    [
      'before instruction 3',
      'FROM a\nUSER root\nRUN go build -o /app .\nUSER app\nCMD x\n',
      { kind: 'before', index: 3 },
      false,
    ],
    ['a shorter stage', 'FROM a\nRUN go build -o /app .\n', { kind: 'end' }, false],
  ])('%s', (_name, text, at, expected) => {
    expect(alreadyInserted(parseDockerfile(text), at, block)).toBe(expected);
  });

  it('a block of comments only is never already there', () => {
    expect(alreadyInserted(parseDockerfile('FROM a\n'), { kind: 'end' }, '# msb: nothing')).toBe(false);
  });
});
