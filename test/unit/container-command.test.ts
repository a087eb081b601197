/** The container command as Docker runs it, its commands and programs; writing commands back. */
import { commandForm } from '../../src/analyze/instruction-args';
import {
  containerCommand,
  formCommands,
  needsShell,
  runsItsArguments,
  shellScript,
  simpleShellArgv,
  splitInstruction,
} from '../../src/analyze/container-command';
import { isShellProgram, isShellScript } from '../../src/analyze/programs';
import { analyzeStage } from '../../src/analyze/stage-facts';
import { parseDockerfile } from '../../src/parse/parse-dockerfile';
import { replaceShellWord } from '../../src/plan/container-command';

const stage = (lines: string) => {
  const parsed = parseDockerfile(`FROM node:18\n${lines}\n`);
  return analyzeStage(parsed, parsed.stages[0]);
};

describe('containerCommand', () => {
  it.each([
    ['exec CMD', 'CMD ["node", "dist/main.js"]', ['node', 'dist/main.js'], ['node dist/main.js']],
    [
      'shell CMD',
      'CMD npm run migrate && npm start',
      ['/bin/sh', '-c', 'npm run migrate && npm start'],
      ['npm run migrate', 'npm start'],
    ],
    ['shell CMD through SHELL', 'SHELL ["/bin/bash", "-c"]\nCMD run', ['/bin/bash', '-c', 'run'], ['run']],
    [
      'exec ENTRYPOINT + exec CMD',
      'ENTRYPOINT ["node"]\nCMD ["server.js"]',
      ['node', 'server.js'],
      ['node server.js'],
    ],
    [
      'exec ENTRYPOINT + shell CMD',
      'ENTRYPOINT ["tini", "--"]\nCMD node a.js',
      ['tini', '--', '/bin/sh', '-c', 'node a.js'],
      ['node a.js'],
    ],
    [
      'CMD before ENTRYPOINT in the same stage is kept',
      'CMD ["server.js"]\nENTRYPOINT ["node"]',
      ['node', 'server.js'],
      ['node server.js'],
    ],
    [
      'shell ENTRYPOINT ignores CMD',
      'ENTRYPOINT node server.js\nCMD ["--inspect"]',
      ['/bin/sh', '-c', 'node server.js'],
      ['node server.js'],
    ],
    ['last CMD wins', 'CMD ["a"]\nCMD ["b"]', ['b'], ['b']],
    [
      'tini',
      'ENTRYPOINT ["/sbin/tini", "--"]\nCMD ["node", "index.js"]',
      ['/sbin/tini', '--', 'node', 'index.js'],
      ['node index.js'],
    ],
    [
      'tini without --',
      'ENTRYPOINT ["tini", "-s", "node", "x.js"]',
      ['tini', '-s', 'node', 'x.js'],
      ['node x.js'],
    ],
    [
      'dumb-init with flags',
      'ENTRYPOINT ["dumb-init", "--single-child", "--"]\nCMD ["npm", "start"]',
      ['dumb-init', '--single-child', '--', 'npm', 'start'],
      ['npm start'],
    ],
    [
      'gosu takes a user',
      'ENTRYPOINT ["gosu", "app", "node", "a.js"]',
      ['gosu', 'app', 'node', 'a.js'],
      ['node a.js'],
    ],
    [
      'env assignments',
      'CMD ["env", "PORT=80", "node", "a.js"]',
      ['env', 'PORT=80', 'node', 'a.js'],
      ['node a.js'],
    ],
    [
      'sh -c split',
      'CMD ["sh", "-c", "node migrate.js && node server.js"]',
      ['sh', '-c', 'node migrate.js && node server.js'],
      ['node migrate.js', 'node server.js'],
    ],
    [
      'exec and sh -c in a shell script',
      'CMD exec sh -c "exec java -jar app.jar"',
      ['/bin/sh', '-c', 'exec sh -c "exec java -jar app.jar"'],
      ['exec java -jar app.jar'],
    ],
    [
      'the node image entrypoint',
      'ENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "a.js"]',
      ['docker-entrypoint.sh', 'node', 'a.js'],
      ['node a.js'],
    ],
    [
      'pm2-runtime running a script',
      'CMD ["pm2-runtime", "dist/main.js"]',
      ['pm2-runtime', 'dist/main.js'],
      ['dist/main.js'],
    ],
    [
      'pm2-runtime start with options anywhere and the script arguments after --',
      'CMD pm2-runtime start -i 2 dist/main.js --name api -- --port 80',
      ['/bin/sh', '-c', 'pm2-runtime start -i 2 dist/main.js --name api -- --port 80'],
      ['dist/main.js --port 80'],
    ],
    [
      'pm2-runtime with its ecosystem file (the script is not known)',
      'CMD ["pm2-runtime", "start", "ecosystem.config.js", "--env", "production"]',
      ['pm2-runtime', 'start', 'ecosystem.config.js', '--env', 'production'],
      ['pm2-runtime start ecosystem.config.js --env production'],
    ],
    [
      'pm2-runtime with a process file',
      'CMD ["pm2-docker", "process.yml"]',
      ['pm2-docker', 'process.yml'],
      ['pm2-docker process.yml'],
    ],
    ['a script is not a shell', 'CMD ["./run.sh", "-c", "x"]', ['./run.sh', '-c', 'x'], ['./run.sh -c x']],
    ['quoted words', 'CMD ["node", "my app.js"]', ['node', 'my app.js'], ["node 'my app.js'"]],
    ['none', '', [], []],
  ])('%s', (_name, lines, argv, commands) => {
    const command = containerCommand(stage(lines));
    expect(command.argv).toEqual(argv);
    expect(command.commands.map((c) => c.text)).toEqual(commands);
  });

  // What `env` sets for the program it runs is that command's env, as before a program in a shell script
  it.each<[string, string[], [string, string][]]>([
    ['CMD ["env", "CGO_ENABLED=0", "go", "run", "."]', ['go', 'run', '.'], [['CGO_ENABLED', '0']]],
    [
      'CMD ["tini", "--", "env", "-u", "X", "A=1", "B=x y", "node", "a.js"]',
      ['node', 'a.js'],
      [
        ['A', '1'],
        ['B', 'x y'],
      ],
    ],
    ['CMD A=1 node a.js', ['node', 'a.js'], [['A', '1']]],
    ['CMD ["node", "a.js", "A=1"]', ['node', 'a.js', 'A=1'], []],
  ])('%s: the env of the command it runs', (line, words, env) => {
    const [command] = containerCommand(stage(line)).commands;
    expect(command.words).toEqual(words);
    expect(command.env.assignments.map((a) => [a.name, a.value])).toEqual(env);
  });

  it("keeps a docker-entrypoint.sh the Dockerfile copies: it is the user's own script", () => {
    const command = containerCommand(
      stage(
        'COPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "a.js"]',
      ),
    );
    expect(command.commands.map((c) => c.words)).toEqual([['docker-entrypoint.sh', 'node', 'a.js']]);
  });

  it.each([
    ['ENTRYPOINT ["tini", "--"]\nCMD ["sh", "-c", "curl x && node a.js"]', ['tini', 'sh', 'curl', 'node']],
    ['CMD ["/usr/bin/node", "a.js"]', ['node']],
    ['CMD node a.js', ['sh', 'node']],
    ['CMD ["pm2-runtime", "app.js"]', ['pm2-runtime', 'app.js']],
  ])('programs of %j', (lines, programs) => {
    expect(containerCommand(stage(lines)).programs).toEqual(programs);
  });
});

describe('formCommands', () => {
  it.each([
    ['["tini", "--", "app"]', false, ['app']],
    ['["tini", "--", "app"]', true, ['tini -- app']],
    ['["bash", "-c", "a; b"]', true, ['a', 'b']],
    ['a && b', false, ['a', 'b']],
  ])('%s (keep wrappers: %s)', (args, keepWrappers, expected) => {
    expect(formCommands(commandForm(args), { keepWrappers }).commands.map((c) => c.text)).toEqual(expected);
  });
});

describe('shell programs', () => {
  it.each([
    ['sh', true, false],
    ['/bin/sh', true, false],
    ['/usr/bin/bash', true, false],
    ['dash', true, false],
    ['ash', true, false],
    ['./run.sh', false, true],
    ['/entrypoint.bash', false, true],
    ['fish.sh', false, true],
    ['bashful', false, false],
    ['node', false, false],
  ])('%s: shell %s, script %s', (word, shell, script) => {
    expect(isShellProgram(word)).toBe(shell);
    expect(isShellScript(word)).toBe(script);
  });

  it.each([
    [['/bin/bash', '-c', 'run'], 'run'],
    [['./run.sh', '-c', 'run'], null],
    [['sh', 'script.sh'], null],
    [['java'], null],
  ])('shellScript(%j)', (argv, expected) => {
    expect(shellScript(argv)).toBe(expected);
  });

  it.each([
    [['tini', '--'], true],
    [['/usr/bin/dumb-init'], true],
    [['/entrypoint.sh'], true],
    [['java', '-jar', 'app.jar', '--'], true],
    [['java', '-jar', 'app.jar'], false],
  ])('runsItsArguments(%j)', (argv, expected) => {
    expect(runsItsArguments(argv)).toBe(expected);
  });
});

describe('container commands', () => {
  it.each([
    ['./server -port 8080', ['./server', '-port', '8080']],
    ['exec java -jar "my app.jar"', ['java', '-jar', 'my app.jar']],
    ['java $JAVA_OPTS -jar app.jar', null],
    ['./a && ./b', null],
    ['PORT=1 ./server', null],
    ['java -jar target/*.jar', null],
  ])('simpleShellArgv(%s)', (script, argv) => {
    expect(simpleShellArgv(script)).toEqual(argv);
  });

  it.each([
    ['CMD ./server', true],
    ['CMD ["sh", "-c", "./server"]', true],
    ['CMD ["/entrypoint.sh"]', true],
    ['CMD ["./server"]', false],
  ])('needsShell(%s) = %s', (text, expected) => {
    expect(needsShell(splitInstruction(text).form)).toBe(expected);
  });

  it('splits keyword and form', () => {
    expect(splitInstruction('cmd ["a", "b"]')).toEqual({
      keyword: 'cmd',
      form: { form: 'exec', argv: ['a', 'b'] },
    });
  });

  it.each([
    ['java -jar target/*.jar', 'target/*.jar', 'app.jar', 'java -jar app.jar'],
    [
      'java -jar app.jar --spring.config=app.jar.yml',
      'app.jar',
      '/app/app.jar',
      'java -jar /app/app.jar --spring.config=app.jar.yml',
    ],
    ['exec java -jar "x.jar"', 'x.jar', 'y.jar', 'exec java -jar "y.jar"'],
  ])('replaceShellWord(%s)', (script, from, to, expected) => {
    expect(replaceShellWord(script, from, to)).toBe(expected);
  });
});
