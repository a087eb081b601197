import { runtimeRequest, runtimeWithShell, unknownRuntime } from '../../../src/plan/artifact-runtimes';
import { stageFixture } from '../../helpers/build-fixture';

describe('unknownRuntime', () => {
  const runtimes = { distroless: {}, alpine: {} };
  it.each([
    ['none requested', undefined, null],
    ['a known runtime', 'alpine', null],
    ['an unknown one', 'ubuntu', 'unknown runtime "ubuntu" for Go (known: distroless, alpine)'],
  ])('%s', (_name, requested, expected) => {
    expect(unknownRuntime(requested, runtimes, 'Go')).toBe(expected);
  });
});

describe('runtimeWithShell', () => {
  const runtimes = {
    distroless: { image: 'distroless:nonroot', shell: false, withShell: 'alpine' },
    'distroless-cc': { shell: false, withShell: 'debian' },
    scratch: { image: 'scratch', shell: false },
    bare: { image: 'bare', shell: false, withShell: 'scratch' },
    alpine: { image: 'alpine:3', shell: true },
    debian: { shell: true },
  };
  const missing = (image: string) =>
    `broken: the container command needs a shell (shell syntax, a script or sh -c), which ${image} does not have: it will not start as written`;
  it.each([
    ['no shell needed', 'distroless', false, false, 'distroless', []],
    ['the runtime has a shell', 'alpine', true, false, 'alpine', []],
    [
      'swapped for its sibling',
      'distroless',
      true,
      false,
      'alpine',
      [
        'warning: the container command needs a shell (shell syntax, a script or sh -c), which distroless:nonroot does not have: the runtime is alpine instead',
      ],
    ],
    [
      'a runtime without an image is named',
      'distroless-cc',
      true,
      false,
      'debian',
      [
        'warning: the container command needs a shell (shell syntax, a script or sh -c), which the distroless-cc runtime does not have: the runtime is debian instead',
      ],
    ],
    [
      'requested by name: kept, broken',
      'distroless',
      true,
      true,
      'distroless',
      [missing('distroless:nonroot')],
    ],
    ['no sibling: broken', 'scratch', true, false, 'scratch', [missing('scratch')]],
    ['a sibling without a shell: broken', 'bare', true, false, 'bare', [missing('bare')]],
  ])('%s', (_name, name, needsShell, asRequested, expectedName, expected) => {
    const result = runtimeWithShell(runtimes, name, needsShell, asRequested);
    expect(result.name).toBe(expectedName);
    expect([
      ...result.warnings.map((w) => `warning: ${w}`),
      ...result.broken.map((b) => `broken: ${b.message}`),
    ]).toEqual(expected);
  });
});

describe('runtimeRequest', () => {
  it.each([
    ['no runtime requested', 'FROM golang:1.22\n', {}, undefined, '1.22', []],
    ['the requested runtime', 'FROM golang:1.22\n', { runtime: 'alpine' }, 'alpine', '1.22', []],
    [
      'global ARGs for the image tag',
      'ARG V=1.23\nFROM golang:${V}\n',
      {},
      undefined,
      '${V}',
      [['V', '1.23']],
    ],
  ])('%s', (_name, dockerfile, options, requested, tag, globals) => {
    const { dockerfile: parsed, facts } = stageFixture(dockerfile, {});
    const profile = { runtimeImages: [], registryPrefixes: [] };
    const request = runtimeRequest({ options, facts, dockerfile: parsed, profile }, true);
    expect(request.requested).toBe(requested);
    expect(request.needsShell).toBe(true);
    expect(request.builder.tag).toBe(tag);
    expect([...request.globals]).toEqual(globals);
    expect(request.rules).toBe(profile);
  });
});
