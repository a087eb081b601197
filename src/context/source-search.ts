/**
 * The application's own code, read once per question and bounded like the context listing
 * (dependency folders are not listed at all): which source file mentions something (a program
 * it shells out to, a library it imports). What counts as source is profile data
 * (`sourceExtensions`); shell scripts belong to every language.
 */
import type { BuildContext } from './build-context';

const SHELL_SCRIPT = /\.(sh|bash)$/;
/** At most this many source files are read for one question. */
const MAX_FILES = 3000;

/** Shell scripts and the files whose extension a profile lists as source. */
function isSourceFile(context: BuildContext, file: string): boolean {
  const dot = file.lastIndexOf('.');
  return (
    SHELL_SCRIPT.test(file) || (dot > file.lastIndexOf('/') && extensionsOf(context).has(file.slice(dot + 1)))
  );
}

/** The text of each source file `isSource` accepts (by default, isSourceFile), at most MAX_FILES of them. */
export function* sourceTexts(
  context: BuildContext,
  isSource: (file: string) => boolean = (file) => isSourceFile(context, file),
): Generator<{ file: string; text: string }> {
  let read = 0;
  for (const file of context.files) {
    if (!isSource(file)) continue;
    if (++read > MAX_FILES) return;
    const text = context.read(file);
    if (text) yield { file, text };
  }
}

/** The first source file whose text matches, or null. */
export function findInSources(context: BuildContext, pattern: RegExp): string | null {
  for (const { file, text } of sourceTexts(context)) if (pattern.test(text)) return file;
  return null;
}

const extensionSets = new WeakMap<BuildContext, ReadonlySet<string>>();
function extensionsOf(context: BuildContext): ReadonlySet<string> {
  let set = extensionSets.get(context);
  if (!set) extensionSets.set(context, (set = new Set(context.sourceExtensions ?? [])));
  return set;
}
