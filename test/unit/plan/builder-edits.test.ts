/** Insertions into the builder stage keep the file's layout. */
import { applyEdits } from '../../../src/edit/text-edits';
import { parseDockerfile } from '../../../src/parse/parse-dockerfile';
import { appendToBuilder, insertAfterFrom } from '../../../src/plan/builder-edits';

const after = (text: string) => applyEdits(text, [insertAfterFrom(parseDockerfile(text), 0, '# x\nENV A=1', 'r')]);
const append = (text: string) => applyEdits(text, [appendToBuilder(parseDockerfile(text), 'RUN b', 'r')]);

describe('builder edits', () => {
  it.each([
    ['FROM a\nRUN x\n', 'FROM a\n# x\nENV A=1\nRUN x\n'],
    ['FROM a\r\nRUN x\r\n', 'FROM a\r\n# x\r\nENV A=1\r\nRUN x\r\n'],
    ['FROM a', 'FROM a\n# x\nENV A=1'],
    ['FROM \\\n  a\nRUN x\n', 'FROM \\\n  a\n# x\nENV A=1\nRUN x\n'],
  ])('insertAfterFrom(%j)', (text, expected) => {
    expect(after(text)).toBe(expected);
  });

  it.each([
    ['FROM a\nCMD x\n', 'FROM a\nCMD x\nRUN b\n'],
    ['FROM a\nCMD x', 'FROM a\nCMD x\nRUN b'],
    ['FROM a\nCMD x\n\n', 'FROM a\nCMD x\n\nRUN b\n\n'],
    ['FROM a\r\nCMD x\r\n', 'FROM a\r\nCMD x\r\nRUN b\r\n'],
  ])('appendToBuilder(%j)', (text, expected) => {
    expect(append(text)).toBe(expected);
  });
});
