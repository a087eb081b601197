import { compiledRegExp } from '../../../src/util/compiled-regexp';

describe('compiledRegExp', () => {
  it.each([
    // pattern, flags, text, matches
    ['^python$', '', 'python', true],
    ['^python$', '', 'Python', false],
    ['^python$', 'i', 'Python', true],
    ['^libpq', 'm', 'import x\nlibpq5', true],
    ['^libpq', '', 'import x\nlibpq5', false],
  ])('/%s/%s on %j → %s', (pattern, flags, text, matches) => {
    expect(compiledRegExp(pattern, flags).test(text)).toBe(matches);
  });

  it('compiles a pattern once and keeps patterns with other flags apart', () => {
    expect(compiledRegExp('a+b')).toBe(compiledRegExp('a+b'));
    expect(compiledRegExp('a+b', 'i')).not.toBe(compiledRegExp('a+b'));
  });

  it('refuses flags whose lastIndex would leak from one caller to the next', () => {
    expect(() => compiledRegExp('a', 'g')).toThrow(/keeps state/);
    expect(() => compiledRegExp('a', 'y')).toThrow(/keeps state/);
  });

  it('throws on an invalid pattern, as new RegExp does', () => {
    expect(() => compiledRegExp('(')).toThrow(SyntaxError);
  });
});
