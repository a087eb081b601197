import { applyEdits, insertAt } from '../../src/edit/text-edits';

describe('applyEdits', () => {
  it.each([
    ['insertion', 'abc', [insertAt(1, 'X')], 'aXbc'],
    ['two insertions at one offset keep their order', 'abc', [insertAt(1, 'X'), insertAt(1, 'Y')], 'aXYbc'],
    [
      'edits in any order',
      'abcdef',
      [
        { start: 4, end: 5, text: 'E' },
        { start: 0, end: 1, text: 'A' },
      ],
      'AbcdEf',
    ],
    ['append at the end', 'ab', [insertAt(2, 'c')], 'abc'],
    ['no edits', 'ab', [], 'ab'],
  ])('%s', (_name, text, edits, expected) => {
    expect(applyEdits(text, edits)).toBe(expected);
  });

  it('throws on overlapping edits', () => {
    expect(() =>
      applyEdits('abcdef', [
        { start: 0, end: 3, text: 'x' },
        { start: 2, end: 4, text: 'y', reason: 'second' },
      ]),
    ).toThrow(/overlapping.*second/);
  });

  it('throws on an edit past the end', () => {
    expect(() => applyEdits('ab', [{ start: 1, end: 5, text: 'x' }])).toThrow(/invalid/);
  });
});
