/**
 * The groups of each gem a Gemfile declares: `group :development, :test do ... end` blocks and
 * `group:` / `groups:` options on a `gem` line. Gems outside any group are in `default`. The
 * Gemfile is Ruby code; conditionals and loops are read as if every branch ran.
 */

export function gemGroups(gemfile: string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  const stack: (string[] | null)[] = [];
  for (const raw of gemfile.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const block = /^group\s*\(?\s*((?::\w+|["']\w+["'])(?:\s*,\s*(?::\w+|["']\w+["']))*).*\bdo\b/.exec(line);
    if (block) {
      stack.push(symbols(block[1]));
      continue;
    }
    if (/\bdo(\s*\|[^|]*\|)?\s*$/.test(line) || /^(if|unless|case|begin|while|until)\b/.test(line)) {
      stack.push(null);
      continue;
    }
    if (/^end\b/.test(line)) {
      stack.pop();
      continue;
    }
    const gem = /^gem\s*\(?\s*["']([^"']+)["']/.exec(line);
    if (!gem) continue;
    const inline = /\bgroups?\s*(?::|=>)\s*\[?([^\]]*?)\]?\s*(?:,\s*\w+\s*(?::|=>)|$)/.exec(line);
    const enclosing = stack.filter((g): g is string[] => g !== null).flat();
    const own = inline ? symbols(inline[1]) : [];
    const all = [...enclosing, ...own];
    groups.set(gem[1], [...new Set([...(groups.get(gem[1]) ?? []), ...(all.length ? all : ['default'])])]);
  }
  return groups;
}

function symbols(text: string): string[] {
  return [...text.matchAll(/:(\w+)|["'](\w+)["']/g)].map((m) => m[1] ?? m[2]);
}
