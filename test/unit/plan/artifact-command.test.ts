/** An artifact's container command resolved against the built binaries, made shell-free or kept as written. */
import { commandLines } from '../../../src/analyze/container-command';
import {
  commandArtifacts,
  noCommandDecisions,
  resolveCommand,
  type CommandRules,
} from '../../../src/plan/artifact-command';
import type { StageNode } from '../../../src/plan/stage-model';
import { renderNode } from '../../../src/render/render-stage';
import { stageFixture } from '../../helpers/build-fixture';

const text = (node: StageNode) => renderNode(node, { builder: 'builder', stages: [], escapeChar: '\\' });
const builderPath = ['/go/bin', '/usr/local/go/bin', '/usr/local/bin', '/usr/bin', '/bin'];
/** A runtime that may have no shell: exec form, binaries by path. */
const shellFree: CommandRules = {
  builderPath,
  runtimePath: ['/usr/local/bin', '/usr/bin', '/bin'],
  wrappersArePrograms: true,
};
/** The lines as written; the program a wrapper runs is the one resolved. */
const asWritten: CommandRules = { builderPath, runtimePath: null, wrappersArePrograms: false };

function resolve(tail: string, binaries: string[], rules: CommandRules) {
  const fixture = stageFixture(`FROM golang:1.19\nWORKDIR /app\n${tail}\n`, {});
  return resolveCommand(commandLines(fixture.facts), binaries, '/app', rules);
}

describe('resolveCommand', () => {
  it.each([
    ['CMD ["./server"]', ['/app/server'], shellFree, ['CMD ["./server"]'], false],
    ['CMD ./server -v', ['/app/server'], shellFree, ['CMD ["./server", "-v"]'], false],
    ['CMD ./server -v', ['/app/server'], asWritten, ['CMD ./server -v'], true],
    ['CMD ["hello"]', ['/go/bin/hello'], shellFree, ['CMD ["/go/bin/hello"]'], false],
    ['CMD ["hello"]', ['/go/bin/hello'], asWritten, ['CMD ["hello"]'], false],
    ['CMD ["app"]', ['/usr/local/bin/app'], shellFree, ['CMD ["app"]'], false],
    ['CMD ./server -port $PORT', ['/app/server'], shellFree, ['CMD ./server -port $PORT'], true],
    ['CMD ["sh", "-c", "./server"]', ['/app/server'], shellFree, ['CMD ["sh", "-c", "./server"]'], true],
    [
      'ENTRYPOINT ["/app/server"]\nCMD ["serve"]',
      ['/app/server'],
      shellFree,
      ['ENTRYPOINT ["/app/server"]', 'CMD ["serve"]'],
      false,
    ],
    ['CMD ["--flag"]\nENTRYPOINT ./server', ['/app/server'], shellFree, ['ENTRYPOINT ["./server"]'], false],
  ])('%s (%#)', (tail, binaries, rules, texts, shell) => {
    const result = resolve(tail, binaries, rules);
    expect(result.nodes.map(text)).toEqual(texts);
    expect(result.needsShell).toBe(shell);
  });

  it.each([
    [
      'a wrapper is the program',
      'ENTRYPOINT ["tini", "--"]\nCMD ["./server"]',
      shellFree,
      [
        { program: 'tini', binary: null },
        { program: './server', binary: '/app/server' },
      ],
    ],
    [
      'the wrapped program is',
      'CMD ["tini", "--", "./server"]',
      asWritten,
      [{ program: './server', binary: '/app/server' }],
    ],
    [
      'a CMD that holds the arguments starts nothing',
      'ENTRYPOINT ["./server"]\nCMD ["serve"]',
      asWritten,
      [{ program: './server', binary: '/app/server' }],
    ],
    [
      'each command of a script',
      'CMD ./migrate && exec server',
      asWritten,
      [
        { program: './migrate', binary: null },
        { program: 'server', binary: null },
      ],
    ],
  ])('programs: %s', (_name, tail, rules, expected) => {
    expect(resolve(tail, ['/app/server'], rules).programs).toEqual(expected);
  });
});

describe('commandArtifacts', () => {
  const files = { 'run.sh': '#!/bin/sh\nexec /app/server\n', tool: 'binary' };
  it.each([
    ['a built binary', 'CMD ["./server"]', ['/app/server'], [], false],
    ['a committed script needs its shell', 'CMD ["./run.sh"]', [], ['/app/run.sh sh'], true],
    ['a committed binary', 'CMD ["./tool"]', [], ['/app/tool null'], false],
    ['shell syntax', 'CMD ./server && ./tool', ['/app/server'], ['/app/tool null'], true],
    ['a program on PATH', 'CMD ["curl"]', [], [], false],
  ])('%s', (_name, tail, run, committed, shell) => {
    const fixture = stageFixture(`FROM golang:1.19\nWORKDIR /app\nCOPY . .\n${tail}\n`, files);
    const command = resolveCommand(commandLines(fixture.facts), ['/app/server'], '/app', asWritten);
    const artifacts = commandArtifacts(command, '/app', fixture.paths, fixture.context);
    expect([...artifacts.run]).toEqual(run);
    expect(artifacts.committed.map((c) => `${c.path} ${c.interpreter}`)).toEqual(committed);
    expect(artifacts.needsShell).toBe(shell);
  });
});

describe('noCommandDecisions', () => {
  it.each([
    ['CMD ["./server"]', []],
    ['ENTRYPOINT ["./server"]', []],
    ['EXPOSE 80', ['CMD']],
  ])('%s', (tail, subjects) => {
    const { facts } = stageFixture(`FROM golang:1.19\n${tail}\n`, {});
    expect(noCommandDecisions(facts).map((d) => d.subject)).toEqual(subjects);
  });
});
