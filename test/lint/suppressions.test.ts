/** `# msb-ignore` pragmas: which findings they silence, case by case (src/lint/suppressions.ts). */
import { lintText } from '../../src/lint/lint';

// MSB001 (COPY --from a missing stage) on line 3 and MSB003 (untagged runtime image) on line 2, once the pragma lines are counted.
const body = (pragmaAboveCopy: string, top = '') =>
  `${top}FROM golang:1.22 AS build\nFROM alpine\n${pragmaAboveCopy}COPY --from=runtime /a /b\n`;

const CASES: { name: string; text: string; rules: string[] }[] = [
  { name: 'no pragma', text: body(''), rules: ['MSB003', 'MSB001'] },
  { name: 'one rule on the line above', text: body('# msb-ignore MSB001\n'), rules: ['MSB003'] },
  { name: '= form, comma list', text: body('# msb-ignore=MSB001,MSB003\n'), rules: ['MSB003'] },
  {
    name: 'space list, lower case, spaces around =',
    text: body('#msb-ignore = msb001 msb004\n'),
    rules: ['MSB003'],
  },
  {
    name: 'pragma above an explaining comment',
    text: body('# msb-ignore MSB001\n# the stage comes from a later build\n'),
    rules: ['MSB003'],
  },
  { name: 'another rule only', text: body('# msb-ignore MSB004\n'), rules: ['MSB003', 'MSB001'] },
  {
    name: 'a blank line breaks the block',
    text: body('# msb-ignore MSB001\n\n'),
    rules: ['MSB003', 'MSB001'],
  },
  {
    name: 'an instruction in between',
    text: body('# msb-ignore MSB001\nENV A=1\n'),
    rules: ['MSB003', 'MSB001'],
  },
  {
    name: 'applies to the next instruction only',
    text: `FROM alpine:3.20 AS a\n# msb-ignore MSB001\nCOPY --from=x /a /b\nCOPY --from=y /a /b\n`,
    rules: ['MSB001'],
  },
  {
    name: 'not a pragma: text after the ids',
    text: body('# msb-ignore MSB001 because\n'),
    rules: ['MSB003', 'MSB001'],
  },
  {
    name: 'a reason after --',
    text: body('# msb-ignore MSB001 -- the stage comes from --build-context\n'),
    rules: ['MSB003'],
  },
  { name: 'not a pragma: no ids', text: body('# msb-ignore\n'), rules: ['MSB003', 'MSB001'] },
  { name: 'file level, at the top', text: body('', '# msb-ignore-file MSB003\n'), rules: ['MSB001'] },
  { name: 'file level, at the bottom', text: `${body('')}# msb-ignore-file=MSB001,MSB003\n`, rules: [] },
  {
    name: 'file level form does not act as a line pragma twice',
    text: body('# msb-ignore-file MSB001\n'),
    rules: ['MSB003'],
  },
];

describe('inline suppression', () => {
  it.each(CASES)('$name', ({ text, rules }) => {
    expect(lintText(text).map((f) => f.rule)).toEqual(rules);
  });

  it('is ignored when turned off (the conversion gate)', () => {
    expect(
      lintText(body('# msb-ignore MSB001\n'), 'Dockerfile', { inlineSuppressions: false }).map((f) => f.rule),
    ).toEqual(['MSB003', 'MSB001']);
  });
});

describe('finding positions', () => {
  it('give the instruction column and last line', () => {
    const findings = lintText('FROM alpine:3.20 AS a\n  COPY --from=x \\\n    /a /b\n');
    expect(findings.map(({ line, column, endLine }) => ({ line, column, endLine }))).toEqual([
      { line: 2, column: 3, endLine: 3 },
    ]);
  });
});
