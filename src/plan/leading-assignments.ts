/**
 * The variables a command line sets for its program: `A=1 B="x y" go build`, `env A=1 cargo
 * build` (the words ShellCommand drops before the program), as a builder tool reads them.
 */
export function leadingAssignments(text: string): Map<string, string> {
  const env = new Map<string, string>();
  const pattern = /^\s*(?:env\s+)?([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|[^\s"']*)\s+/;
  let rest = text;
  for (let match = pattern.exec(rest); match; match = pattern.exec(rest)) {
    env.set(match[1], match[2].replace(/^(["'])([\s\S]*)\1$/, '$2'));
    rest = rest.slice(match[0].length).replace(/^env\s+/, '');
  }
  return env;
}
