/**
 * Regular expressions written as strings in profile data (image names, tags, installers…),
 * compiled once per process instead of once per conversion. Keyed by the pattern string itself
 * (profile strings keep their hash, a concatenated key would be hashed anew on every call).
 * Bounded like glob-matcher, in case a caller passes patterns that come from user files. Only
 * flags without state: a cached `g` or `y` expression would carry its lastIndex from one caller
 * to the next.
 */
const byFlags = new Map<string, Map<string, RegExp>>();
const CACHE_LIMIT = 1000;

export function compiledRegExp(pattern: string, flags = ''): RegExp {
  let cache = byFlags.get(flags);
  if (!cache) {
    if (/[gy]/.test(flags)) throw new Error(`compiledRegExp: flag "${flags}" keeps state between calls`);
    byFlags.set(flags, (cache = new Map()));
  }
  let regexp = cache.get(pattern);
  if (!regexp) {
    regexp = new RegExp(pattern, flags);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(pattern, regexp);
  }
  return regexp;
}
