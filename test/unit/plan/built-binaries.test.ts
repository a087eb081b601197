import { analyzeStage } from '../../../src/analyze/stage-facts';
import { parseDockerfile } from '../../../src/parse/parse-dockerfile';
import { builtBinaries, findBinary, pathDirs, runCommands } from '../../../src/plan/built-binaries';

/** A reader for which `make-bin NAME` builds ./NAME in its directory. */
function binaries(body: string): string[] {
  const parsed = parseDockerfile(`FROM scratch\nWORKDIR /src\n${body}\n`);
  const facts = analyzeStage(parsed, parsed.stages[0]);
  return builtBinaries<{ path: string }>(facts, {
    outputs: (command, cwd) =>
      command.words[0] === 'make-bin' ? [{ path: `${cwd}/${command.words[1]}` }] : null,
  }).map((b) => b.path);
}

describe('built binaries, followed through cd, cp, mv and install', () => {
  it.each([
    ['a build in the WORKDIR', 'RUN make-bin app', ['/src/app']],
    ['a build after cd', 'RUN cd cmd && make-bin app', ['/src/cmd/app']],
    ['mv into a folder (trailing slash)', 'RUN make-bin app && mv app /opt/', ['/opt/app']],
    [
      'mv into a bin folder without a slash',
      'RUN make-bin app && mv app /usr/local/bin',
      ['/usr/local/bin/app'],
    ],
    ['mv to a new name', 'RUN make-bin app && mv app /usr/bin/server', ['/usr/bin/server']],
    [
      'cp keeps both copies',
      'RUN make-bin app && cp app /usr/local/bin/',
      ['/src/app', '/usr/local/bin/app'],
    ],
    ['/bin/mv is mv', 'RUN make-bin app && /bin/mv app /opt/', ['/opt/app']],
    [
      'install -m 755 (the mode is not a path)',
      'RUN make-bin app && install -m 755 app /usr/local/bin/',
      ['/src/app', '/usr/local/bin/app'],
    ],
    ['a copy of something else', 'RUN make-bin app && cp other /opt/', ['/src/app']],
    ['cp with three operands is not followed', 'RUN make-bin app && cp app b /opt/', ['/src/app']],
    ['a later RUN', 'RUN make-bin app\nRUN mv /src/app /bin/', ['/bin/app']],
  ])('%s', (_name, body, expected) => {
    expect(binaries(body)).toEqual(expected);
  });
});

describe('findBinary', () => {
  const built = ['/app/server', '/go/bin/tool'];
  it.each([
    ['a relative path', './server', '/app/server'],
    ['an absolute path', '/go/bin/tool', '/go/bin/tool'],
    ['a bare name on the search path', 'tool', '/go/bin/tool'],
    ['a bare name off the search path', 'server', null],
    ['a path that is not built', './other', null],
  ])('%s', (_name, program, expected) => {
    expect(findBinary(program, built, '/app', ['/usr/bin', '/go/bin'])).toBe(expected);
  });
});

describe('pathDirs', () => {
  it.each([
    ['unset: the inherited path', undefined, ['/a', '/b']],
    ['$PATH expands to the inherited path', '/x:$PATH', ['/x', '/a', '/b']],
    ['${PATH} too, empty parts dropped', '${PATH}::/y', ['/a', '/b', '/y']],
    ['no $PATH: replaced', '/x', ['/x']],
  ])('%s', (_name, value, expected) => {
    expect(pathDirs(value, ['/a', '/b'])).toEqual(expected);
  });
});

describe('runCommands', () => {
  it.each([
    ['the RUN WORKDIR', 'RUN make', [['make', '/src']]],
    [
      'cd moves the commands after it',
      'RUN cd app && make && cd .. && ls',
      [
        ['cd', '/src/app'],
        ['make', '/src/app'],
        ['cd', '/src'],
        ['ls', '/src'],
      ],
    ],
    [
      'each RUN starts again',
      'RUN cd /tmp\nRUN make',
      [
        ['cd', '/tmp'],
        ['make', '/src'],
      ],
    ],
  ])('%s', (_name, body, expected) => {
    const parsed = parseDockerfile(`FROM scratch\nWORKDIR /src\n${body}\n`);
    const facts = analyzeStage(parsed, parsed.stages[0]);
    expect([...runCommands(facts.runs)].map((c) => [c.command.words[0], c.cwd])).toEqual(expected);
  });
});
