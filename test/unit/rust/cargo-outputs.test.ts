/** Where cargo build / install / run leave the binaries, as Cargo decides it. */
import { splitShellCommands } from '../../../src/analyze/shell-commands';
import { parseCargoCommand } from '../../../src/languages/rust/cargo-commands';
import { readCargoProject } from '../../../src/languages/rust/cargo-manifest';
import { cargoOutputs } from '../../../src/languages/rust/cargo-outputs';
import { stageFixture } from '../../helpers/build-fixture';
import { settings } from './rust-fixtures';

const single = {
  'Cargo.toml': '[package]\nname = "web"\nversion = "0.1.0"\n',
  'src/main.rs': '',
  'src/bin/migrate.rs': '',
};
const workspace = {
  'Cargo.toml': '[workspace]\nmembers = ["crates/*", "worker"]\n',
  'crates/api/Cargo.toml': '[package]\nname = "api"\nversion = "0.1.0"\n',
  'crates/api/src/main.rs': '',
  'worker/Cargo.toml': '[package]\nname = "worker"\nversion = "0.1.0"\ndefault-run = "worker"\n',
  'worker/src/main.rs': '',
  'worker/src/bin/once.rs': '',
};

function outputs(
  text: string,
  files: Record<string, string> = single,
  options: { cwd?: string; env?: Record<string, string> } = {},
) {
  const fixture = stageFixture('FROM rust:1.79\nWORKDIR /app\nCOPY . .\n', files);
  const command = parseCargoCommand(splitShellCommands(text)[0], settings.cargoOptions);
  if (!command) throw new Error(`not a cargo command: ${text}`);
  const result = cargoOutputs(command, options.cwd ?? '/app', {
    project: readCargoProject(fixture.context),
    paths: fixture.paths,
    context: fixture.context,
    values: new Map(Object.entries(options.env ?? {})),
    cargoHome: '/usr/local/cargo',
    cargoOptions: settings.cargoOptions,
  });
  return result.ok ? result.binaries.map((b) => b.path).sort() : result.reason;
}

describe('cargoOutputs', () => {
  it.each<[string, string[]]>([
    ['cargo build', ['/app/target/debug/migrate', '/app/target/debug/web']],
    ['cargo build --release', ['/app/target/release/migrate', '/app/target/release/web']],
    ['cargo build -r --bin web', ['/app/target/release/web']],
    ['cargo build --release --bin=web', ['/app/target/release/web']],
    ['cargo build --profile dev --bin web', ['/app/target/debug/web']],
    ['cargo build --profile production --bin web', ['/app/target/production/web']],
    [
      'cargo build --release --target x86_64-unknown-linux-musl --bin web',
      ['/app/target/x86_64-unknown-linux-musl/release/web'],
    ],
    ['cargo build --release --target-dir /out --bin web', ['/out/release/web']],
    ['CARGO_TARGET_DIR=/cache cargo build --release --bin web', ['/cache/release/web']],
    ['cargo +nightly build --release --bin web', ['/app/target/release/web']],
    ['cargo build --release --example demo', []],
    ['cargo run --release --bin migrate -- --dry-run', ['/app/target/release/migrate']],
    ['cargo install --path .', ['/usr/local/cargo/bin/migrate', '/usr/local/cargo/bin/web']],
    ['cargo install --path . --bin web --root /usr/local', ['/usr/local/bin/web']],
    ['cargo install sqlx-cli', ['/usr/local/cargo/bin/sqlx-cli']],
    ['cargo test --release', []],
  ])('%s', (text, expected) => {
    expect(outputs(text)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    [
      'cargo build --release',
      ['/app/target/release/api', '/app/target/release/once', '/app/target/release/worker'],
    ],
    ['cargo build --release -p api', ['/app/target/release/api']],
    ['cargo build --release --package=worker --bin once', ['/app/target/release/once']],
    ['cargo run --release -p worker', ['/app/target/release/worker']],
    ['cargo build --release --manifest-path crates/api/Cargo.toml', ['/app/target/release/api']],
  ])('in a workspace: %s', (text, expected) => {
    expect(outputs(text, workspace)).toEqual(expected);
  });

  it('builds a member from its own folder into the workspace root target/', () => {
    expect(outputs('cargo build --release', workspace, { cwd: '/app/crates/api' })).toEqual([
      '/app/target/release/api',
    ]);
  });

  it('reads CARGO_TARGET_DIR, CARGO_HOME and .cargo/config.toml', () => {
    expect(
      outputs('cargo build --release --bin web', single, { env: { CARGO_TARGET_DIR: '/build' } }),
    ).toEqual(['/build/release/web']);
    expect(
      outputs('cargo install --path . --bin web', single, { env: { CARGO_HOME: '/opt/cargo' } }),
    ).toEqual(['/opt/cargo/bin/web']);
    // a variable the command does not inherit is not read
    expect(
      outputs('env -u CARGO_TARGET_DIR cargo build --release --bin web', single, {
        env: { CARGO_TARGET_DIR: '/build' },
      }),
    ).toEqual(['/app/target/release/web']);
    const configured = {
      ...single,
      '.cargo/config.toml': '[build]\ntarget = "aarch64-unknown-linux-gnu"\ntarget-dir = "out"\n',
    };
    expect(outputs('cargo build --release --bin web', configured)).toEqual([
      '/app/out/aarch64-unknown-linux-gnu/release/web',
    ]);
  });

  it.each<[string, Record<string, string>, string]>([
    ['cargo run --release', single, 'several binaries (migrate, web) and neither --bin nor default-run'],
    [
      'cargo build --bin nope',
      single,
      'builds the binary nope, which no Cargo.toml in the build context declares',
    ],
    ['cargo build -p nope', single, 'msb finds no package'],
    ['cargo build', {}, 'reads a Cargo.toml that no COPY brings from the build context'],
  ])('refuses to guess: %s', (text, files, reason) => {
    expect(outputs(text, files)).toContain(reason);
  });
});
