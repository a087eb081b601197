/** The five renderings of one report (src/formats): exact text where it is short, structure where it is not. */
import Ajv from 'ajv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import * as path from 'path';
import { formatReport, Report } from '../../src/formats';
import { useColor } from '../../src/commands/color';

/** The escape that starts an ANSI colour sequence. */
const ESC = String.fromCharCode(0x1b);

const CWD = path.resolve('/repo');
const REPORT: Report = {
  rules: [
    { id: 'MSB001', severity: 'error', description: 'COPY --from names an earlier stage' },
    { id: 'MSB003', severity: 'warning', description: 'the runtime image is pinned' },
  ],
  files: [
    {
      file: 'services/api/Dockerfile',
      messages: [
        {
          ruleId: 'MSB003',
          severity: 'warning',
          line: 2,
          column: 1,
          endLine: 2,
          message: 'runtime image "alpine" has no tag: pin a version',
        },
        {
          ruleId: 'MSB001',
          severity: 'error',
          line: 10,
          column: 3,
          endLine: 12,
          message: 'COPY --from=runtime: no stage "runtime" <before> & "after", 100%\nsecond line',
        },
      ],
    },
    { file: 'clean/Dockerfile', messages: [] },
  ],
};
const plain = { color: false, cwd: CWD };

describe('stylish', () => {
  it('groups by file, aligns columns, ends with the summary', () => {
    expect(formatReport('stylish', REPORT, plain)).toBe(
      [
        'services/api/Dockerfile',
        '  2:1   warning  runtime image "alpine" has no tag: pin a version                              MSB003',
        '  10:3  error    COPY --from=runtime: no stage "runtime" <before> & "after", 100% second line  MSB001',
        '',
        '✖ 2 problems (1 error, 1 warning)',
        '',
      ].join('\n'),
    );
  });

  it.each([
    [{ errors: 1, warnings: 0 }, '✖ 1 problem (1 error, 0 warnings)'],
    [{ errors: 0, warnings: 2 }, '✖ 2 problems (0 errors, 2 warnings)'],
  ])('summary %o', ({ errors, warnings }, line) => {
    const message = (severity: 'error' | 'warning') => ({
      ruleId: 'X1',
      severity,
      line: 1,
      column: 1,
      endLine: 1,
      message: 'm',
    });
    const report = {
      rules: [],
      files: [
        {
          file: 'f',
          messages: [...Array(errors).fill(message('error')), ...Array(warnings).fill(message('warning'))],
        },
      ],
    };
    expect(formatReport('stylish', report, plain).trimEnd().split('\n').pop()).toBe(line);
  });

  it('prints nothing when there is no problem', () => {
    expect(formatReport('stylish', { rules: [], files: [{ file: 'f', messages: [] }] }, plain)).toBe('');
  });

  it('paints only when asked', () => {
    expect(formatReport('stylish', REPORT, plain)).not.toMatch(new RegExp(`${ESC}\\[`));
    expect(formatReport('stylish', REPORT, { ...plain, color: true })).toMatch(
      new RegExp(`${ESC}\\[31merror`),
    );
  });
});

describe('github', () => {
  it('one workflow command per problem, with data and property escaping', () => {
    expect(formatReport('github', REPORT, plain).split('\n')).toEqual([
      '::warning file=services/api/Dockerfile,line=2,endLine=2,col=1,title=msb MSB003::runtime image "alpine" has no tag: pin a version',
      '::error file=services/api/Dockerfile,line=10,endLine=12,col=3,title=msb MSB001::COPY --from=runtime: no stage "runtime" <before> & "after", 100%25%0Asecond line',
      '',
    ]);
  });

  it('names files relative to the working folder, with / and escaped commas', () => {
    const report: Report = {
      rules: [],
      files: [{ file: path.join(CWD, 'a,b', 'Dockerfile'), messages: [REPORT.files[0].messages[0]] }],
    };
    expect(formatReport('github', report, plain)).toMatch(/^::warning file=a%2Cb\/Dockerfile,line=2/);
  });
});

describe('checkstyle', () => {
  it('is well-formed XML with one <file> per file and escaped attributes', () => {
    const xml = formatReport('checkstyle', REPORT, plain);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<checkstyle version="4.3">')).toBe(true);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => ['file', 'error'].includes(name),
    }).parse(xml);
    const files = parsed.checkstyle.file;
    expect(files.map((f: { name: string }) => f.name)).toEqual([
      'services/api/Dockerfile',
      'clean/Dockerfile',
    ]);
    expect(files[0].error[1]).toEqual({
      line: '10',
      column: '3',
      severity: 'error',
      message: 'COPY --from=runtime: no stage "runtime" <before> & "after", 100%\nsecond line',
      source: 'msb.MSB001',
    });
    expect(files[1].error).toBeUndefined();
  });
});

/** The parts of SARIF 2.1.0 that GitHub code scanning requires (docs "SARIF support for code scanning"). */
const SARIF_ESSENTIALS = {
  type: 'object',
  required: ['version', '$schema', 'runs'],
  properties: {
    version: { const: '2.1.0' },
    runs: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['tool', 'results'],
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name', 'rules'],
                properties: {
                  rules: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id', 'shortDescription'],
                      properties: {
                        shortDescription: { type: 'object', required: ['text'] },
                        defaultConfiguration: {
                          type: 'object',
                          properties: { level: { enum: ['none', 'note', 'warning', 'error'] } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['ruleId', 'message', 'locations', 'level'],
              properties: {
                level: { enum: ['none', 'note', 'warning', 'error'] },
                message: { type: 'object', required: ['text'] },
                locations: {
                  type: 'array',
                  minItems: 1,
                  items: {
                    type: 'object',
                    required: ['physicalLocation'],
                    properties: {
                      physicalLocation: {
                        type: 'object',
                        required: ['artifactLocation', 'region'],
                        properties: {
                          artifactLocation: {
                            type: 'object',
                            required: ['uri'],
                            properties: { uri: { type: 'string', not: { pattern: '\\\\' } } },
                          },
                          region: {
                            type: 'object',
                            required: ['startLine'],
                            properties: {
                              startLine: { type: 'integer', minimum: 1 },
                              startColumn: { type: 'integer', minimum: 1 },
                              endLine: { type: 'integer', minimum: 1 },
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

describe('sarif', () => {
  const sarif = JSON.parse(formatReport('sarif', REPORT, plain));
  const run = sarif.runs[0];

  it('has the fields code scanning needs', () => {
    const validate = new Ajv({ allErrors: true }).compile(SARIF_ESSENTIALS);
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
  });

  it('lists the rules and points each result at its rule, file and region', () => {
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['MSB001', 'MSB003']);
    expect(run.results[1]).toEqual({
      ruleId: 'MSB001',
      ruleIndex: 0,
      level: 'error',
      message: { text: REPORT.files[0].messages[1].message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'services/api/Dockerfile', uriBaseId: '%SRCROOT%' },
            region: { startLine: 10, startColumn: 3, endLine: 12 },
          },
        },
      ],
    });
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/repo\/$/);
  });

  it('gives files outside the working folder as file: URIs', () => {
    const report: Report = {
      rules: REPORT.rules,
      files: [{ file: path.resolve('/elsewhere/Docker file'), messages: [REPORT.files[0].messages[0]] }],
    };
    const location = JSON.parse(formatReport('sarif', report, plain)).runs[0].results[0].locations[0]
      .physicalLocation.artifactLocation;
    expect(location).toEqual({ uri: 'file:///elsewhere/Docker%20file' });
  });
});

describe('colour decision', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  it.each([
    ['terminal', tty, undefined, {}, true],
    ['piped', pipe, undefined, {}, false],
    ['--no-color on a terminal', tty, false, {}, false],
    ['NO_COLOR on a terminal', tty, undefined, { NO_COLOR: '1' }, false],
    ['empty NO_COLOR is unset', tty, undefined, { NO_COLOR: '' }, true],
    ['TERM=dumb', tty, undefined, { TERM: 'dumb' }, false],
    ['--color when piped', pipe, true, {}, true],
    ['FORCE_COLOR when piped', pipe, undefined, { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=0 on a terminal', tty, undefined, { FORCE_COLOR: '0' }, false],
    ['empty FORCE_COLOR when piped', pipe, undefined, { FORCE_COLOR: '' }, false],
    ['NO_COLOR beats --color', pipe, true, { NO_COLOR: '1' }, false],
  ])('%s', (_name, stream, flag, env, expected) => {
    expect(useColor(stream, flag, env)).toBe(expected);
  });
});
