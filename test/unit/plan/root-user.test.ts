/** The runtime USER of an artifact stage: the original's, or root kept on an image whose default user is non-root. */
import { artifactUser } from '../../../src/plan/root-user';
import type { RootEvidenceRules } from '../../../src/plan/root-evidence';
import type { RuntimeUserSupport } from '../../../src/plan/runtime-users';
import type { StageNode } from '../../../src/plan/stage-model';
import { stageFixture } from '../../helpers/build-fixture';

const distroless: RuntimeUserSupport = {
  image: 'distroless:nonroot',
  userTool: 'none',
  users: ['root', 'nonroot'],
  nonrootUser: 'nonroot',
};
const evidence: RootEvidenceRules = {
  isSource: (f) => f.endsWith('.go'),
  writeCalls: [{ pattern: '\\bos\\.(WriteFile)\\s*\\(', what: 'os.$1' }],
  listenCalls: [],
  writablePrefixes: ['/tmp/'],
};
const writes = { 'main.go': 'package main\nfunc main() { os.WriteFile("x", nil, 0) }\n' };
const reads = { 'main.go': 'package main\nfunc main() {}\n' };

function renderUser(node: StageNode): string {
  if (node.kind === 'original') return node.text;
  return node.kind === 'user' ? `USER ${node.user}` : node.kind;
}

describe('artifactUser', () => {
  it.each([
    [
      'no evidence rules: stays root',
      '',
      distroless,
      null,
      reads,
      'USER root',
      'added: the original ran as root and distroless:nonroot runs as nonroot: USER root keeps it as it was (set USER nonroot if the program writes no root-owned files)',
      false,
    ],
    [
      'the code writes files: stays root, with a warning',
      '',
      distroless,
      evidence,
      writes,
      'USER root',
      "runtime: the original ran as root and the code needs it (os.WriteFile in main.go): the runtime stage keeps USER root, as distroless:nonroot's nonroot user could not write those files or bind that port",
      true,
    ],
    [
      'no evidence in the code: the image user',
      '',
      distroless,
      evidence,
      reads,
      null,
      'runtime: the original ran as root; distroless:nonroot runs as nonroot: msb found no file writes and no port below 1024 in the code',
      false,
    ],
    ['the original sets USER: kept', 'USER 1000\n', distroless, null, writes, 'USER 1000', null, false],
    [
      'an image that runs as root',
      '',
      { ...distroless, image: 'distroless:latest' },
      null,
      writes,
      null,
      null,
      false,
    ],
    ['an image without root', '', { ...distroless, users: ['nonroot'] }, null, writes, null, null, false],
  ])('%s', (_name, extra, support, rules, files, user, decision, warned) => {
    const { facts, context } = stageFixture(`FROM golang:1.22\n${extra}CMD ["/app"]\n`, files);
    const plan = artifactUser(facts, context, support, rules);
    expect(plan.user && renderUser(plan.user)).toBe(user);
    const userDecision = plan.decisions.find((d) => d.subject === 'USER');
    expect(userDecision ? `${userDecision.placement}: ${userDecision.why}` : null).toBe(decision);
    expect(plan.warnings.length > 0).toBe(warned);
  });
});
