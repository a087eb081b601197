/** Choosing the Go runtime image: static, cgo (same libc) and shell needs. */
import { loadProfiles } from '../../../src/languages';
import { chooseGoRuntime } from '../../../src/languages/go/go-runtime';
import { compileSettingsSchema } from '../../../src/profiles/load-profiles';
import { goSettingsSchema, type GoSettings } from '../../../src/languages/go/go-settings';
import type { CgoUse } from '../../../src/languages/go/go-cgo';
import { imageRef } from '../../helpers/build-fixture';

const profile = loadProfiles().find((p) => p.id === 'go')!;
if (!compileSettingsSchema(goSettingsSchema)(profile.settings))
  throw new Error('the shipped go profile does not match its settings schema');
const settings: GoSettings = profile.settings;
const image = imageRef;
const staticBinary: CgoUse = {
  dynamic: false,
  reasons: [],
  explicitlyStatic: false,
  staticallyLinked: false,
};
const cgo: CgoUse = {
  dynamic: true,
  reasons: ['import "C" in .'],
  explicitlyStatic: false,
  staticallyLinked: false,
};

function choose(
  requested: string | undefined,
  use: CgoUse,
  builder = 'golang:1.19',
  needsShell = false,
  muslEvidence: string | null = null,
) {
  return chooseGoRuntime(
    {
      requested,
      cgo: use,
      needsShell,
      builder: image(builder),
      muslEvidence,
      globals: new Map(),
      rules: profile,
    },
    settings,
  );
}

describe('chooseGoRuntime', () => {
  it.each([
    [undefined, staticBinary, 'golang:1.19', false, 'gcr.io/distroless/static-debian12:nonroot'],
    ['scratch', staticBinary, 'golang:1.19', false, 'scratch'],
    ['alpine', staticBinary, 'golang:1.19', false, 'alpine:3.19'],
    [undefined, cgo, 'golang:1.19', false, 'debian:bookworm-slim'],
    [undefined, cgo, 'golang:1.21-bullseye', false, 'debian:bullseye-slim'],
    [undefined, cgo, 'golang:1.22-alpine3.19', false, 'alpine:3.19'],
    // A musl binary from an Alpine builder msb has no image rule for stays on Alpine (not Debian's glibc).
    [undefined, cgo, 'myorg/go:1.22-alpine', false, 'alpine:3.19'],
    [undefined, cgo, 'myorg/go:1.22', false, 'debian:bookworm-slim'],
    ['distroless', cgo, 'golang:1.19', false, 'gcr.io/distroless/base-debian12:nonroot'],
    ['scratch', cgo, 'golang:1.19', false, 'debian:bookworm-slim'],
    // A requested glibc runtime gets the builder's release: an older glibc may not run the binary.
    ['debian', cgo, 'golang:1.22-trixie', false, 'debian:trixie-slim'],
    ['debian', staticBinary, 'golang:1.22-trixie', false, 'debian:bookworm-slim'],
    [undefined, staticBinary, 'golang:1.19', true, 'alpine:3.19'],
    [undefined, cgo, 'golang:1.19', true, 'debian:bookworm-slim'],
    ['scratch', staticBinary, 'golang:1.19', true, 'scratch'],
  ])('--runtime %s, %j, %s, shell %s → %s', (requested, use, builder, shell, expected) => {
    const choice = choose(requested, use, builder, shell);
    expect(choice.ok && choice.image).toBe(expected);
  });

  it('runs a cgo binary from a builder whose RUN lines use apk on Alpine, whatever its name', () => {
    const choice = choose(undefined, cgo, 'tetafro/golang-gcc:latest', false, 'line 4 runs apk');
    expect(choice.ok && choice.image).toBe('alpine:3.19');
    expect(choice.ok && choice.notes.join()).toContain('line 4 runs apk: the builder is Alpine-based');
    const glibc = choose(undefined, cgo, 'tetafro/golang-gcc:latest');
    expect(glibc.ok && glibc.image).toBe('debian:bookworm-slim');
  });

  it('warns when cgo overrides the requested runtime', () => {
    const choice = choose('scratch', cgo);
    expect(choice.ok && choice.warnings.join()).toContain('instead of the requested scratch');
  });

  it('keeps the choice, with a finding that it would not start, when a requested image lacks the shell the command needs', () => {
    const choice = choose('scratch', staticBinary, 'golang:1.19', true);
    expect(choice.ok && choice.broken).toEqual([
      { kind: 'program-missing', message: expect.stringContaining('needs a shell') },
    ]);
  });

  it('rejects an unknown runtime', () => {
    expect(choose('busybox', staticBinary)).toEqual({
      ok: false,
      reason: expect.stringContaining('unknown runtime "busybox"'),
    });
  });
});
