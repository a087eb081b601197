/**
 * Compiled glob matchers, memoised: profiles ask every build context for the same few dozen
 * patterns, and compiling them per Dockerfile was ~10% of a codemod run. Bounded, because
 * patterns can also come from user files (e.g. COPY sources).
 */
import picomatch from 'picomatch';

const cache = new Map<string, (file: string) => boolean>();
const CACHE_LIMIT = 1000;

export function globMatcher(
  patterns: string | readonly string[],
  options: { dot?: boolean } = {},
): (file: string) => boolean {
  // One pattern (a build context's glob, per rule and Dockerfile) is its own key: no string to build and hash.
  const key =
    typeof patterns === 'string'
      ? options.dot
        ? patterns
        : `\0${patterns}`
      : `${options.dot ? '' : '\0'}${patterns.join('\0')}\0`;
  let matcher = cache.get(key);
  if (!matcher) {
    matcher = picomatch(typeof patterns === 'string' ? [patterns] : [...patterns], {
      dot: options.dot ?? false,
    });
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, matcher);
  }
  return matcher;
}
