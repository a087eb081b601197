import * as path from 'path';
import { analyzeStage } from '../../../src/analyze/stage-facts';
import { openBuildContext } from '../../../src/context/build-context';
import { parseDockerfile } from '../../../src/parse/parse-dockerfile';
import { startCommand } from '../../../src/plan/start-command';
import { contextDir } from '../../helpers/build-fixture';

const compose = (service: string) => `services:\n  web:\n    build: .\n${service}`;

/** What runs, where it comes from, and whether nothing says what runs. */
function start(commands: string, files: Record<string, string>, argumentRunners?: string[]) {
  const dir = contextDir(files);
  const parsed = parseDockerfile(`FROM node:20\nWORKDIR /app\n${commands}`, path.join(dir, 'Dockerfile'));
  const input = {
    dockerfile: parsed,
    facts: analyzeStage(parsed, parsed.stages[0]),
    context: openBuildContext(dir),
  };
  const { command, source, elsewhere } = startCommand(input, argumentRunners);
  return { argv: command.argv.join(' '), source, elsewhere };
}

const runners = ['npm', 'yarn', 'node'];
const withCompose = { 'compose.yaml': compose('    command: ["node", "server.js"]\n') };

describe('startCommand', () => {
  it.each([
    [
      'the Dockerfile says',
      'CMD ["node", "app.js"]\n',
      withCompose,
      undefined,
      { argv: 'node app.js', source: 'the container', elsewhere: false },
    ],
    [
      'no command: compose says',
      '',
      withCompose,
      undefined,
      { argv: 'node server.js', source: 'service "web" in compose.yaml', elsewhere: false },
    ],
    [
      'no command and no compose file',
      '',
      {},
      undefined,
      { argv: '', source: 'the container', elsewhere: true },
    ],
    [
      'a compose file for another Dockerfile',
      '',
      {
        'compose.yaml':
          'services:\n  web:\n    build: { context: ., dockerfile: Dockerfile.dev }\n    command: npm start\n',
      },
      undefined,
      { argv: '', source: 'the container', elsewhere: true },
    ],
    [
      'ENTRYPOINT ["npm"] is a command without runners',
      'ENTRYPOINT ["npm"]\n',
      withCompose,
      undefined,
      { argv: 'npm', source: 'the container', elsewhere: false },
    ],
    [
      'ENTRYPOINT ["npm"] waits for its arguments',
      'ENTRYPOINT ["npm"]\n',
      { 'compose.yaml': compose('    command: ["start"]\n') },
      runners,
      { argv: 'npm start', source: 'service "web" in compose.yaml', elsewhere: false },
    ],
    [
      'ENTRYPOINT ["yarn", "run"] waits, no compose',
      'ENTRYPOINT ["yarn", "run"]\n',
      {},
      runners,
      { argv: 'yarn run', source: 'the container', elsewhere: true },
    ],
    [
      'ENTRYPOINT ["tini", "--"] runs nothing yet',
      'ENTRYPOINT ["tini", "--"]\n',
      {},
      runners,
      { argv: 'tini --', source: 'the container', elsewhere: true },
    ],
    [
      'ENTRYPOINT with a whole command',
      'ENTRYPOINT ["node", "app.js"]\n',
      withCompose,
      runners,
      { argv: 'node app.js', source: 'the container', elsewhere: false },
    ],
    [
      'a CMD after the runner completes it',
      'ENTRYPOINT ["npm"]\nCMD ["start"]\n',
      withCompose,
      runners,
      { argv: 'npm start', source: 'the container', elsewhere: false },
    ],
  ])('%s', (_name, commands, files, argumentRunners, expected) => {
    expect(start(commands, files, argumentRunners)).toEqual(expected);
  });
});
