/** What a compose service's command needs of an artifact runtime that only msb's Dockerfile edits shape. */
import { composeStartFindings } from '../../../src/plan/compose-start';
import { detectFixture } from '../../helpers/build-fixture';

const RUST = 'FROM rust:1.80\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\n';
const compose = (service: string) => `services:\n  app:\n    build: .\n${service}`;
const runs = (p: string) => p === '/app/target/release/app' || p === 'sh';

describe('composeStartFindings', () => {
  it.each<[string, string, Record<string, string>, string[]]>([
    [
      'a start-up build in the service command',
      RUST,
      { 'compose.yaml': compose('    command: cargo run --release\n') },
      [
        'service "app" in compose.yaml runs "cargo run --release", but the runtime stage on slim:1 has no "cargo": compose\'s command overrides the image\'s, so msb cannot move or rewrite it; make the service run the built program',
      ],
    ],
    [
      'a script entrypoint the runtime does not have',
      RUST,
      { 'docker-compose.yml': compose('    entrypoint: /app/worker.sh\n') },
      [
        'service "app" in docker-compose.yml runs "/app/worker.sh", but the runtime stage on slim:1 has no "/app/worker.sh": compose\'s command overrides the image\'s, so msb cannot move or rewrite it; make the service run the built program',
      ],
    ],
    [
      'the built binary',
      RUST,
      { 'compose.yaml': compose('    command: /app/target/release/app --port 80\n') },
      [],
    ],
    ['no compose file', RUST, {}, []],
    [
      'the Dockerfile has its own command (compose is not read)',
      `${RUST}CMD ["/app/target/release/app"]\n`,
      { 'compose.yaml': compose('    command: cargo run\n') },
      [],
    ],
  ])('%s', (_name, dockerfile, files, expected) => {
    const findings = composeStartFindings(detectFixture(dockerfile, files), 'slim:1', runs);
    expect(findings.map((f) => f.message)).toEqual(expected);
  });
});
