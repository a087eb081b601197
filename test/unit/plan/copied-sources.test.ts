import { analyzeStage } from '../../../src/analyze/stage-facts';
import { parseDockerfile } from '../../../src/parse/parse-dockerfile';
import { copiedBeyond } from '../../../src/plan/copied-sources';

const MANIFESTS = ['package*.json', 'yarn.lock', '.npmrc'];

function beyond(copies: string): string | null {
  const parsed = parseDockerfile(`FROM node:20\nWORKDIR /app\n${copies}\nRUN npm install\n`);
  return copiedBeyond(analyzeStage(parsed, parsed.stages[0]), MANIFESTS);
}

describe('sources copied into the image besides the manifests', () => {
  it.each([
    ['manifests only', 'COPY package.json package-lock.json ./', null],
    ['a manifest glob', 'COPY package*.json yarn.lock .npmrc /app/', null],
    ['no COPY at all', '', null],
    ['the whole context', 'COPY package.json ./\nCOPY . .', '.'],
    ['a source folder', 'COPY package.json ./\nCOPY src/ ./src/', 'src/'],
    ['a config file', 'COPY angular.json package.json ./', 'angular.json'],
    [
      'copies from another stage or image do not count',
      'COPY --from=node:20 /usr/local/bin/node /x\nCOPY package.json .',
      null,
    ],
  ])('%s', (_name, copies, expected) => {
    expect(beyond(copies)).toBe(expected);
  });
});
