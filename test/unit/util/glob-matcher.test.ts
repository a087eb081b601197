import picomatch from 'picomatch';
import { globMatcher } from '../../../src/util/glob-matcher';

const paths = [
  'requirements.txt',
  'requirements-dev.txt',
  'requirements/base.txt',
  'src/app/main.go',
  'cmd/server/main.go',
  'go.mod',
  'svc/go.mod',
  '.env',
  'config/.env.local',
  'app.csproj',
  'src/Api/Api.csproj',
  'a/b/c/d.cs',
  'node_modules/x/package.json',
  'libpq-dev',
  'gcc',
  'python3-dev',
  'build-essential',
  'a+b',
  '',
];
const patterns: (string | string[])[] = [
  'requirements*.txt',
  'requirements/*.txt',
  '**/go.mod',
  '*/go.mod',
  '{cmd,internal,pkg}/**/*.go',
  '*.{csproj,fsproj,vbproj}',
  '{*,*/*}/*.{csproj,fsproj,vbproj}',
  '**/*.{cs,fs}',
  '.env*',
  '**/.env*',
  '!**/node_modules/**',
  'a+b',
  ['*-dev', 'gcc', 'build-essential'],
  ['lib*', '!libpq*'],
  [],
];

describe('globMatcher: what picomatch says, for one pattern or a list', () => {
  for (const dot of [true, false]) {
    it.each(patterns.map((p) => [JSON.stringify(p), p] as const))(`%s (dot: ${dot})`, (_name, pattern) => {
      const expected = picomatch(typeof pattern === 'string' ? [pattern] : [...pattern], { dot });
      const matcher = globMatcher(pattern, { dot });
      expect(paths.filter((p) => matcher(p))).toEqual(paths.filter((p) => p !== '' && expected(p)));
    });
  }

  it('gives the same matcher for the same list and options', () => {
    const list = ['*-dev', 'gcc'];
    expect(globMatcher(list)).toBe(globMatcher(list));
    expect(globMatcher(list, { dot: true })).not.toBe(globMatcher(list));
  });
});
