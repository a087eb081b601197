/**
 * Folders a compiled program serves or reads at run time that it names in a known call
 * (`ServeDir::new("site")`, `http.Dir("site")`, `r.Static("/", "public")`): a folder whose name
 * is on no profile's run-time list is still copied when the code names it this way. The calls are
 * profile data (`servedDirCalls`: regular expressions whose first group is the folder).
 */
import { posix as path } from 'path';
import type { BuildContext } from '../context/build-context';
import { sourceTexts } from '../context/source-search';

/** The relative folder names the sources give the calls (`./site/` → `site`), each once, in order found. */
export function servedDirs(
  context: BuildContext,
  isSource: (file: string) => boolean,
  calls: readonly string[],
): string[] {
  if (calls.length === 0) return [];
  const patterns = calls.map((call) => new RegExp(call, 'g'));
  const found = new Set<string>();
  for (const { text } of sourceTexts(context, isSource))
    for (const pattern of patterns)
      for (const match of text.matchAll(pattern)) {
        const name = folderName(match[1] ?? '');
        if (name) found.add(name);
      }
  return [...found];
}

/** A relative folder inside the working directory, or null (`.`, `..`, absolute paths and globs). */
function folderName(literal: string): string | null {
  if (literal.startsWith('/') || /[*?[$]/.test(literal)) return null;
  const name = path.normalize(literal).replace(/\/+$/, '');
  return name === '.' || name === '' || name.startsWith('..') ? null : name;
}
