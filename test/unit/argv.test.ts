/** One argv parser, every tool's option table: the same rules for apt-get, useradd, go, mvn, npm... */
import { hasOption, OptionTable, optionValue, parseArgv } from '../../src/analyze/argv';
import { SYSTEM_TOOL_OPTIONS } from '../../src/analyze/programs';

const simple = (options: ReturnType<typeof parseArgv>['options']) =>
  options.map((o) => (o.value === null ? o.name : `${o.name}=${o.value}`));

describe('parseArgv', () => {
  it.each<[string, string[], OptionTable, string[], string[], string[]]>([
    ['valued option takes the next word', ['-o', 'out', 'pkg'], { valued: ['-o'] }, ['-o=out'], ['pkg'], []],
    ['--name=value', ['--file=a.txt', 'x'], {}, ['--file=a.txt'], ['x'], []],
    [
      'alias',
      ['--uid', '5', 'app'],
      { valued: ['-u', '--uid'], aliases: { '--uid': '-u' } },
      ['-u=5'],
      ['app'],
      [],
    ],
    ['-- ends the options', ['-a', '--', '-b', 'c'], {}, ['-a'], [], ['-b', 'c']],
    ['lone - is an operand', ['-', 'x'], {}, [], ['-', 'x'], []],
    [
      'combined short flags',
      ['-SD', 'app'],
      { flags: ['-S', '-D'], clusters: true },
      ['-S', '-D'],
      ['app'],
      [],
    ],
    [
      'cluster ending with a valued option',
      ['-ms', '/bin/bash', 'app'],
      { valued: ['-s'], flags: ['-m'], clusters: true },
      ['-m', '-s=/bin/bash'],
      ['app'],
      [],
    ],
    [
      'glued short value',
      ['-u1000', 'app'],
      { valued: ['-u'], glued: true, clusters: true },
      ['-u=1000'],
      ['app'],
      [],
    ],
    [
      'glued listed option, longest first',
      ['-plcore', '-Dx=1', 'package'],
      { valued: ['-p', '-pl', '-D'], glued: ['-p', '-pl', '-D'] },
      ['-pl=core', '-D=x=1'],
      ['package'],
      [],
    ],
    [
      'a known flag is not a glued value',
      ['-fae', 'package'],
      { valued: ['-f'], flags: ['-fae'], glued: ['-f'] },
      ['-fae'],
      ['package'],
      [],
    ],
    [
      'value never an option',
      ['--host', '--port', '80', 'dist'],
      { valued: ['--host', '--port'], valueNotOption: true },
      ['--host', '--port=80'],
      ['dist'],
      [],
    ],
    [
      'stop at the first operand',
      ['-v', 'pkg', '-x', 'y'],
      { stopAtOperand: true },
      ['-v'],
      ['pkg', '-x', 'y'],
      [],
    ],
    [
      'go-style single dash',
      ['--ldflags=-s -w', '-o', 'app', '.'],
      { valued: ['-o', '-ldflags'], singleDash: true },
      ['-ldflags=-s -w', '-o=app'],
      ['.'],
      [],
    ],
    [
      'expansions stand for options',
      ['$JAVA_OPTS', '-jar', 'app.jar'],
      { expansionsAreOptions: true, stopAtOperand: true },
      ['$JAVA_OPTS', '-jar'],
      ['app.jar'],
      [],
    ],
    ['missing value', ['-o'], { valued: ['-o'] }, ['-o='], [], []],
  ])('%s', (_name, argv, table, options, operands, afterDashDash) => {
    const parsed = parseArgv(argv, table);
    expect(simple(parsed.options)).toEqual(options);
    expect(parsed.operands).toEqual(operands);
    expect(parsed.afterDashDash).toEqual(afterDashDash);
  });

  it('keeps the words each option was read from', () => {
    expect(parseArgv(['-D', 'x=1', '-q'], { valued: ['-D'] }).options.map((o) => o.words)).toEqual([
      ['-D', 'x=1'],
      ['-q'],
    ]);
  });

  it.each([
    [
      ['install', '-y', '-o', 'Dpkg::Options::=--force-confold', 'curl'],
      SYSTEM_TOOL_OPTIONS.apt,
      ['install', 'curl'],
    ],
    [['-o', 'Acquire::Retries=3', 'install', 'git'], SYSTEM_TOOL_OPTIONS.apt, ['install', 'git']],
    [['add', '--no-cache', '--virtual', '.deps', 'gcc'], SYSTEM_TOOL_OPTIONS.apk, ['add', 'gcc']],
  ])('system tool %j', (argv, table, operands) => {
    expect(parseArgv(argv, table).operands).toEqual(operands);
  });

  it('finds values and flags by any spelling', () => {
    const parsed = parseArgv(['add', '-t', '.deps', 'gcc'], SYSTEM_TOOL_OPTIONS.apk);
    expect(optionValue(parsed, '--virtual')).toBe('.deps');
    const user = parseArgv(['--system', '--uid=9', 'app'], SYSTEM_TOOL_OPTIONS.useradd);
    expect(hasOption(user, '-r')).toBe(true);
    expect(optionValue(user, '-u')).toBe('9');
    expect(optionValue(user, '-s')).toBeNull();
  });
});
