/** Folders the code names in known serving calls, read from the sources with the profile's patterns. */
import { servedDirs } from '../../../src/plan/served-dirs';
import { stageFixture } from '../../helpers/build-fixture';

const CALLS = ['ServeDir::new\\(\\s*"([^"]+)"', '\\.Static\\(\\s*"[^"]*"\\s*,\\s*"([^"]+)"'];

describe('servedDirs', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['a bare folder name', { 'src/main.rs': 'ServeDir::new("site")' }, ['site']],
    ['./ and a trailing slash', { 'main.go': 'r.Static("/assets", "./public/")' }, ['public']],
    [
      'nested folders, each once',
      { 'a.rs': 'ServeDir::new("web/dist") ServeDir::new("web/dist")' },
      ['web/dist'],
    ],
    [
      'absolute paths, parents, globs and variables are not context folders',
      { 'a.rs': 'ServeDir::new("/srv") ServeDir::new("..") ServeDir::new("*") ServeDir::new("$DIR")' },
      [],
    ],
    ['files that are not source are not read', { 'README.md': 'ServeDir::new("docs")' }, []],
  ])('%s', (_name, files, expected) => {
    const { context } = stageFixture('FROM x\n', files);
    expect(servedDirs(context, (f) => /\.(rs|go)$/.test(f), CALLS)).toEqual(expected);
  });
});
