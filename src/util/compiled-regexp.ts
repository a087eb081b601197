/**
 * Regular expressions written as strings in profile data (image names, tags, installers…),
 * compiled once per process instead of once per conversion. Bounded like glob-matcher, in case
 * a caller passes patterns that come from user files. Only flags without state: a cached `g` or
 * `y` expression would carry its lastIndex from one caller to the next.
 */
const cache = new Map<string, RegExp>();
const CACHE_LIMIT = 1000;

export function compiledRegExp(pattern: string, flags = ''): RegExp {
  if (/[gy]/.test(flags)) throw new Error(`compiledRegExp: flag "${flags}" keeps state between calls`);
  const key = `${flags}/${pattern}`;
  let regexp = cache.get(key);
  if (!regexp) {
    regexp = new RegExp(pattern, flags);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, regexp);
  }
  return regexp;
}
