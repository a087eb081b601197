import { hasWords, programName, splitShellCommands } from '../../src/analyze/shell-commands';

describe('splitShellCommands', () => {
  it.each([
    [
      'apt-get update && apt-get install -y gcc',
      [
        ['apt-get', 'update'],
        ['apt-get', 'install', '-y', 'gcc'],
      ],
    ],
    ['a; b || c | d', [['a'], ['b'], ['c'], ['d']]],
    ['pip install "django>=4" \'x y\'', [['pip', 'install', 'django>=4', 'x y']]],
    ['DEBIAN_FRONTEND=noninteractive sudo apt-get install -y curl', [['apt-get', 'install', '-y', 'curl']]],
    ['echo "a && b"', [['echo', 'a && b']]],
    [
      'set -ex\npip install .  # comment && not a command',
      [
        ['set', '-ex'],
        ['pip', 'install', '.'],
      ],
    ],
    [
      '(cd web && npm ci)',
      [
        ['cd', 'web'],
        ['npm', 'ci'],
      ],
    ],
    ['', []],
    // a command substitution is part of its word, up to its closing parenthesis
    ['make -j$(nproc) all', [['make', '-j$(nproc)', 'all']]],
    ['app > /var/log/app.log 2>&1', [['app', '>', '/var/log/app.log', '2>&1']]],
    ['app &>/dev/null && next', [['app', '&>/dev/null'], ['next']]],
    ['worker <&3 & server', [['worker', '<&3'], ['server']]],
    [
      'cp x $(php -r \'echo ini_get("extension_dir");\') && ls',
      [['cp', 'x', '$(php -r \'echo ini_get("extension_dir");\')'], ['ls']],
    ],
    ['echo $(printf "%s" $(id -u)) done', [['echo', '$(printf "%s" $(id -u))', 'done']]],
  ])('%j', (script, expected) => {
    expect(splitShellCommands(script).map((c) => c.words)).toEqual(expected);
  });

  // The assignments before the program are the command's env, and `env`'s own options are skipped
  it.each<[string, [string, string][], string[]]>([
    [
      'CGO_ENABLED=0 GOOS=linux go build',
      [
        ['CGO_ENABLED', '0'],
        ['GOOS', 'linux'],
      ],
      ['go', 'build'],
    ],
    [
      'A="x y" B=\'q\' C= cargo build',
      [
        ['A', 'x y'],
        ['B', 'q'],
        ['C', ''],
      ],
      ['cargo', 'build'],
    ],
    [
      'RUSTFLAGS="-C target-feature=-crt-static" cargo build',
      [['RUSTFLAGS', '-C target-feature=-crt-static']],
      ['cargo', 'build'],
    ],
    [
      'env A=1 B=2 go build',
      [
        ['A', '1'],
        ['B', '2'],
      ],
      ['go', 'build'],
    ],
    [
      'A=1 env B=2 npm ci',
      [
        ['A', '1'],
        ['B', '2'],
      ],
      ['npm', 'ci'],
    ],
    ['env -i A=1 go build', [['A', '1']], ['go', 'build']],
    ['env -u GOFLAGS CGO_ENABLED=0 go build', [['CGO_ENABLED', '0']], ['go', 'build']],
    ['env -- A=1 go build', [['A', '1']], ['go', 'build']],
    ['GOOS=$TARGET go build', [['GOOS', '$TARGET']], ['go', 'build']],
    ['NODE_ENV="$MODE" npm ci', [['NODE_ENV', '$MODE']], ['npm', 'ci']],
    ['go build A=1', [], ['go', 'build', 'A=1']],
    ['make CC=gcc all', [], ['make', 'CC=gcc', 'all']],
    // more than the old text regex read: escaped quotes, values quoted from the middle, after sudo
    ['A="x\\"y" go build', [['A', 'x"y']], ['go', 'build']],
    ['FLAGS=-X"a b" go build', [['FLAGS', '-Xa b']], ['go', 'build']],
    ['sudo CGO_ENABLED=0 go build', [['CGO_ENABLED', '0']], ['go', 'build']],
  ])("%j sets its program's env", (script, env, words) => {
    const [command] = splitShellCommands(script);
    expect(command.env.assignments.map((a) => [a.name, a.value])).toEqual(env);
    expect(command.words).toEqual(words);
  });

  it.each([
    // an assignment without a program is no command; the next command has its own (empty) env
    ['A=1 && go build', [['go', 'build']], [[]]],
    ['A=1 B=2', [], []],
    ['env', [], []],
    [
      'CGO_ENABLED=0 go build && go vet',
      [
        ['go', 'build'],
        ['go', 'vet'],
      ],
      [[['CGO_ENABLED', '0']], []],
    ],
  ])('%j: assignments belong to their own command', (script, words, envs) => {
    const commands = splitShellCommands(script);
    expect(commands.map((c) => c.words)).toEqual(words);
    expect(commands.map((c) => c.env.assignments.map((a) => [a.name, a.value]))).toEqual(envs);
  });

  it('keeps the text of each command', () => {
    expect(splitShellCommands('a b && c  d').map((c) => c.text)).toEqual(['a b', 'c  d']);
  });

  it('names programs without their directory', () => {
    expect(programName(splitShellCommands('/usr/bin/apt-get install x')[0])).toBe('apt-get');
  });

  it('finds word sequences', () => {
    expect(hasWords(['python', '-m', 'pip', 'install'], '-m', 'pip')).toBe(true);
    expect(hasWords(['python', 'pip'], '-m', 'pip')).toBe(false);
  });
});
