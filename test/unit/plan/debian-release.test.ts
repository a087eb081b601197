import { loadProfiles } from '../../../src';
import { debianReleases, packageOnRelease } from '../../../src/plan/debian-release';

const profiles = loadProfiles();
const rulesOf = (id: string) => profiles.find((p) => p.id === id)!.packages!;

describe('the Debian release of an image', () => {
  it.each([
    ['python', 'python:3.11-slim-bullseye', ['bullseye']],
    ['python', 'python:3.6-slim', ['bullseye']],
    ['python', 'python:3.8', ['bookworm']],
    ['python', 'python:3.12-slim', ['trixie']],
    ['python', 'python:slim', ['trixie']],
    ['python', 'python', ['trixie']],
    ['python', 'python:3.8.10-slim', ['buster']],
    ['python', 'python:3.11.2', ['bullseye']],
    ['python', 'python:3.11.13-slim', ['bookworm', 'trixie']],
    ['python', 'python:3.13.1-slim', ['bookworm']],
    ['python', 'python:3.13.9', ['trixie']],
    ['python', 'python:3.7-slim', []],
    ['python', 'python:${PY}-slim', []],
    ['python', 'docker.io/library/python:3.6-slim', ['bullseye']],
    ['python', 'python:3.6-slim@sha256:abc', ['bullseye']],
    ['python', 'python:3.12-alpine', []],
    ['node', 'node:20-bookworm-slim', ['bookworm']],
    ['node', 'node:14-slim', ['bullseye']],
    ['node', 'node:22-slim', ['trixie']],
    ['node', 'node:20.11.1-slim', ['bullseye', 'bookworm']],
  ])('%s: %s', (profile, image, releases) => {
    expect(debianReleases(image, rulesOf(profile).imageReleases ?? [])).toEqual(releases);
  });
});

describe('a library name on the image release', () => {
  const rules = rulesOf('python');
  it.each([
    ['libpq5', [], { ok: true, name: 'libpq5', renamed: null }],
    ['libssl3', ['bullseye'], { ok: true, name: 'libssl1.1', renamed: 'Debian bullseye' }],
    ['libssl3', ['bookworm'], { ok: true, name: 'libssl3', renamed: null }],
    ['libssl3', ['trixie'], { ok: true, name: 'libssl3t64', renamed: 'Debian trixie' }],
    ['libglib2.0-0', ['buster', 'bullseye', 'bookworm'], { ok: true, name: 'libglib2.0-0', renamed: null }],
  ] as const)('%s on %j', (name, releases, expected) => {
    expect(packageOnRelease(name, releases, 'python:x', rules)).toEqual(expected);
  });

  it.each([
    ['libssl3', [], /msb cannot tell which release "python:x" is built on/],
    [
      'libglib2.0-0',
      ['bookworm', 'trixie'],
      /may be built on Debian bookworm, trixie, where it is named libglib2\.0-0, libglib2\.0-0t64/,
    ],
  ] as const)('cannot name %s on %j', (name, releases, reason) => {
    const named = packageOnRelease(name, releases, 'python:x', rules);
    expect(named.ok).toBe(false);
    expect(!named.ok && named.reason).toMatch(reason);
  });
});
