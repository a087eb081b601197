/** Rust planning scenarios through the public convertText API: runtimes, linkage, commands, files. */
import { convertIn, runtimeOf } from '../../helpers/build-fixture';

const app = {
  'Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\n',
  'src/main.rs': 'fn main() {}\n',
};
const release = (from: string, tail = 'CMD ["./target/release/app"]\n') =>
  `FROM ${from}\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\n${tail}`;

describe('rust planning', () => {
  it.each<[string, string, Record<string, string>, string]>([
    ['rust:1.63 (bullseye)', release('rust:1.63'), {}, 'debian:bullseye-slim'],
    ['rust:1.79-slim (bookworm)', release('rust:1.79-slim'), {}, 'debian:bookworm-slim'],
    ['rust:1.79-slim-bullseye', release('rust:1.79-slim-bullseye'), {}, 'debian:bullseye-slim'],
    ['rust:latest (trixie)', release('rust:latest'), {}, 'debian:trixie-slim'],
    ['rust:1-alpine (static musl)', release('rust:1-alpine'), {}, 'scratch'],
    [
      '--target x86_64-unknown-linux-musl',
      release('rust:1.79')
        .replace('--release', '--release --target x86_64-unknown-linux-musl')
        .replace('target/release', 'target/x86_64-unknown-linux-musl/release'),
      {},
      'scratch',
    ],
    [
      '--runtime distroless',
      release('rust:1.79'),
      { runtime: 'distroless' },
      'gcr.io/distroless/cc-debian12:nonroot',
    ],
    [
      'RUSTFLAGS=-C target-feature=-crt-static on alpine',
      `FROM rust:1.79-alpine3.20\nENV RUSTFLAGS="-C target-feature=-crt-static"\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\nCMD ["./target/release/app"]\n`,
      {},
      'alpine:3.20',
    ],
    [
      'RUSTFLAGS dropped by env -u: static musl again',
      `FROM rust:1.79-alpine3.20\nENV RUSTFLAGS="-C target-feature=-crt-static"\nWORKDIR /app\nCOPY . .\nRUN env -u RUSTFLAGS cargo build --release\nCMD ["./target/release/app"]\n`,
      {},
      'scratch',
    ],
  ])('%s', (_name, dockerfile, options, image) => {
    const result = convertIn(dockerfile, app, options);
    expect(result.status).toBe('converted');
    expect(runtimeOf(result.output).split('\n')[0]).toBe(`FROM ${image} AS runtime`);
  });

  it('refuses scratch for a glibc binary, naming the musl target', () => {
    const result = convertIn(release('rust:1.79'), app, { runtime: 'scratch' });
    expect(result.status).toBe('skipped');
    expect(result.reason).toContain('cargo build --target x86_64-unknown-linux-musl');
  });

  it('takes a shell-form command that needs a shell off scratch, onto alpine', () => {
    const result = convertIn(release('rust:1-alpine', 'CMD ./target/release/app --port $PORT\n'), app);
    expect(runtimeOf(result.output).split('\n')[0]).toBe('FROM alpine:3 AS runtime');
    expect(result.warnings.join()).toContain('needs a shell');
  });

  it('installs CA certificates on debian-slim and copies them into scratch when a TLS crate is used', () => {
    const tls = {
      ...app,
      'Cargo.toml': `${app['Cargo.toml']}[dependencies]\nreqwest = { version = "0.12", default-features = false, features = ["rustls-tls"] }\n`,
    };
    expect(runtimeOf(convertIn(release('rust:1.79'), tls).output)).toContain(
      'apt-get install -y --no-install-recommends ca-certificates',
    );
    expect(runtimeOf(convertIn(release('rust:1-alpine'), tls).output)).toContain(
      'COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt',
    );
  });

  it('needs no libssl when OpenSSL is vendored (openssl-src in Cargo.lock)', () => {
    const lock = (names: string[]) =>
      names.map((n) => `[[package]]\nname = "${n}"\nversion = "1.0.0"\n`).join('\n');
    const linked = convertIn(release('rust:1.79'), { ...app, 'Cargo.lock': lock(['app', 'openssl-sys']) });
    const vendored = convertIn(release('rust:1.79'), {
      ...app,
      'Cargo.lock': lock(['app', 'openssl-sys', 'openssl-src']),
    });
    expect(runtimeOf(linked.output)).toContain('libssl3');
    expect(runtimeOf(vendored.output)).not.toContain('libssl3');
  });

  it('names libssl1.1 on bullseye', () => {
    const result = convertIn(release('rust:1.63'), {
      ...app,
      'Cargo.lock': '[[package]]\nname = "openssl-sys"\n',
    });
    expect(runtimeOf(result.output)).toContain('libssl1.1');
  });

  it('refuses a distroless runtime that lacks a library the binary links', () => {
    const result = convertIn(
      release('rust:1.79'),
      { ...app, 'Cargo.lock': '[[package]]\nname = "pq-sys"\n' },
      { runtime: 'distroless' },
    );
    expect(result.status).toBe('skipped');
    expect(result.reason).toContain('libpq5');
  });

  it('copies a binary cp moved, and a cargo install binary to /usr/local/bin when run by name', () => {
    const moved = convertIn(
      'FROM rust:1.79\nWORKDIR /src\nCOPY . .\nRUN cargo build --release && cp target/release/app /usr/local/bin/\nCMD ["app"]\n',
      app,
    );
    expect(runtimeOf(moved.output)).toContain('COPY --from=builder /usr/local/bin/app /usr/local/bin/app');
    const installed = convertIn(
      'FROM rust:1.79\nWORKDIR /src\nCOPY . .\nRUN cargo install --path .\nCMD ["app"]\n',
      app,
    );
    expect(runtimeOf(installed.output)).toContain(
      'COPY --from=builder /usr/local/cargo/bin/app /usr/local/bin/app',
    );
  });

  it('leaves a cargo-installed tool the container does not run in the builder', () => {
    const result = convertIn(
      release('rust:1.79').replace('RUN cargo build', 'RUN cargo install sqlx-cli && cargo build'),
      app,
    );
    expect(runtimeOf(result.output)).not.toContain('sqlx');
  });

  it('keeps build-only ENV in the builder and run-time ENV in both', () => {
    const result = convertIn(
      release('rust:1.79').replace('WORKDIR', 'ENV CARGO_INCREMENTAL=0\nENV RUST_LOG=info\nWORKDIR'),
      app,
    );
    expect(runtimeOf(result.output)).toContain('ENV RUST_LOG=info');
    expect(runtimeOf(result.output)).not.toContain('CARGO_INCREMENTAL');
  });

  it('skips when cargo only installs a tool', () => {
    const result = convertIn('FROM rust:1.79\nRUN cargo install ripgrep\nCMD ["bash"]\n', {});
    expect(result.status).toBe('skipped');
    expect(result.reason).toContain('cargo only installs tools (ripgrep)');
  });

  it('does not copy files include_str! or rust-embed compiled into the binary', () => {
    const result = convertIn(release('rust:1.79'), {
      ...app,
      'src/main.rs':
        'static PAGE: &str = include_str!("../templates/index.html");\n#[derive(RustEmbed)]\n#[folder = "static/"]\nstruct Assets;\nfn main() {}\n',
      'templates/index.html': '<h1/>',
      'static/app.css': '',
      'config/app.toml': '',
    });
    const runtime = runtimeOf(result.output);
    expect(runtime).toContain('COPY --from=builder /app/config /app/config');
    expect(runtime).not.toContain('/app/static');
    expect(runtime).not.toContain('/app/templates');
  });

  it('moves cargo run into the builder only when no RUN line already builds that binary', () => {
    const prebuilt = convertIn(release('rust:1.79', 'CMD ["cargo", "run", "--release"]\n'), app);
    expect(prebuilt.output).not.toContain('# msb: the container compiled');
    expect(runtimeOf(prebuilt.output)).toContain('CMD ["/app/target/release/app"]');
    const debug = convertIn(release('rust:1.79', 'CMD ["cargo", "run"]\n'), app);
    expect(debug.output).toContain('RUN cargo build\n');
    expect(runtimeOf(debug.output)).toContain('CMD ["/app/target/debug/app"]');
  });

  it('follows install -m 755 of the binary and installs curl for a HEALTHCHECK the full image served', () => {
    const result = convertIn(
      release(
        'rust:1.79',
        'RUN install -m 755 target/release/app /usr/local/bin/app\nHEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1\nCMD ["app"]\n',
      ),
      app,
    );
    const runtime = runtimeOf(result.output);
    expect(runtime).toContain('COPY --from=builder /usr/local/bin/app /usr/local/bin/app');
    expect(runtime).toContain('apt-get install -y --no-install-recommends curl');
  });

  it('skips a HEALTHCHECK that distroless cannot run', () => {
    const result = convertIn(
      release(
        'rust:1.79',
        'HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1\nCMD ["./target/release/app"]\n',
      ),
      app,
      { runtime: 'distroless' },
    );
    expect(result.status).toBe('skipped');
    expect(result.reason).toContain('the container needs curl at run time');
  });

  it('reports a HEALTHCHECK that scratch cannot run as broken', () => {
    const result = convertIn(
      release(
        'rust:1-alpine',
        'HEALTHCHECK CMD ["curl", "-f", "http://localhost:8080/"]\nCMD ["./target/release/app"]\n',
      ),
      app,
    );
    expect(result.status).toBe('skipped');
    expect(result.reason).toContain('the HEALTHCHECK needs "curl", which scratch does not have');
  });

  it.each<[string, string, boolean]>([
    [
      'sqlx with postgres only (libsqlite3-sys locked anyway)',
      'sqlx = { version = "0.7", features = ["postgres"] }',
      false,
    ],
    ['sqlx with sqlite', 'sqlx = { version = "0.7", features = ["sqlite"] }', true],
    ['rusqlite', 'rusqlite = "0.31"', true],
    ['rusqlite with its bundled copy', 'rusqlite = { version = "0.31", features = ["bundled"] }', false],
  ])('installs libsqlite3-0 only when SQLite is linked: %s', (_name, dependency, installed) => {
    const result = convertIn(release('rust:1.79'), {
      ...app,
      'Cargo.toml': `${app['Cargo.toml']}[dependencies]\n${dependency}\n`,
      'Cargo.lock': '[[package]]\nname = "libsqlite3-sys"\n',
    });
    expect(runtimeOf(result.output).includes('libsqlite3-0')).toBe(installed);
  });
});
