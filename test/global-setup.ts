/**
 * Jest global setup: builds dist/ once per run as `npm run build` does (tsc, then the standalone
 * schema validators and the saved profiles), so every suite that runs the built CLI tests today's sources. The build is skipped when dist/ was built from the same sources (a hash of
 * src/, the profiles, the templates and the tsconfigs) or when none of the selected suites imports helpers/built-msb.
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const HASH_FILE = path.join(ROOT, 'dist', '.source-hash');
const VALIDATORS_SCRIPT = path.join(ROOT, 'scripts', 'build-validators.js');
const USES_BUILD = /from '(\.\.?\/)+helpers\/built-msb'/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of [
    ...filesUnder(path.join(ROOT, 'src')),
    // The build saves the loaded profiles keyed by these (src/profiles/shipped-profiles.ts).
    ...filesUnder(path.join(ROOT, 'language-profiles')),
    ...filesUnder(path.join(ROOT, 'templates')),
    path.join(ROOT, 'tsconfig.json'),
    path.join(ROOT, 'tsconfig.build.json'),
    VALIDATORS_SCRIPT,
  ]) {
    hash.update(path.relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Whether any test file the run selected (by path pattern) runs the built CLI. */
function selectedSuitesUseBuild(testPathPattern: string): boolean {
  const pattern = new RegExp(testPathPattern || '.', 'i');
  return filesUnder(path.join(ROOT, 'test')).some(
    (file) => file.endsWith('.test.ts') && pattern.test(file) && USES_BUILD.test(readFileSync(file, 'utf8')),
  );
}

export default function globalSetup(globalConfig: { testPathPattern?: string }): void {
  if (!selectedSuitesUseBuild(globalConfig.testPathPattern ?? '')) return;
  const hash = sourceHash();
  if (
    existsSync(path.join(ROOT, 'dist', 'cli.js')) &&
    existsSync(HASH_FILE) &&
    readFileSync(HASH_FILE, 'utf8') === hash
  )
    return;
  const tsc = spawnSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  // tsc emits despite type errors; the suites then test what was emitted, and the next run builds again
  if (tsc.status !== 0)
    process.stderr.write(
      `\nglobal setup: tsc -p tsconfig.build.json failed, testing what it emitted:\n${tsc.stdout}${tsc.stderr}\n`,
    );
  const validators = spawnSync(process.execPath, [VALIDATORS_SCRIPT], { cwd: ROOT, encoding: 'utf8' });
  if (validators.status !== 0)
    throw new Error(`global setup: scripts/build-validators.js failed:\n${validators.stderr}`);
  if (tsc.status === 0) writeFileSync(HASH_FILE, hash);
  if (!existsSync(path.join(ROOT, 'dist', 'cli.js')))
    throw new Error('global setup: the build left no dist/cli.js');
}
