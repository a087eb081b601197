/** What a command inherits (`env -i`, `env -u`, sudo's env_reset) and the value a variable has for it. */
import { envValue, envValues } from '../../src/analyze/command-env';
import { containerCommand } from '../../src/analyze/container-command';
import { splitShellCommands } from '../../src/analyze/shell-commands';
import { analyzeStage } from '../../src/analyze/stage-facts';
import { parseDockerfile } from '../../src/parse/parse-dockerfile';

const stage = (lines: string) => {
  const parsed = parseDockerfile(`FROM node:18\n${lines}\n`);
  return analyzeStage(parsed, parsed.stages[0]);
};

/** The env of a RUN's single command, as [assignments, inherits, except]. */
function runEnv(script: string) {
  const [command] = splitShellCommands(script);
  return {
    words: command.words,
    assignments: command.env.assignments.map((a) => `${a.name}=${a.value}`),
    inherits: command.env.inherits,
    except: command.env.except,
  };
}

describe('the environment a RUN command inherits', () => {
  it.each<[string, string[], string[], 'all' | 'none', string[]]>([
    ['go build', ['go', 'build'], [], 'all', []],
    ['CGO_ENABLED=0 go build', ['go', 'build'], ['CGO_ENABLED=0'], 'all', []],
    // env: -i / --ignore-environment / a lone `-` clear it, -u / --unset drop one name
    ['env -i go build', ['go', 'build'], [], 'none', []],
    ['env --ignore-environment go build', ['go', 'build'], [], 'none', []],
    ['env - A=1 go build', ['go', 'build'], ['A=1'], 'none', []],
    ['env -u CGO_ENABLED go build', ['go', 'build'], [], 'all', ['CGO_ENABLED']],
    ['env --unset=CGO_ENABLED go build', ['go', 'build'], [], 'all', ['CGO_ENABLED']],
    ['env --unset CGO_ENABLED go build', ['go', 'build'], [], 'all', ['CGO_ENABLED']],
    ['env -uCGO_ENABLED -u GOFLAGS go build', ['go', 'build'], [], 'all', ['CGO_ENABLED', 'GOFLAGS']],
    ['env -iu A B=1 go build', ['go', 'build'], ['B=1'], 'none', []],
    // in the order written: what comes before env is subject to it, what comes after is not
    ['A=1 env -u A go build', ['go', 'build'], [], 'all', ['A']],
    ['A=1 B=2 env -i C=3 go build', ['go', 'build'], ['C=3'], 'none', []],
    ['env -u A A=2 go build', ['go', 'build'], ['A=2'], 'all', ['A']],
    ['env A=1 env -u A go build', ['go', 'build'], [], 'all', ['A']],
    ['env -- A=1 go build', ['go', 'build'], ['A=1'], 'all', []],
    // sudo resets the environment (env_reset) unless -E / --preserve-env
    ['sudo go build', ['go', 'build'], [], 'none', []],
    ['CGO_ENABLED=0 sudo go build', ['go', 'build'], [], 'none', []],
    ['sudo CGO_ENABLED=0 go build', ['go', 'build'], ['CGO_ENABLED=0'], 'none', []],
    ['sudo -u builder -H go build', ['go', 'build'], [], 'none', []],
    ['sudo -Eu builder go build', ['go', 'build'], [], 'all', []],
    ['sudo --preserve-env go build', ['go', 'build'], [], 'all', []],
    ['sudo --preserve-env=GOPATH,GOBIN go install', ['go', 'install'], [], 'none', ['GOPATH', 'GOBIN']],
    ['env -u GOBIN sudo --preserve-env=GOPATH,GOBIN go install', ['go', 'install'], [], 'none', ['GOPATH']],
  ])('%s', (script, words, assignments, inherits, except) => {
    expect(runEnv(script)).toEqual({ words, assignments, inherits, except });
  });
});

describe('envValue: the value a variable has for a command', () => {
  const values = new Map([
    ['CGO_ENABLED', '0'],
    ['NODE_ENV', 'production'],
    ['PATH', '/usr/local/go/bin:/usr/bin:/bin'],
  ]);
  it.each<[string, string, string | undefined]>([
    ['go build', 'CGO_ENABLED', '0'],
    ['CGO_ENABLED=1 go build', 'CGO_ENABLED', '1'],
    ['A=1 A=2 go build', 'A', '2'],
    ['go build', 'GOBIN', undefined],
    ['env -u CGO_ENABLED go build', 'CGO_ENABLED', undefined],
    ['env -u CGO_ENABLED go build', 'NODE_ENV', 'production'],
    ['CGO_ENABLED=1 env -u CGO_ENABLED go build', 'CGO_ENABLED', undefined],
    ['env -i npm ci', 'NODE_ENV', undefined],
    ['env -i NODE_ENV=development npm ci', 'NODE_ENV', 'development'],
    // after env -i PATH is unset: msb does not stand in glibc's default (/bin:/usr/bin) for it
    ['env -i npm ci', 'PATH', undefined],
    ['sudo go build', 'CGO_ENABLED', undefined],
    ['sudo -E go build', 'CGO_ENABLED', '0'],
    ['sudo --preserve-env=NODE_ENV npm ci', 'NODE_ENV', 'production'],
    ['sudo --preserve-env=NODE_ENV npm ci', 'CGO_ENABLED', undefined],
  ])('%s: %s', (script, name, value) => {
    expect(envValue(splitShellCommands(script)[0].env, name, values)).toBe(value);
  });

  it('lists every variable a command sees', () => {
    const [command] = splitShellCommands('env -u NODE_ENV npm_config_production=false npm ci');
    expect([...envValues(command.env, values)]).toEqual([
      ['CGO_ENABLED', '0'],
      ['PATH', '/usr/local/go/bin:/usr/bin:/bin'],
      ['npm_config_production', 'false'],
    ]);
  });
});

describe('the environment of the container command', () => {
  it.each<[string, string[], string[], 'all' | 'none', string[], string[]]>([
    ['CMD ["env", "-i", "node", "server.js"]', ['node', 'server.js'], [], 'none', [], ['env', 'node']],
    [
      'ENTRYPOINT ["tini", "--"]\nCMD ["env", "-u", "NODE_ENV", "node", "a.js"]',
      ['node', 'a.js'],
      [],
      'all',
      ['NODE_ENV'],
      ['tini', 'env', 'node'],
    ],
    // sudo is a wrapper like gosu: the command is the program it runs
    [
      'CMD ["sudo", "-u", "app", "PORT=80", "node", "a.js"]',
      ['node', 'a.js'],
      ['PORT=80'],
      'none',
      [],
      ['sudo', 'node'],
    ],
    // what the shell sets before a wrapper reaches the command the wrapper runs
    ['CMD A=1 tini -- node a.js', ['node', 'a.js'], ['A=1'], 'all', [], ['sh', 'tini', 'node']],
    ['CMD env -i A=1 node a.js', ['node', 'a.js'], ['A=1'], 'none', [], ['sh', 'node']],
  ])('%s', (lines, words, assignments, inherits, except, programs) => {
    const command = containerCommand(stage(lines));
    const [first] = command.commands;
    expect({
      words: first.words,
      assignments: first.env.assignments.map((a) => `${a.name}=${a.value}`),
      inherits: first.env.inherits,
      except: first.env.except,
    }).toEqual({ words, assignments, inherits, except });
    // the programs msb looks for in the runtime image are found by name, whatever PATH env -i leaves
    expect(command.programs).toEqual(programs);
  });
});
