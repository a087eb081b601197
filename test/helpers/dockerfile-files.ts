/** Every Dockerfile of the shared corpus and the shipped examples: inputs for agreement tests. */
import * as fs from 'fs';
import * as path from 'path';

const REPO = path.resolve(__dirname, '../..');

function dockerfilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /Dockerfile/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

export function corpusAndExampleDockerfiles(): string[] {
  return [
    ...dockerfilesUnder(path.resolve(REPO, '../shared/corpus')),
    ...dockerfilesUnder(path.join(REPO, 'examples')),
  ];
}
