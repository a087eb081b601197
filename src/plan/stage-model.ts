/**
 * The stages msb adds, as typed data. Strategies build nodes with the constructors below; the
 * renderer (`render/render-stage.ts`) is the only place that turns them into instruction text.
 * A value msb cannot write as exactly one instruction, a copy of a whole filesystem, or a copy
 * from a stage the plan does not have throws PlanningError, which the planner turns into a skip.
 */
import { CommandForm, isFilesystemRoot } from '../analyze/instruction-args';
import type { InstructionNode } from '../parse/parse-dockerfile';

/** A conversion msb will not make, with the reason for the user; never a crash. */
export class PlanningError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'PlanningError';
  }
}

/**
 * Where a COPY takes files from. Stage names are never written by strategies: the builder's
 * name is a parameter of rendering, and an extra stage is named by the ExtraStage that declares it.
 */
export type StageRef =
  | { readonly kind: 'builder' }
  | { readonly kind: 'stage'; readonly name: string }
  | { readonly kind: 'image'; readonly image: string };

export const BUILDER: StageRef = Object.freeze({ kind: 'builder' });

/** An image to copy from (`COPY --from=ghcr.io/astral-sh/uv /uv /bin/`). */
export function imageRef(image: string): StageRef {
  if (!/^[^\s"'`\\]+$/.test(image))
    throw new PlanningError(`"${image}" is not an image reference msb can write`);
  return { kind: 'image', image };
}

/** How a program runs: an argv (exec form, JSON array) or a script for /bin/sh (shell form). */
export type CommandSpec =
  | { readonly form: 'exec'; readonly argv: readonly string[] }
  | { readonly form: 'shell'; readonly text: string };

/** A command as the analysis read it, as a spec to write. */
export function commandSpec(form: CommandForm): CommandSpec {
  return form.form === 'exec' ? { form: 'exec', argv: form.argv } : { form: 'shell', text: form.script };
}

export interface CopyNode {
  readonly kind: 'copy';
  readonly from: StageRef;
  readonly sources: readonly string[];
  readonly dest: string;
  readonly chown?: string;
  readonly chmod?: string;
}

export type StageNode =
  /** One of the user's instructions, replayed with its original text; `line` (0-based) says which. */
  | { readonly kind: 'original'; readonly text: string; readonly line?: number }
  /** A profile template's output (system packages, nginx config): one instruction, comments allowed. */
  | { readonly kind: 'fragment'; readonly text: string }
  | CopyNode
  | { readonly kind: 'env'; readonly pairs: readonly { readonly name: string; readonly value: string }[] }
  | { readonly kind: 'arg'; readonly name: string; readonly value: string | null }
  /** `written` is the user's WORKDIR argument as written (it may hold `$VAR`), `path` a path msb chose. */
  | { readonly kind: 'workdir'; readonly path: string; readonly written?: boolean }
  | { readonly kind: 'user'; readonly keyword: string; readonly user: string }
  | { readonly kind: 'run'; readonly command: CommandSpec }
  | { readonly kind: 'command'; readonly keyword: string; readonly command: CommandSpec }
  | { readonly kind: 'expose'; readonly port: number };

/** The runtime stage; `templates/runtime-stage.hbs` lays the rendered sections out in this order. */
export interface RuntimeStageModel {
  comment: string[];
  /** The runtime image. */
  from: string;
  args: StageNode[];
  shell: StageNode | null;
  env: StageNode[];
  setup: StageNode[];
  workdir: StageNode | null;
  copies: StageNode[];
  user: StageNode | null;
  metadata: StageNode[];
  command: StageNode[];
}

/** A stage between the builder and the runtime (Node's production-dependency prune). */
export interface ExtraStage {
  name: string;
  from: StageRef;
  /** The template that lays it out; it receives `from`, `name`, the rendered `runs` and `copies`, and `values`. */
  template: string;
  runs: StageNode[];
  copies: StageNode[];
  values: Record<string, unknown>;
}

/** The reference other nodes use to copy from an extra stage. */
export function stageRef(stage: ExtraStage): StageRef {
  return { kind: 'stage', name: stage.name };
}

export function original(instruction: Pick<InstructionNode, 'text' | 'line'> | string): StageNode {
  if (typeof instruction === 'string') return { kind: 'original', text: instruction };
  return { kind: 'original', text: instruction.text, line: instruction.line };
}

export function fragment(text: string): StageNode {
  return { kind: 'fragment', text: text.replace(/\r?\n$/, '') };
}

/** `COPY --from=<from> <sources> <dest>`; a stage's "/" as source is refused: that is the whole toolchain. */
export function copy(
  from: StageRef,
  sources: string | readonly string[],
  dest: string,
  options: { chown?: string | null; chmod?: string | null } = {},
): CopyNode {
  const list = typeof sources === 'string' ? [sources] : [...sources];
  if (list.length === 0) throw new PlanningError('a COPY needs at least one source');
  const root = list.find(isFilesystemRoot);
  if (root !== undefined && from.kind !== 'image') {
    const name = from.kind === 'builder' ? "the builder's" : `the "${from.name}" stage's`;
    throw new PlanningError(
      `the runtime stage would copy ${name} whole filesystem ("${root}"): msb cannot tell what the application needs`,
    );
  }
  return {
    kind: 'copy',
    from,
    sources: list,
    dest,
    ...(options.chown ? { chown: options.chown } : {}),
    ...(options.chmod ? { chmod: options.chmod } : {}),
  };
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function env(pairs: readonly (readonly [string, string])[]): StageNode {
  if (pairs.length === 0) throw new PlanningError('an ENV needs at least one variable');
  for (const [name] of pairs)
    if (!NAME.test(name)) throw new PlanningError(`"${name}" is not a variable name msb can write in ENV`);
  return { kind: 'env', pairs: pairs.map(([name, value]) => ({ name, value })) };
}

export function arg(name: string, value: string | null = null): StageNode {
  if (!NAME.test(name)) throw new PlanningError(`"${name}" is not a variable name msb can write in ARG`);
  return { kind: 'arg', name, value };
}

export function workdir(path: string): StageNode {
  return { kind: 'workdir', path };
}

/** The user's WORKDIR argument as written (`$APP_HOME/src`), to mean the same in the runtime. */
export function writtenWorkdir(text: string): StageNode {
  return { kind: 'workdir', path: text, written: true };
}

export function user(name: string, keyword = 'USER'): StageNode {
  if (!/^[^\s"'`\\]+$/.test(name)) throw new PlanningError(`"${name}" is not a user msb can write in USER`);
  return { kind: 'user', keyword: instructionKeyword(keyword, 'USER'), user: name };
}

function run(command: CommandSpec): StageNode {
  return { kind: 'run', command };
}

export function shellRun(text: string): StageNode {
  return run({ form: 'shell', text });
}

export function containerCommand(keyword: string, command: CommandSpec): StageNode {
  const upper = keyword.toUpperCase();
  if (upper !== 'CMD' && upper !== 'ENTRYPOINT')
    throw new PlanningError(`"${keyword}" is not CMD or ENTRYPOINT`);
  return { kind: 'command', keyword: instructionKeyword(keyword, upper), command };
}

export function expose(port: number): StageNode {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new PlanningError(`${port} is not a port`);
  return { kind: 'expose', port };
}

/** The keyword as the user spelled it (`cmd`, `User`), if it is the expected one. */
function instructionKeyword(keyword: string, expected: string): string {
  if (keyword.toUpperCase() !== expected) throw new PlanningError(`"${keyword}" is not ${expected}`);
  return keyword;
}

/** `wanted`, or `wanted-2`, `wanted-3`... when a stage or image already has that name. */
export function uniqueName(wanted: string, taken: readonly string[]): string {
  let name = wanted;
  for (let n = 2; taken.includes(name); n++) name = `${wanted}-${n}`;
  return name;
}
