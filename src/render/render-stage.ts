/**
 * The one place where the stages msb adds become instruction text: every value is quoted here
 * (JSON arrays for exec form, double quotes with the file's escape character for words), and a
 * value that cannot be written as part of exactly one instruction throws PlanningError. The
 * Handlebars templates then only lay the rendered lines out. The planner still re-parses the
 * output and counts the instructions: a second line of defence, not the first.
 */
import type { BuilderInsertion } from '../plan/plan-types';
import type {
  CommandSpec,
  CopyNode,
  ExtraStage,
  RuntimeStageModel,
  StageNode,
  StageRef,
} from '../plan/stage-model';
import { PlanningError } from '../plan/stage-model';
import type { TemplateRenderer } from './templates';

/**
 * Values from the user's file (paths, names, commands) end up inside generated lines: a line
 * break, heredoc marker or trailing escape character among them would smuggle in instructions.
 */
export const INJECTED_VALUE_REASON =
  'a value taken from the Dockerfile (a path, name or command with a line break, heredoc marker or trailing escape character) would change the meaning of the generated stage';

export interface RenderContext {
  /** The builder stage's name, as the file has it or as msb names it. */
  builder: string;
  /** Names of the extra stages the plan declares. */
  stages: readonly string[];
  /** The file's `# escape=` character. */
  escapeChar: string;
}

/** Each section of the runtime stage as instruction texts, the order the template lays them out in. */
export interface RuntimeStageLines {
  comment: string[];
  from: string;
  args: string[];
  shell: string | null;
  env: string[];
  setup: string[];
  workdir: string | null;
  copies: string[];
  user: string | null;
  metadata: string[];
  command: string[];
}

export function renderRuntimeLines(model: RuntimeStageModel, context: RenderContext): RuntimeStageLines {
  const nodes = (list: readonly StageNode[]) => list.map((n) => renderNode(n, context));
  const optional = (node: StageNode | null) => (node === null ? null : renderNode(node, context));
  for (const line of model.comment) oneLine(line);
  if (!/^\S+$/.test(model.from))
    throw new PlanningError(`"${model.from}" is not an image msb can write in FROM`);
  return {
    comment: model.comment,
    from: model.from,
    args: nodes(model.args),
    shell: optional(model.shell),
    env: nodes(model.env),
    setup: nodes(model.setup),
    workdir: optional(model.workdir),
    copies: nodes(model.copies),
    user: optional(model.user),
    metadata: nodes(model.metadata),
    command: nodes(model.command),
  };
}

/** Every instruction of the rendered stage except its FROM, in layout order. */
export function runtimeInstructionTexts(lines: RuntimeStageLines): string[] {
  return [
    ...lines.args,
    lines.shell,
    ...lines.env,
    ...lines.setup,
    lines.workdir,
    ...lines.copies,
    lines.user,
    ...lines.metadata,
    ...lines.command,
  ].filter((t): t is string => t !== null);
}

export function renderExtraStage(
  stage: ExtraStage,
  context: RenderContext,
  templates: TemplateRenderer,
): string {
  return templates.render(stage.template, {
    ...stage.values,
    from: stageName(stage.from, context),
    name: stage.name,
    runs: stage.runs.map((n) => renderNode(n, context)),
    copies: stage.copies.map((n) => renderNode(n, context)),
  });
}

/** The lines a builder insertion adds: its values one line each, its instructions quoted. */
export function renderInsertion(
  insertion: BuilderInsertion,
  context: RenderContext,
  templates: TemplateRenderer,
): string {
  for (const value of Object.values(insertion.values)) if (typeof value === 'string') oneLine(value);
  return templates.render(insertion.template, {
    ...insertion.values,
    instructions: insertion.instructions.map((n) => renderNode(n, context)),
  });
}

export function renderNode(node: StageNode, context: RenderContext): string {
  const esc = context.escapeChar;
  switch (node.kind) {
    case 'original':
    case 'fragment':
      return node.text;
    case 'copy':
      return renderCopy(node, context);
    case 'env':
      return endOfLine(`ENV ${node.pairs.map((p) => `${p.name}=${word(p.value, esc)}`).join(' ')}`, esc);
    case 'arg':
      return endOfLine(
        node.value === null ? `ARG ${node.name}` : `ARG ${node.name}=${word(node.value, esc)}`,
        esc,
      );
    case 'workdir':
      return endOfLine(`WORKDIR ${node.written ? oneLine(node.path) : word(node.path, esc)}`, esc);
    case 'user':
      return `${node.keyword} ${node.user}`;
    case 'run':
      return renderCommand('RUN', node.command, esc);
    case 'command':
      return renderCommand(node.keyword, node.command, esc);
    case 'expose':
      return `EXPOSE ${node.port}`;
  }
}

/** `COPY --from=x a b`, or the JSON form when a path has whitespace or ends with the escape character. */
function renderCopy(node: CopyNode, context: RenderContext): string {
  const esc = context.escapeChar;
  const flags = [`--from=${stageName(node.from, context)}`];
  if (node.chown) flags.push(`--chown=${flag(node.chown, 'chown')}`);
  if (node.chmod) flags.push(`--chmod=${flag(node.chmod, 'chmod')}`);
  // Docker reads quotes in COPY paths as shell quoting, and msb's own readers (lint, verify) would not: refused.
  const quoted = [...node.sources, node.dest].find((p) => /["']/.test(p));
  if (quoted !== undefined)
    throw new PlanningError(
      `the path ${oneLine(quoted)} holds a quote, which Docker reads as shell quoting: msb cannot copy it as written`,
    );
  const paths = [...node.sources, node.dest].map((p) => escapeWord(oneLine(p), esc));
  const json = paths.some((p) => /\s/.test(p) || p.endsWith(esc));
  return `COPY ${flags.join(' ')} ${json ? JSON.stringify(paths) : paths.join(' ')}`;
}

function stageName(ref: StageRef, context: RenderContext): string {
  switch (ref.kind) {
    case 'builder':
      return context.builder;
    case 'image':
      return ref.image;
    case 'stage':
      if (!context.stages.includes(ref.name))
        throw new PlanningError(`a COPY names the stage "${ref.name}", which the plan does not add`);
      return ref.name;
  }
}

/** Exec form is a JSON array (its escapes are JSON's, one line whatever the values); shell form is checked. */
function renderCommand(keyword: string, command: CommandSpec, esc: string): string {
  if (command.form === 'exec') return `${keyword} [${command.argv.map((a) => JSON.stringify(a)).join(', ')}]`;
  return `${keyword} ${shellText(command.text, esc)}`;
}

const HEREDOC = /(^|[^<])<<(?!<)-?\s*["']?[A-Za-z_]/;

/**
 * A script stays one instruction when each line break is a continuation (escape character
 * first), it does not end with the escape character, opens no heredoc, and is not a JSON array
 * Docker would read as exec form.
 */
function shellText(text: string, esc: string): string {
  const breaks = text.split(/\r?\n/);
  const continued = breaks.slice(0, -1).every((line) => line.trimEnd().endsWith(esc));
  if (!continued || /\r(?!\n)/.test(text) || HEREDOC.test(text) || text.trim() === '')
    throw new PlanningError(INJECTED_VALUE_REASON);
  if (text.trimStart().startsWith('[') && isJsonArray(text)) throw new PlanningError(INJECTED_VALUE_REASON);
  return endOfLine(text, esc);
}

function isJsonArray(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

/** A word as Docker reads it: `$VAR` still expands, quotes and the escape character are literal. */
function word(value: string, esc: string): string {
  const escaped = escapeWord(oneLine(value), esc);
  return value === '' || /[\s$]/.test(value) || escaped !== value ? `"${escaped}"` : value;
}

/** Quotes and the escape character themselves, escaped with the file's escape character. */
function escapeWord(value: string, esc: string): string {
  return [...value].map((c) => (c === '"' || c === "'" || c === esc ? esc + c : c)).join('');
}

function flag(value: string, name: string): string {
  if (!/^[^\s"'`\\]+$/.test(value))
    throw new PlanningError(`"${oneLine(value)}" is not a --${name} value msb can write`);
  return value;
}

function oneLine(value: string): string {
  if (/[\r\n\0]/.test(value)) throw new PlanningError(INJECTED_VALUE_REASON);
  return value;
}

/** A line ending with the escape character would continue into the next instruction. */
function endOfLine(line: string, esc: string): string {
  if (line.trimEnd().endsWith(esc)) throw new PlanningError(INJECTED_VALUE_REASON);
  return line;
}
