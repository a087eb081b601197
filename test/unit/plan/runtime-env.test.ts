/** The original's ENV lines in the runtime stage, without those that only steer the build. */
import { analyzeStage } from '../../../src/analyze/stage-facts';
import { parseDockerfile } from '../../../src/parse/parse-dockerfile';
import { runtimeEnv } from '../../../src/plan/runtime-stage';

const BUILD_ONLY = ['CGO_ENABLED', 'GOOS', 'GO111MODULE'];

describe('runtimeEnv', () => {
  it.each([
    ['a build variable alone stays behind', 'ENV CGO_ENABLED=0', [], ['ENV (line 2)']],
    ['several build variables stay behind', 'ENV CGO_ENABLED=0 GOOS=linux', [], ['ENV (line 2)']],
    ['a run-time variable is kept', 'ENV PORT=8080', ['ENV PORT=8080'], []],
    ['a mixed line is kept whole', 'ENV GOOS=linux PORT=8080', ['ENV GOOS=linux PORT=8080'], []],
    ['the legacy form', 'ENV GO111MODULE off', [], ['ENV (line 2)']],
  ])('%s', (_name, line, kept, dropped) => {
    const dockerfile = parseDockerfile(`FROM golang:1.22\n${line}\nRUN go build .\n`);
    const { env, decisions } = runtimeEnv(analyzeStage(dockerfile, dockerfile.stages[0]), BUILD_ONLY);
    expect(env.map((n) => (n.kind === 'original' ? n.text : n.kind))).toEqual(kept);
    expect(decisions.map((d) => d.subject)).toEqual(dropped);
  });
});
