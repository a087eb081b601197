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
