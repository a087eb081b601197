/**
 * Why a program that ran as root may need to stay root: calls that write files (profile data:
 * `writeCalls`), a listen address below port 1024 in the code (`listenCalls`, a regex with a
 * `port` group) or an EXPOSEd port below 1024. A runtime image that switches to a non-root user
 * (distroless `:nonroot`) breaks all three when the original ran as root: the WORKDIR and
 * mounted host directories are root-owned, and binding :80 needs the privilege.
 */
import { Type } from '@sinclair/typebox';
import { expandVariables } from '../analyze/instruction-args';
import type { StageFacts } from '../analyze/stage-facts';
import type { BuildContext } from '../context/build-context';
import { sourceTexts } from '../context/source-search';
import { regexString } from '../profiles/settings-schema';

/** The profile `settings` schema of the data below (`rootEvidence:`). */
export const rootEvidenceSchema = Type.Object(
  {
    writeCalls: Type.Array(
      Type.Object(
        { pattern: regexString, what: Type.String({ minLength: 1 }) },
        { additionalProperties: false },
      ),
    ),
    listenCalls: Type.Array(regexString),
    writablePrefixes: Type.Array(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);

export interface RootEvidenceRules {
  /** Source files to read (context-relative path). */
  isSource(file: string): boolean;
  /** Calls that create or change files; `what` names them in messages. */
  writeCalls: readonly { pattern: string; what: string }[];
  /** Listen calls; the named group `port` is the literal port. */
  listenCalls: readonly string[];
  /** Literal first arguments that name always-writable places (`/tmp/`). */
  writablePrefixes: readonly string[];
}

/** Evidence lines ("os.WriteFile in main.go", "EXPOSE 80 (line 4)"), each once. */
export function rootEvidence(context: BuildContext, facts: StageFacts, rules: RootEvidenceRules): string[] {
  const found: string[] = [];
  for (const instruction of facts.metadata.filter((i) => i.keyword === 'EXPOSE')) {
    for (const word of expandVariables(instruction.args, facts.values).split(/\s+/)) {
      const port = Number(/^(\d+)(\/\w+)?$/.exec(word)?.[1]);
      if (port > 0 && port < 1024) found.push(`EXPOSE ${word} (line ${instruction.line + 1})`);
    }
  }
  const writes = rules.writeCalls.map((c) => ({ regex: new RegExp(c.pattern, 'g'), what: c.what }));
  const listens = rules.listenCalls.map((p) => new RegExp(p, 'g'));
  for (const { file, text } of sourceTexts(context, rules.isSource)) {
    const code = withoutComments(text);
    for (const { regex, what } of writes) {
      for (const hit of code.matchAll(regex)) {
        if (toWritablePlace(code, hit, rules.writablePrefixes)) continue;
        found.push(`${what.replace(/\$(\d)/g, (_, n: string) => hit[Number(n)] ?? '')} in ${file}`);
      }
    }
    for (const regex of listens) {
      const low = [...code.matchAll(regex)].find((m) => Number(m.groups?.port) < 1024);
      if (low) found.push(`listens on port ${low.groups?.port} in ${file}`);
    }
  }
  return [...new Set(found)];
}

/** `os.Create("/tmp/x")`: the call's first argument, a literal, names a place every user may write. */
function toWritablePlace(code: string, match: RegExpMatchArray, prefixes: readonly string[]): boolean {
  const open = match[0].indexOf('(');
  if (open === -1) return false;
  const rest = code.slice((match.index ?? 0) + open + 1);
  const literal = /^\s*["`]([^"`]*)/.exec(rest)?.[1];
  return literal !== undefined && prefixes.some((p) => literal.startsWith(p));
}

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:"])\/\/.*$/gm, '$1');
}
