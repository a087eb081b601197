/**
 * parseDockerfile reads each instruction's arguments in one pass (src/parse/joined-arguments.ts)
 * instead of dockerfile-ast's getArgumentsContent(); every analysis depends on that string, so
 * the two must agree on every input: the corpus, the examples, and random token soups built to
 * hit continuations, escapes, heredocs, flags, comments and CRLF.
 */
import * as fs from 'fs';
import fc from 'fast-check';
import { corpusAndExampleDockerfiles } from '../helpers/dockerfile-files';
import { DockerfileParser } from 'dockerfile-ast';
import { parseDockerfile } from '../../src/parse/parse-dockerfile';
import { joinedArguments } from '../../src/parse/joined-arguments';

/** Instructions whose joined arguments differ from dockerfile-ast's, as readable lines. */
function disagreements(text: string): string[] {
  const ast = DockerfileParser.parse(text);
  const lines = text.split('\n');
  const offsets: number[] = [];
  lines.reduce((offset, line) => (offsets.push(offset), offset + line.length + 1), 0);
  const found: string[] = [];
  for (const node of ast.getInstructions()) {
    const { start, end } = node.getRange();
    const instructionText = text.slice(
      offsets[start.line] + start.character,
      offsets[end.line] + end.character,
    );
    const ours = joinedArguments(instructionText, node.getKeyword(), ast.getEscapeCharacter());
    const theirs = node.getArgumentsContent() ?? '';
    if (ours !== null && ours !== theirs)
      found.push(`${JSON.stringify(instructionText)}: ${JSON.stringify(ours)} ≠ ${JSON.stringify(theirs)}`);
  }
  return found;
}

it('agrees with dockerfile-ast on every instruction of the corpus and the examples', () => {
  const files = corpusAndExampleDockerfiles();
  expect(files.length).toBeGreaterThan(40);
  const found = files.flatMap((file) =>
    disagreements(fs.readFileSync(file, 'utf8')).map((d) => `${file}: ${d}`),
  );
  expect(found).toEqual([]);
});

const TOKENS = [
  'RUN ',
  'COPY ',
  'FROM ',
  'HEALTHCHECK ',
  'ENV ',
  'CMD',
  ' ',
  'a',
  'b=c',
  '\\',
  '\\',
  '\n',
  '\n',
  '#',
  '--x=1 ',
  '--y',
  '\t',
  '\r\n',
  '<<EOF',
  'EOF',
  '"q r"',
  '[',
  ']',
  'NONE',
  '`',
];
const soup = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }))
  .map(([backtick, tokens]) => `${backtick ? '# escape=`\n' : ''}FROM x\n${tokens.join('')}`);

it('agrees with dockerfile-ast on random continuations, escapes, heredocs, flags and comments', () => {
  fc.assert(
    fc.property(soup, (text) => expect(disagreements(text)).toEqual([])),
    { seed: 4242, numRuns: 20000 },
  );
});

it('takes the fast path for ordinary instructions and leaves the corner cases to dockerfile-ast', () => {
  expect(joinedArguments('RUN apt-get update && \\\n    apt-get install -y gcc', 'RUN', '\\')).toBe(
    'apt-get update &&     apt-get install -y gcc',
  );
  expect(joinedArguments('COPY --from=build --chown=1:1 /app /app', 'COPY', '\\')).toBe('/app /app');
  expect(joinedArguments('HEALTHCHECK --interval=5s CMD curl -f x', 'HEALTHCHECK', '\\')).toBe(
    'CMD curl -f x',
  );
  expect(joinedArguments('RUN <<EOF\nset -e\necho hi\nEOF', 'RUN', '\\')).toBe('<<EOF\nset -e\necho hi\nEOF');
  expect(joinedArguments('RUN a `\n  b', 'RUN', '`')).toBe('a   b');
  // corner cases: a comment inside a continuation, CRLF, an escaped space
  expect(joinedArguments('RUN a \\\n  # note\n  b', 'RUN', '\\')).toBeNull();
  expect(joinedArguments('RUN a \\\r\n  b', 'RUN', '\\')).toBeNull();
  expect(joinedArguments('RUN a\\ b', 'RUN', '\\')).toBeNull();
});

it('parseDockerfile reports the same arguments either way', () => {
  const text = 'FROM python:3.11 AS build\nRUN a \\\n  # note\n  b\nRUN c \\\n  d\nCOPY --from=x a b\n';
  const parsed = parseDockerfile(text);
  const ast = DockerfileParser.parse(text);
  expect(parsed.instructions.map((i) => i.args)).toEqual(
    ast.getInstructions().map((i) => i.getArgumentsContent() ?? ''),
  );
});
