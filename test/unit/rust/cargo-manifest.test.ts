/** Reading Cargo.toml: binaries as Cargo finds them, workspaces and their members, locked crates. */
import { openBuildContext } from '../../../src/context/build-context';
import { readCargoProject } from '../../../src/languages/rust/cargo-manifest';
import { contextDir } from '../../helpers/build-fixture';

const pkg = (name: string, extra = '') => `[package]\nname = "${name}"\nversion = "0.1.0"\n${extra}\n`;

function binaries(files: Record<string, string>): Record<string, string[]> {
  const project = readCargoProject(openBuildContext(contextDir(files)));
  return Object.fromEntries(
    project.packages.map((p) => [p.name, p.binaries.map((b) => `${b.name}=${b.source}`)]),
  );
}

describe('readCargoProject binaries', () => {
  it.each<[string, Record<string, string>, Record<string, string[]>]>([
    [
      'src/main.rs is the package-named binary',
      { 'Cargo.toml': pkg('web-app'), 'src/main.rs': '' },
      { 'web-app': ['web-app=src/main.rs'] },
    ],
    ['a library only has none', { 'Cargo.toml': pkg('lib'), 'src/lib.rs': '' }, { lib: [] }],
    [
      'src/bin/*.rs and src/bin/*/main.rs',
      {
        'Cargo.toml': pkg('tools'),
        'src/bin/import.rs': '',
        'src/bin/export/main.rs': '',
        'src/bin/export/util.rs': '',
      },
      { tools: ['export=src/bin/export/main.rs', 'import=src/bin/import.rs'] },
    ],
    [
      '[[bin]] names its path',
      { 'Cargo.toml': `${pkg('x')}\n[[bin]]\nname = "server"\npath = "src/main.rs"\n`, 'src/main.rs': '' },
      { x: ['server=src/main.rs'] },
    ],
    [
      '[[bin]] without a path is src/bin/<name>.rs',
      { 'Cargo.toml': `${pkg('x')}\n[[bin]]\nname = "cli"\n`, 'src/bin/cli.rs': '', 'src/main.rs': '' },
      { x: ['cli=src/bin/cli.rs', 'x=src/main.rs'] },
    ],
    [
      'autobins = false keeps only [[bin]] tables',
      {
        'Cargo.toml': `${pkg('x', 'autobins = false')}\n[[bin]]\nname = "only"\npath = "src/only.rs"\n`,
        'src/main.rs': '',
        'src/bin/other.rs': '',
      },
      { x: ['only=src/only.rs'] },
    ],
    [
      'workspace members in their folders',
      {
        'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n',
        'crates/api/Cargo.toml': pkg('api'),
        'crates/api/src/main.rs': '',
        'crates/core/Cargo.toml': pkg('core'),
        'crates/core/src/lib.rs': '',
      },
      { api: ['api=crates/api/src/main.rs'], core: [] },
    ],
  ])('%s', (_name, files, expected) => {
    const found = binaries(files);
    for (const key of Object.keys(found)) found[key].sort();
    expect(found).toEqual(expected);
  });

  it('reads workspaces (members, exclude, default-members), dependencies and Cargo.lock', () => {
    const project = readCargoProject(
      openBuildContext(
        contextDir({
          'Cargo.toml':
            '[workspace]\nmembers = ["api", "tools/*"]\nexclude = ["tools/old"]\ndefault-members = ["api"]\n',
          'api/Cargo.toml': `${pkg('api')}\n[dependencies]\ndb = { package = "diesel", version = "2" }\nopenssl = { version = "0.10", features = ["vendored"] }\n`,
          'tools/gen/Cargo.toml': pkg('gen'),
          'tools/old/Cargo.toml': pkg('old'),
          'Cargo.lock': 'version = 3\n\n[[package]]\nname = "openssl-sys"\nversion = "0.9.1"\n',
        }),
      ),
    );
    expect(project.workspaces).toEqual([{ dir: '', members: ['api', 'tools/gen'], defaultMembers: ['api'] }]);
    const api = project.packages.find((p) => p.name === 'api');
    expect(api?.dependencies).toEqual(['diesel', 'openssl']);
    expect(api?.features).toEqual(['openssl/vendored']);
    expect([...project.lockedCrates]).toEqual(['openssl-sys']);
  });

  it('names a Cargo.toml that does not parse instead of failing', () => {
    const project = readCargoProject(openBuildContext(contextDir({ 'Cargo.toml': '[package\nname = ' })));
    expect(project.packages).toEqual([]);
    expect(project.problems[0]).toMatch(/^Cargo\.toml: /);
  });
});
