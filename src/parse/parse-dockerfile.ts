/**
 * Step 1 of the pipeline: parse the Dockerfile text with dockerfile-ast and index every
 * instruction by exact source offsets, so later steps can edit ranges instead of printing
 * the AST back (dockerfile-ast's toString() is a normaliser, not a printer).
 */
import { DockerfileParser, Dockerfile, Instruction, From } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MsbError } from '../errors';
import { joinedArguments } from './joined-arguments';
import { fromImage, FromImage } from './from-image';

const KNOWN_KEYWORDS = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

export interface InstructionNode {
  /** Position in the file's instruction list. */
  index: number;
  /** Upper-case keyword (`run`, `Run` and `RUN` are the same instruction). */
  keyword: string;
  /** Offsets of the instruction's exact text, continuation lines and heredocs included. */
  start: number;
  end: number;
  /** 0-based first and last line. */
  line: number;
  endLine: number;
  /** The exact original text of the instruction. */
  text: string;
  /** Arguments with continuations joined (what Docker sees), without the keyword. */
  args: string;
  /** Index of the stage it belongs to; -1 for ARGs before the first FROM. */
  stage: number;
  node: Instruction;
}

export interface Stage {
  index: number;
  from: InstructionNode;
  /** `AS name`, lower-cased as Docker treats it, or null. */
  name: string | null;
  /** What the FROM line names. */
  image: FromImage;
  instructions: InstructionNode[];
}

export interface ParsedDockerfile {
  file: string;
  /** Text without the BOM. */
  text: string;
  bom: boolean;
  eol: '\n' | '\r\n';
  endsWithNewline: boolean;
  escapeChar: string;
  directives: { name: string; value: string }[];
  instructions: InstructionNode[];
  /** ARG instructions before the first FROM. */
  globalArgs: InstructionNode[];
  stages: Stage[];
  ast: Dockerfile;
  /** Offset of the start of a 0-based line. */
  offsetOfLine(line: number): number;
}

export function parseDockerfile(rawText: string, file = 'Dockerfile'): ParsedDockerfile {
  const bom = rawText.charCodeAt(0) === 0xfeff;
  const text = bom ? rawText.slice(1) : rawText;
  const eol: '\n' | '\r\n' = /\r\n/.test(text) ? '\r\n' : '\n';
  const document = TextDocument.create('file:///Dockerfile', 'dockerfile', 0, text);
  let ast: Dockerfile;
  try {
    ast = DockerfileParser.parse(text);
  } catch (error) {
    throw new MsbError('parse-error', `cannot parse Dockerfile: ${(error as Error).message}`, { file });
  }

  const instructions: InstructionNode[] = [];
  const escapeChar = ast.getEscapeCharacter();
  let stage = -1;
  for (const node of ast.getInstructions()) {
    const range = node.getRange();
    const keyword = node.getKeyword().toUpperCase();
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    if (!KNOWN_KEYWORDS.has(keyword)) {
      throw new MsbError('parse-error', `unknown instruction "${truncate(node.getInstruction(), 40)}"`, {
        file,
        line: range.start.line + 1,
      });
    }
    if (keyword === 'FROM') stage += 1;
    const instructionText = text.slice(start, end);
    instructions.push({
      index: instructions.length,
      keyword,
      start,
      end,
      line: range.start.line,
      endLine: range.end.line,
      text: instructionText,
      args: joinedArguments(instructionText, keyword, escapeChar) ?? node.getArgumentsContent() ?? '',
      stage,
      node,
    });
  }

  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const image = fromImage(instruction.node as From, instruction.text, instruction.args, escapeChar);
      if (!image.name) {
        throw new MsbError('parse-error', 'FROM without an image', { file, line: instruction.line + 1 });
      }
      // Docker accepts `FROM image` or `FROM image AS name` only (a continuation can swallow the next line).
      const words = image.words;
      if (!(words.length === 1 || (words.length === 3 && words[1].toLowerCase() === 'as'))) {
        throw new MsbError(
          'parse-error',
          `FROM takes an image and an optional "AS name", got "${truncate(words.join(' '), 60)}"`,
          { file, line: instruction.line + 1 },
        );
      }
      stages.push({
        index: stages.length,
        from: instruction,
        name: image.stageName?.toLowerCase() ?? null,
        image,
        instructions: [],
      });
    }
    if (instruction.stage >= 0) stages[instruction.stage].instructions.push(instruction);
  }
  if (stages.length === 0) {
    const first = instructions.find((i) => i.keyword !== 'ARG');
    throw new MsbError('not-a-dockerfile', 'no FROM instruction: not a Dockerfile', {
      file,
      line: first ? first.line + 1 : undefined,
    });
  }

  return {
    file,
    text,
    bom,
    eol,
    endsWithNewline: /\n$/.test(text),
    escapeChar,
    directives: ast.getDirectives().map((d) => ({ name: d.getName().toLowerCase(), value: d.getValue() })),
    instructions,
    globalArgs: instructions.filter((i) => i.stage === -1 && i.keyword === 'ARG'),
    stages,
    ast,
    offsetOfLine: (line) => document.offsetAt({ line, character: 0 }),
  };
}

function truncate(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
