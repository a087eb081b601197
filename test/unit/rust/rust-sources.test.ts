/** What the Rust sources compile in (include_str!, include_dir!, rust-embed, migrate!) and how they load .env. */
import { openBuildContext } from '../../../src/context/build-context';
import { readCargoProject } from '../../../src/languages/rust/cargo-manifest';
import { isEmbedded, rustEnvFileUse, scanRustSources } from '../../../src/languages/rust/rust-sources';
import { loadProfiles } from '../../../src/languages';
import type { RustSettings } from '../../../src/languages/rust/rust-settings';
import { contextDir } from '../../helpers/build-fixture';

const settings = loadProfiles().find((p) => p.id === 'rust')?.settings as RustSettings;

function scan(files: Record<string, string>) {
  const context = openBuildContext(contextDir(files));
  return scanRustSources(context, readCargoProject(context).packages);
}

const manifest = { 'api/Cargo.toml': '[package]\nname = "api"\nversion = "0.1.0"\n' };

describe('scanRustSources', () => {
  it.each<[string, string, string[]]>([
    [
      'include_str! next to the source file',
      'const P: &str = include_str!("../templates/index.html");',
      ['api/templates/index.html'],
    ],
    [
      'include_bytes! in the same folder',
      'const B: &[u8] = include_bytes!("logo.png");',
      ['api/src/logo.png'],
    ],
    [
      'include_dir! from the crate root',
      'static D: Dir = include_dir!("$CARGO_MANIFEST_DIR/static");',
      ['api/static'],
    ],
    ['rust-embed #[folder]', '#[derive(RustEmbed)]\n#[folder = "assets/"]\nstruct A;', ['api/assets']],
    ['sqlx::migrate!() defaults to migrations/', 'sqlx::migrate!().run(&pool).await?;', ['api/migrations']],
    ['migrate! with a path above the crate', 'sqlx::migrate!("../migrations")', ['migrations']],
    [
      'embed_migrations!() (diesel)',
      'pub const M: EmbeddedMigrations = embed_migrations!();',
      ['api/migrations'],
    ],
    ['a path outside the context is dropped', 'include_str!("../../../../etc/passwd")', []],
    ['a plain string is not embedded', 'let p = "templates/index.html";', []],
  ])('%s', (_name, code, embedded) => {
    expect(scan({ ...manifest, 'api/src/main.rs': code }).embedded).toEqual(embedded);
  });

  it('matches files inside an embedded folder', () => {
    const embedded = isEmbedded(scan({ ...manifest, 'api/src/main.rs': '#[folder = "assets"]' }));
    expect(embedded('api/assets/app.css')).toBe(true);
    expect(embedded('api/assets2/app.css')).toBe(false);
  });
});

describe('rustEnvFileUse', () => {
  const crates = new Set(['dotenvy']);
  it.each<[string, string, Set<string>, { required: boolean; unused?: boolean; why?: string } | null]>([
    ['no loader crate: unused', 'fn main() {}', new Set(), { required: false, unused: true }],
    ['dotenv().ok() is optional', 'dotenvy::dotenv().ok();', crates, { required: false }],
    ['dotenv()? is required', 'dotenvy::dotenv()?;', crates, { required: true }],
    [
      'dotenv().expect(...) is required',
      'dotenvy::dotenv().expect("a .env file");',
      crates,
      { required: true },
    ],
    ['a loader crate but no call msb reads (target/ is not read)', 'fn main() {}', crates, null],
    [
      'the first call that requires the file decides',
      'dotenvy::dotenv().ok();\nfn f() { dotenvy::from_filename(".env.local").unwrap(); }',
      crates,
      { required: true, why: 'api/src/main.rs stops without it (dotenv()? / unwrap / expect)' },
    ],
  ])('%s', (_name, code, deps, expected) => {
    const context = openBuildContext(
      contextDir({ ...manifest, 'api/src/main.rs': code, 'target/gen.rs': 'dotenvy::dotenv()?;' }),
    );
    const use = rustEnvFileUse(context, '.env', deps, {
      envFileCrates: ['dotenvy', 'dotenv'],
      envFileLoads: settings.envFileLoads,
    });
    if (expected === null) expect(use).toBeNull();
    else expect(use).toMatchObject(expected);
  });
});
