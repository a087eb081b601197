/**
 * MSB005 reads the language installers it checks from the loaded profiles (`installCaches`):
 * pip is python.yaml's data, not the rule's code, and a user profile can add an installer.
 */
import { lintText } from '../../src/lint/lint';
import { loadProfiles } from '../../src';
import type { InstallCache, Profile } from '../../src/profiles/profile-types';

const shipped = loadProfiles();
const npmCache: InstallCache = {
  subject: 'npm-cache',
  installers: [{ program: '^npm$' }],
  verb: 'install',
  cleared: { flags: ['--prefer-online'], env: ['NPM_CONFIG_CACHE'], script: '\\bnpm cache clean\\b' },
  message: 'npm install leaves its cache in the runtime image',
};
const withNpm: Profile[] = shipped.map((p) =>
  p.id === 'node' ? { ...p, installCaches: [...(p.installCaches ?? []), npmCache] } : p,
);
const subjects = (text: string, profiles: readonly Profile[]) =>
  lintText(text, 'Dockerfile', { profiles })
    .filter((f) => f.rule === 'MSB005')
    .map((f) => f.subject);

describe('MSB005 installers as profile data', () => {
  it.each([
    ['pip, from python.yaml', 'FROM python:3.12\nRUN pip install flask\n', shipped, ['pip-cache']],
    [
      'pip unknown without the python profile',
      'FROM python:3.12\nRUN pip install flask\n',
      shipped.filter((p) => p.id !== 'python'),
      [],
    ],
    ['apt, whatever the profiles', 'FROM debian:12\nRUN apt-get install -y curl\n', [], ['apt-lists']],
    ['an installer a profile adds', 'FROM node:20\nRUN npm install\n', withNpm, ['npm-cache']],
    ['its flag', 'FROM node:20\nRUN npm install --prefer-online\n', withNpm, []],
    ['its environment variable', 'FROM node:20\nENV NPM_CONFIG_CACHE=/tmp/c\nRUN npm install\n', withNpm, []],
    ['its clean-up command', 'FROM node:20\nRUN npm install && npm cache clean --force\n', withNpm, []],
    ['another verb', 'FROM node:20\nRUN npm ci\n', withNpm, []],
  ])('%s', (_name, text, profiles, expected) => {
    expect(subjects(text, profiles)).toEqual(expected);
  });
});
