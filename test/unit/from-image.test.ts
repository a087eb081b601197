/**
 * parseDockerfile reads what a FROM line names with one split (src/parse/from-image.ts) instead
 * of dockerfile-ast's From methods; runtime-image choice, stage names and lint depend on it, so
 * the two must agree: on every FROM of the corpus and the examples, and on random references
 * mixing registries, ports, namespaces, tags, digests, variables, flags and stage names.
 */
import * as fs from 'fs';
import fc from 'fast-check';
import { corpusAndExampleDockerfiles } from '../helpers/dockerfile-files';
import { DockerfileParser, From } from 'dockerfile-ast';
import { fromImage } from '../../src/parse/from-image';
import { parseDockerfile } from '../../src/parse/parse-dockerfile';

/** FROM lines whose reading differs from dockerfile-ast's. */
function disagreements(text: string): string[] {
  let parsed;
  try {
    parsed = parseDockerfile(text);
  } catch {
    return []; // not a file msb converts
  }
  const found: string[] = [];
  for (const stage of parsed.stages) {
    const node = stage.from.node as From;
    const theirs = {
      image: node.getImage(),
      registry: node.getRegistry(),
      name: node.getImageName(),
      tag: node.getImageTag(),
      digest: node.getImageDigest(),
      stageName: node.getBuildStage(),
      words: node.getArguments().map((a) => a.getValue()),
    };
    if (JSON.stringify(stage.image) !== JSON.stringify(theirs))
      found.push(`${stage.from.text}: ${JSON.stringify(stage.image)} ≠ ${JSON.stringify(theirs)}`);
  }
  return found;
}

it('agrees with dockerfile-ast on every FROM of the corpus and the examples', () => {
  const files = corpusAndExampleDockerfiles();
  expect(files.length).toBeGreaterThan(40);
  expect(
    files.flatMap((file) => disagreements(fs.readFileSync(file, 'utf8')).map((d) => `${file}: ${d}`)),
  ).toEqual([]);
});

const PARTS = [
  'python',
  'localhost',
  'reg.io',
  'reg:5000',
  'lib',
  '/',
  ':',
  '@',
  'sha256',
  '3.11',
  '.',
  '-',
  '_',
  ' AS ',
  ' as ',
  ' ',
  'build',
  '--platform=x ',
  '$V',
  '${T:-1}',
  '\t',
  '\\\n  ',
  '"q"',
];
const reference = fc
  .array(fc.constantFrom(...PARTS), { minLength: 1, maxLength: 9 })
  .map((parts) => parts.join(''));

it('agrees with dockerfile-ast on random image references', () => {
  fc.assert(
    fc.property(reference, (ref) => {
      const node = DockerfileParser.parse(`FROM ${ref}\n`).getInstructions()[0] as From;
      const text = `FROM ${ref}`.trimEnd();
      const ours = fromImage(node, text, node.getArgumentsContent() ?? '', '\\');
      const theirs = {
        image: node.getImage(),
        registry: node.getRegistry(),
        name: node.getImageName(),
        tag: node.getImageTag(),
        digest: node.getImageDigest(),
        stageName: node.getBuildStage(),
        words: node.getArguments().map((a) => a.getValue()),
      };
      expect(ours).toEqual(theirs);
    }),
    { seed: 1729, numRuns: 8000 },
  );
});

it('reads the usual shapes', () => {
  const image = (line: string) => parseDockerfile(`${line}\n`).stages[0].image;
  expect(image('FROM python:3.11-slim AS build')).toMatchObject({
    registry: null,
    name: 'python',
    tag: '3.11-slim',
    digest: null,
    stageName: 'build',
  });
  expect(image('FROM --platform=linux/amd64 reg.io/team/app:1.2@sha256:abc')).toMatchObject({
    registry: 'reg.io',
    name: 'team/app',
    tag: '1.2',
    digest: 'sha256:abc',
    stageName: null,
  });
  expect(image('FROM reg.io:5000/team/app:1.2')).toMatchObject({
    registry: 'reg.io:5000',
    name: 'team/app',
    tag: '1.2',
  });
  expect(image('FROM localhost/app')).toMatchObject({ registry: 'localhost', name: 'app', tag: null });
  expect(image('FROM python:${PY}-slim')).toMatchObject({ name: 'python', tag: '${PY}-slim' });
});
