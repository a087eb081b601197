import { mkdirSync, symlinkSync } from 'fs';
import * as path from 'path';
import { findDockerfiles, isDockerfileName, resolveRepositories } from '../../src/codemod/discover';
import { PYTHON_DOCKERFILE, tempDir, writeTree } from './codemod-helpers';

describe('isDockerfileName', () => {
  it.each([
    ['Dockerfile', true],
    ['dockerfile', true],
    ['Dockerfile.prod', true],
    ['api.Dockerfile', true],
    ['api.dockerfile', true],
    ['Dockerfile.dockerignore', false],
    ['api.Dockerfile.dockerignore', false],
    ['Dockerfile.md', false],
    ['Dockerfile.orig', false],
    ['Dockerfile~', false],
    ['Dockerfiles', false],
    ['.dockerignore', false],
    ['README.md', false],
  ])('%s → %s', (name, expected) => {
    expect(isDockerfileName(name)).toBe(expected);
  });
});

describe('findDockerfiles', () => {
  it('honours nested .gitignore files and skips node_modules, vendor, .git and nested repositories', async () => {
    const root = tempDir();
    mkdirSync(path.join(root, '.git'));
    writeTree(root, {
      '.gitignore': 'ignored/\n*.generated.Dockerfile\n',
      Dockerfile: PYTHON_DOCKERFILE,
      'services/api/Dockerfile.prod': PYTHON_DOCKERFILE,
      'services/api/worker.Dockerfile': PYTHON_DOCKERFILE,
      'services/web/.gitignore': 'local/\n',
      'services/web/local/Dockerfile': PYTHON_DOCKERFILE,
      'services/web/x.generated.Dockerfile': PYTHON_DOCKERFILE,
      'ignored/Dockerfile': PYTHON_DOCKERFILE,
      'node_modules/pkg/Dockerfile': PYTHON_DOCKERFILE,
      'vendor/lib/Dockerfile': PYTHON_DOCKERFILE,
      '.git/Dockerfile': PYTHON_DOCKERFILE,
      'submodule/.git': 'gitdir: ../.git/modules/submodule\n',
      'submodule/Dockerfile': PYTHON_DOCKERFILE,
      'Dockerfile.dockerignore': 'node_modules\n',
    });
    const [repository] = (await resolveRepositories([root])).repositories;
    expect(await findDockerfiles(repository)).toEqual([
      'Dockerfile',
      'services/api/Dockerfile.prod',
      'services/api/worker.Dockerfile',
    ]);
  });

  it('never follows a symlink out of the repository', async () => {
    const outside = tempDir('msb-outside-');
    writeTree(outside, { Dockerfile: PYTHON_DOCKERFILE, 'deep/Dockerfile': PYTHON_DOCKERFILE });
    const root = tempDir();
    writeTree(root, { 'real/Dockerfile': PYTHON_DOCKERFILE });
    symlinkSync(path.join(outside, 'Dockerfile'), path.join(root, 'Dockerfile'));
    symlinkSync(path.join(outside, 'deep'), path.join(root, 'linked-dir'));
    symlinkSync(path.join(root, 'real', 'Dockerfile'), path.join(root, 'inside.Dockerfile'));
    symlinkSync(path.join(root, 'missing'), path.join(root, 'Dockerfile.dangling'));
    const [repository] = (await resolveRepositories([root])).repositories;
    expect(await findDockerfiles(repository)).toEqual(['inside.Dockerfile', 'real/Dockerfile']);
  });
});

describe('resolveRepositories', () => {
  it('treats a folder of repositories as each repository, a sub-folder as part of its repository, and expands globs', async () => {
    const org = tempDir('msb-org-');
    for (const name of ['alpha', 'beta']) mkdirSync(path.join(org, name, '.git'), { recursive: true });
    writeTree(org, { 'beta/svc/Dockerfile': PYTHON_DOCKERFILE, 'plain/Dockerfile': PYTHON_DOCKERFILE });

    const fromOrg = await resolveRepositories([org]);
    expect(fromOrg.repositories.map((r) => path.basename(r.root))).toEqual(['alpha', 'beta']);

    const fromSub = await resolveRepositories([path.join(org, 'beta', 'svc')]);
    expect(fromSub.repositories).toEqual([
      { root: path.join(org, 'beta'), isGit: true, scopes: [path.join(org, 'beta', 'svc')] },
    ]);

    const fromGlob = await resolveRepositories(['*'], org);
    expect(fromGlob.repositories.map((r) => [path.basename(r.root), r.isGit])).toEqual([
      ['alpha', true],
      ['beta', true],
      ['plain', false],
    ]);

    expect((await resolveRepositories(['does-not-exist', 'nothing-*'], org)).missing).toEqual([
      'does-not-exist',
      'nothing-*',
    ]);
  });
});
