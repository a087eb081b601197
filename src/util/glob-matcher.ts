/**
 * Compiled glob matchers, memoised: profiles ask every build context for the same few dozen
 * patterns, and compiling them per Dockerfile was ~10% of a codemod run. A list of patterns
 * (profile data) is memoised by the array itself: joining a few hundred package globs into a
 * key on every call cost more than matching. Bounded, because patterns can also come from user
 * files (e.g. COPY sources).
 *
 * The matcher is picomatch's own test without its per-call result objects: a path matches when it
 * equals a pattern or one of picomatch's regular expressions (POSIX paths, no basename matching).
 */
import picomatch from 'picomatch';

type Matcher = (file: string) => boolean;

const cache = new Map<string, Matcher>();
const byList = new WeakMap<readonly string[], { dot?: Matcher; plain?: Matcher }>();
const CACHE_LIMIT = 1000;

export function globMatcher(patterns: string | readonly string[], options: { dot?: boolean } = {}): Matcher {
  const dot = options.dot ?? false;
  if (typeof patterns !== 'string') {
    let lists = byList.get(patterns);
    if (!lists) byList.set(patterns, (lists = {}));
    return dot ? (lists.dot ??= compile(patterns, dot)) : (lists.plain ??= compile(patterns, dot));
  }
  // One pattern (a build context's glob, per rule and Dockerfile) is its own key: no string to build and hash.
  const key = dot ? patterns : `\0${patterns}`;
  let matcher = cache.get(key);
  if (!matcher) {
    matcher = compile([patterns], dot);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, matcher);
  }
  return matcher;
}

function compile(patterns: readonly string[], dot: boolean): Matcher {
  if (patterns.length === 0) return () => false;
  const exact = new Set(patterns);
  const regexps = patterns.map((p) => picomatch.makeRe(p, { dot }));
  // One expression for the whole list: each of picomatch's is anchored, so alternatives cannot overlap.
  const any = regexps.length === 1 ? regexps[0] : new RegExp(regexps.map((r) => `(?:${r.source})`).join('|'));
  return (file) => file !== '' && (exact.has(file) || any.test(file));
}
