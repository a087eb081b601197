/**
 * Whether the application's own code mentions something (a program it shells out to, a library
 * it imports): the first source file of the build context whose text matches. Bounded like the
 * context listing; dependency folders are not listed at all. The profiles add their languages'
 * source extensions (`sourceExtensions`) to the shared ones below.
 */
import type { BuildContext } from './build-context';

const SOURCE_FILE = /\.(py|js|mjs|cjs|ts|mts|cts|jsx|tsx|sh|bash|rb)$/;
const MAX_FILES = 3000;

export function findInSources(context: BuildContext, pattern: RegExp): string | null {
  let read = 0;
  const added = new Set(context.sourceExtensions ?? []);
  const isSource = (file: string) =>
    SOURCE_FILE.test(file) || added.has(file.slice(file.lastIndexOf('.') + 1));
  for (const file of context.files) {
    if (!isSource(file)) continue;
    if (++read > MAX_FILES) break;
    const text = context.read(file);
    if (text !== null && pattern.test(text)) return file;
  }
  return null;
}
