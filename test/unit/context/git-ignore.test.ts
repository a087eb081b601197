/** Which context files git ignores: the context's .gitignore files and those above it up to the repository root. */
import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { openBuildContext } from '../../../src/context/build-context';
import { contextDir } from '../../helpers/build-fixture';

describe('BuildContext.isGitIgnored', () => {
  const context = openBuildContext(
    contextDir({
      '.gitignore': '.env\n/build/\n*.log\n!keep.log\n',
      'config/.gitignore': 'local.yaml\n',
      '.env': '',
      'config/local.yaml': '',
      'config/app.yaml': '',
    }),
  );

  it.each([
    ['.env', true],
    ['./.env', true],
    ['sub/.env', true],
    ['build/app', true],
    ['server.log', true],
    ['keep.log', false],
    ['config/local.yaml', true],
    ['config/app.yaml', false],
    ['local.yaml', false],
    ['', false],
  ])('%s → %s', (file, expected) => {
    expect(context.isGitIgnored(file)).toBe(expected);
  });

  it('reads the .gitignore files above the context up to the repository root', () => {
    const repo = contextDir({
      '.gitignore': 'services/api/.env\nsecrets/\n',
      'services/api/.env': '',
      'services/api/main.go': '',
    });
    mkdirSync(path.join(repo, '.git'));
    const api = openBuildContext(path.join(repo, 'services', 'api'));
    expect(api.isGitIgnored('.env')).toBe(true);
    expect(api.isGitIgnored('main.go')).toBe(false);
    // Outside a repository, only the context's own files count.
    const loose = contextDir({ 'app/.env': '' });
    writeFileSync(path.join(loose, '.gitignore'), '.env\n');
    expect(openBuildContext(path.join(loose, 'app')).isGitIgnored('.env')).toBe(false);
  });
});
