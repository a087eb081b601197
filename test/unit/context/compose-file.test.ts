/** The command compose gives the service that builds a Dockerfile, as argv. */
import * as path from 'path';
import { openBuildContext } from '../../../src/context/build-context';
import { composeCommand } from '../../../src/context/compose-file';
import { contextDir } from '../../helpers/build-fixture';

function read(files: Record<string, string>, dockerfile = 'Dockerfile') {
  const dir = contextDir(files);
  return composeCommand(openBuildContext(dir), path.join(dir, dockerfile));
}

describe('composeCommand', () => {
  it.each([
    [
      'a list command',
      'services:\n  api:\n    build: .\n    command: ["npm", "run", "start:prod"]\n',
      null,
      ['npm', 'run', 'start:prod'],
    ],
    [
      'a string command, split like compose',
      "services:\n  api:\n    build: .\n    command: sh -c 'npm run migrate && node dist/main.js'\n",
      null,
      ['sh', '-c', 'npm run migrate && node dist/main.js'],
    ],
    [
      'double quotes and escapes',
      'services:\n  api:\n    build: ./\n    command: node -e "console.log(\\"hi\\")"\n',
      null,
      ['node', '-e', 'console.log("hi")'],
    ],
    [
      'an entrypoint and a command',
      'services:\n  worker:\n    build: { context: ., dockerfile: Dockerfile }\n    entrypoint: ["node"]\n    command: worker.js\n',
      ['node'],
      ['worker.js'],
    ],
  ])('%s', (_name, compose, entrypoint, command) => {
    expect(read({ 'compose.yaml': compose, Dockerfile: '' })).toMatchObject({
      service: expect.any(String),
      entrypoint,
      command,
    });
  });

  it('finds the service whose build names this Dockerfile among several, in any compose file name', () => {
    const compose =
      'services:\n  web:\n    build: { context: ., dockerfile: web.Dockerfile }\n    command: npm run dev\n  api:\n    build:\n      context: .\n      dockerfile: ./docker/api.Dockerfile\n    command: ["node", "server.js"]\n  db:\n    image: postgres:16\n    command: postgres -c fsync=off\n';
    expect(
      read({ 'docker-compose.yml': compose, 'docker/api.Dockerfile': '' }, 'docker/api.Dockerfile'),
    ).toEqual({
      file: 'docker-compose.yml',
      service: 'api',
      entrypoint: null,
      command: ['node', 'server.js'],
    });
  });

  it.each([
    ['no compose file', {}],
    [
      'a service built from another folder',
      { 'compose.yaml': 'services:\n  api:\n    build: ./api\n    command: npm start\n' },
    ],
    [
      'a service built from another Dockerfile',
      {
        'compose.yaml':
          'services:\n  api:\n    build: { context: ., dockerfile: Dockerfile.dev }\n    command: npm run dev\n',
      },
    ],
    ['a service without command or entrypoint', { 'compose.yaml': 'services:\n  api:\n    build: .\n' }],
    [
      'a service that only uses an image',
      { 'compose.yaml': 'services:\n  api:\n    image: node:18\n    command: npm start\n' },
    ],
    ['compose that is not YAML', { 'compose.yaml': 'services: [\n' }],
    [
      'a command that is not text',
      { 'compose.yaml': 'services:\n  api:\n    build: .\n    command: { a: 1 }\n' },
    ],
  ])('none for %s', (_name, files) => {
    expect(read({ ...files, Dockerfile: '' })).toBeNull();
  });
});
