import { unknownRuntime } from '../../../src/plan/artifact-runtimes';

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
