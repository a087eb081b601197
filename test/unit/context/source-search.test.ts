import { openBuildContext } from '../../../src/context/build-context';
import { findInSources } from '../../../src/context/source-search';
import { contextDir } from '../../helpers/build-fixture';

describe('findInSources', () => {
  const dir = contextDir({
    'app/jobs.py': 'import subprocess\nsubprocess.run(["git", "pull"])\n',
    'src/Deploy.php': '<?php shell_exec("git rev-parse HEAD");\n',
    'README.md': 'run git clone first\n',
    'bin/deploy.sh': '#!/bin/sh\nrsync -a . remote:\n',
  });
  it.each([
    ['shell scripts belong to every language', [], /rsync/, 'bin/deploy.sh'],
    ['a language without its profile is not code', [], /subprocess/, null],
    ["a language's code with its profile", [{ sourceExtensions: ['py'] }], /subprocess/, 'app/jobs.py'],
    ['a profile-added extension is not read without the profile', [], /shell_exec/, null],
    [
      'a profile-added extension is read with it',
      [{ sourceExtensions: ['php'] }],
      /shell_exec/,
      'src/Deploy.php',
    ],
    ['documentation is never code', [{ sourceExtensions: ['php'] }], /git clone/, null],
  ])('%s', (_name, profiles, pattern, expected) => {
    expect(findInSources(openBuildContext(dir, profiles), pattern)).toBe(expected);
  });
});
