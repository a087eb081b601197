/** The one runtime chooser of the artifact archetype: by libc, requested, shell siblings, image sources. */
import {
  ArtifactRuntimeRequest,
  chooseArtifactRuntime,
  plannedRuntime,
  RuntimeChoiceRules,
} from '../../../src/plan/artifact-runtime-choice';
import type { ArtifactRuntimeEntry } from '../../../src/plan/artifact-runtimes';
import type { RuntimeImageRules } from '../../../src/plan/base-image';
import { imageRef } from '../../helpers/build-fixture';

const entry = (fields: Partial<ArtifactRuntimeEntry>): ArtifactRuntimeEntry => ({
  libc: 'static',
  shell: false,
  userTool: 'none',
  users: [],
  certificates: true,
  commands: [],
  ...fields,
});

const runtimes: Record<string, ArtifactRuntimeEntry> = {
  small: entry({
    image: 'small:1',
    withShell: 'musl',
    instead: { glibc: 'small-glibc' },
    note: 'small note',
  }),
  scratch: entry({ image: 'scratch', withShell: 'musl' }),
  'small-glibc': entry({ image: 'small-glibc:1', libc: 'glibc', withShell: 'glibc' }),
  glibc: entry({ image: 'debian:bookworm-slim', libc: 'glibc', shell: true, fromBuilder: '^debian:' }),
  musl: entry({ image: 'alpine:3', libc: 'musl', shell: true, fromBuilder: '^alpine:' }),
  derived: entry({ libc: 'glibc', shell: true, fromBuilder: '^debian:' }),
  release: entry({ libc: 'glibc', releaseImages: { bullseye: 'cc-11', bookworm: 'cc-12' } }),
};

const imageRules: RuntimeImageRules = {
  runtimeImages: [
    {
      name: '^tool$',
      tags: [
        { match: 'alpine$', image: 'alpine:3.19', note: 'alpine builder' },
        { match: '(?<distro>bullseye|bookworm)$', image: 'debian:{{distro}}-slim' },
        { match: '^odd$', image: 'ubuntu:22.04' },
      ],
    },
  ],
};

const image = imageRef;

const replace: RuntimeChoiceRules = {
  runtimeFor: { static: 'small', glibc: 'glibc', musl: 'musl' },
  otherLibc: 'replace',
  builderImage: 'for-libc',
};
const refuse: RuntimeChoiceRules = {
  runtimeFor: { static: 'scratch', glibc: 'derived', musl: 'musl' },
  otherLibc: 'refuse',
  builderImage: 'always',
};

function choose(
  rules: RuntimeChoiceRules,
  request: Partial<ArtifactRuntimeRequest> & { builder?: ReturnType<typeof imageRef> },
): string {
  const choice = chooseArtifactRuntime(
    {
      language: 'Test',
      libc: 'static',
      requested: undefined,
      needsShell: false,
      builder: image('tool:bookworm'),
      globals: new Map(),
      rules: imageRules,
      libcWarning: (img) => `libc warning (${img})`,
      ...request,
    },
    runtimes,
    rules,
  );
  if (!choice.ok) return `skip (${choice.cause}): ${choice.reason}`;
  return [
    `${choice.name} ${choice.image}${choice.packageImage !== choice.image ? ` (packages ${choice.packageImage})` : ''}`,
    ...choice.notes.map((n) => `note: ${n}`),
    ...choice.warnings.map((w) => `warning: ${w}`),
    ...choice.broken.map((b) => `broken: ${b.message}`),
  ].join('\n');
}

const shellWarning = (image: string, to: string) =>
  `warning: the container command needs a shell (shell syntax, a script or sh -c), which ${image} does not have: the runtime is ${to} instead`;

describe('chooseArtifactRuntime, requested runtimes replaced (for-libc builder images)', () => {
  it.each([
    ['static: the runtime for static artifacts', {}, 'small small:1\nnote: small note'],
    ['requested, static', { requested: 'scratch' }, 'scratch scratch'],
    [
      'glibc: the builder release, with the libc warning',
      { libc: 'glibc' as const },
      'glibc debian:bookworm-slim\nwarning: libc warning (debian:bookworm-slim)',
    ],
    [
      'glibc requested where the runtime runs it: the release of the builder (its glibc and sonames), no warning',
      { libc: 'glibc' as const, requested: 'glibc', builder: image('tool:bullseye') },
      'glibc debian:bullseye-slim',
    ],
    [
      'glibc, another release',
      { libc: 'glibc' as const, builder: image('tool:bullseye') },
      'glibc debian:bullseye-slim\nwarning: libc warning (debian:bullseye-slim)',
    ],
    [
      'requested runtime without glibc: its `instead`',
      { libc: 'glibc' as const, requested: 'small' },
      'small-glibc small-glibc:1\nwarning: libc warning (small-glibc:1)',
    ],
    [
      'requested runtime without glibc and no `instead`: runtimeFor',
      { libc: 'glibc' as const, requested: 'scratch' },
      'glibc debian:bookworm-slim\nwarning: libc warning (debian:bookworm-slim)',
    ],
    [
      'musl on a builder the rules map',
      { libc: 'musl' as const, builder: image('tool:alpine') },
      'musl alpine:3.19\nnote: alpine builder\nwarning: libc warning (alpine:3.19)',
    ],
    [
      'a builder the rules do not describe: the fixed image',
      { libc: 'musl' as const, builder: image('tool:alpine'), builderKnown: false },
      'musl alpine:3\nwarning: libc warning (alpine:3)',
    ],
    [
      'a builder the rules cannot map: skipped',
      { libc: 'glibc' as const, builder: image('other:1') },
      'skip (image): no runtime image is known for the base image "other:1"; if it mirrors an official image or is an image of your own, map it in a profile that extends the shipped one: --profile FILE (see docs/profiles.md)',
    ],
    [
      'needs a shell: the sibling, its fixed image',
      { needsShell: true },
      `musl alpine:3\n${shellWarning('small:1', 'musl')}`,
    ],
    [
      'glibc, replaced, then needs a shell: the warning says the replacement, then the sibling',
      { libc: 'glibc' as const, requested: 'small', needsShell: true },
      `glibc debian:bookworm-slim\nwarning: libc warning (small-glibc:1)\n${shellWarning('small-glibc:1', 'glibc')}`,
    ],
    [
      'requested, needs a shell: kept, broken',
      { requested: 'scratch', needsShell: true },
      'scratch scratch\nbroken: the container command needs a shell (shell syntax, a script or sh -c), which scratch does not have: it will not start as written',
    ],
    [
      'unknown runtime',
      { requested: 'busybox' },
      'skip (unknown): unknown runtime "busybox" for Test (known: small, scratch, small-glibc, glibc, musl, derived, release)',
    ],
  ])('%s', (_name, request, expected) => {
    expect(choose(replace, request)).toBe(expected);
  });
});

describe('chooseArtifactRuntime, requested runtimes refused (builder images always)', () => {
  it.each([
    ['static: scratch', {}, 'scratch scratch'],
    [
      'glibc: the builder image',
      { libc: 'glibc' as const },
      'derived debian:bookworm-slim\nwarning: libc warning (debian:bookworm-slim)',
    ],
    [
      'glibc on a builder mapped to another distribution',
      { libc: 'glibc' as const, builder: image('tool:odd') },
      'skip (image): the builder image tool:odd is not Debian-based: msb knows no glibc runtime for it',
    ],
    [
      'a builder the rules cannot map, no fixed image',
      { libc: 'glibc' as const, builder: image('other:1') },
      expect.stringMatching(/^skip \(image\): no runtime image is known for the base image "other:1"/),
    ],
    [
      'a fixed image when the builder maps elsewhere',
      { requested: 'musl', builder: image('tool:bookworm') },
      'musl alpine:3',
    ],
    [
      'the builder image when it is of the family',
      { requested: 'musl', builder: image('tool:alpine') },
      'musl alpine:3.19\nnote: alpine builder',
    ],
    [
      'a requested runtime without the libc: refused with why',
      { libc: 'glibc' as const, requested: 'scratch', libcWhy: 'built on Debian' },
      'skip (libc): the runtime "scratch" cannot run the binary: built on Debian',
    ],
    [
      'release images by the builder release; packages follow the release image',
      { libc: 'glibc' as const, requested: 'release', builder: image('tool:bullseye') },
      'release cc-11 (packages debian:bullseye-slim)',
    ],
    [
      'release images, a static artifact on a builder without a release: the newest',
      { requested: 'release', builder: image('tool:alpine') },
      'release cc-12 (packages alpine:3.19)\nnote: alpine builder',
    ],
    [
      'release images, a glibc artifact on a builder without a release: skipped',
      { libc: 'glibc' as const, requested: 'release', builder: image('tool:odd') },
      "skip (image): the release runtime has no image for the builder's release (ubuntu:22.04); the binary needs the builder's glibc",
    ],
    [
      'needs a shell: the sibling takes the builder image too',
      { needsShell: true, builder: image('tool:alpine') },
      `musl alpine:3.19\nnote: alpine builder\n${shellWarning('scratch', 'musl')}`,
    ],
  ])('%s', (_name, request, expected) => {
    expect(choose(refuse, request)).toEqual(expected);
  });

  it('names a runtimeFor entry the profile lacks', () => {
    expect(choose({ ...refuse, runtimeFor: { ...refuse.runtimeFor, musl: 'none' } }, { libc: 'musl' })).toBe(
      'skip (unknown): the Test profile has no runtime "none"',
    );
  });
});

describe('plannedRuntime', () => {
  it('gives the planner the chosen image with what the runtime has, and the kind of artifact', () => {
    const choice = chooseArtifactRuntime(
      {
        language: 'Test',
        libc: 'static',
        requested: 'small',
        needsShell: false,
        builder: image('tool:bookworm'),
        globals: new Map(),
        rules: imageRules,
      },
      runtimes,
      replace,
    );
    if (!choice.ok) throw new Error(choice.reason);
    expect(plannedRuntime(choice, 'static')).toMatchObject({
      image: 'small:1',
      kind: 'static',
      support: { image: 'small:1', shell: false, userTool: 'none', commands: [] },
    });
  });
});
