import { readFileSync } from 'fs';
import * as path from 'path';
import { parseProfile } from '../../src/profiles/load-profiles';
import { loadProfiles, settingsSchemaFor } from '../../src/languages';
import { MsbError } from '../../src';

const pythonYaml = readFileSync(path.join(__dirname, '..', '..', 'language-profiles', 'python.yaml'), 'utf8');

function errorOf(text: string): MsbError {
  try {
    parseProfile(text, 'my.yaml', settingsSchemaFor);
  } catch (error) {
    return error as MsbError;
  }
  throw new Error('expected an error');
}

describe('profile loading', () => {
  it('loads and validates every shipped profile', () => {
    const profiles = loadProfiles();
    expect(profiles.map((p) => p.id)).toContain('python');
    for (const profile of profiles) expect(profile.source).toMatch(/language-profiles/);
  });

  it.each([
    ['a wrong type, with its line', pythonYaml.replace('priority: 40', 'priority: high'), /^my\.yaml:\d+: detect\.priority: must be integer$/],
    ['an unknown field', pythonYaml.replace('strategy: python', 'strategy: python\nstratgy: typo'), /my\.yaml:\d+: .*unknown field "stratgy"/],
    ['a missing field', pythonYaml.replace(/^templates:[\s\S]*?^imageSizes:/m, 'imageSizes:'), /missing required field "templates"/],
    ['a bad regular expression', pythonYaml.replace('"(^|/)python$"', '"(^|/python$"'), /detect\.baseImages\.0\.pattern|runtimeImages|not a valid regular expression/],
    ['an unknown strategy', pythonYaml.replace('strategy: python', 'strategy: cobol'), /strategy: unknown strategy "cobol"/],
    ['a settings mistake checked by the strategy schema', pythonYaml.replace('venvPath: /opt/venv', 'venvPath: relative/path'), /settings\.venvPath/],
    ['broken YAML', 'id: [unclosed', /my\.yaml:1: YAML:/],
  ])('reports %s as file:line: field: problem', (_name, text, message) => {
    const error = errorOf(text);
    expect(error).toBeInstanceOf(MsbError);
    expect(error.kind).toBe('invalid-profile');
    expect(error.toOneLine()).toMatch(message);
  });

  it('points at the line of the wrong field', () => {
    const text = pythonYaml.replace('priority: 40', 'priority: high');
    const line = text.split('\n').findIndex((l) => l.includes('priority: high')) + 1;
    expect(errorOf(text).line).toBe(line);
  });

  it('lets a user profile replace a shipped one', () => {
    const tmp = path.join(require('os').tmpdir(), `msb-profile-${process.pid}.yaml`);
    require('fs').writeFileSync(tmp, pythonYaml.replace('venvPath: /opt/venv', 'venvPath: /venv'));
    const python = loadProfiles([tmp]).find((p) => p.id === 'python')!;
    expect((python.settings as { venvPath: string }).venvPath).toBe('/venv');
  });
});
