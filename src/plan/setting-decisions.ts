/**
 * What became of each of the user's run-time settings (ENV, ARG, WORKDIR, USER, SHELL, EXPOSE, LABEL,
 * HEALTHCHECK, VOLUME, STOPSIGNAL, ONBUILD, MAINTAINER, ENTRYPOINT, CMD), read off the typed runtime
 * stage rather than its text: kept as written (an `original` node carries the instruction's line),
 * rewritten (the slot holds msb's own node), in the builder only (an ARG no runtime line uses, a
 * setting a later one overrides) or dropped. The strategy's own decisions about a rewritten or
 * dropped keyword become the reason. For `--explain` and the `decisions` of every result.
 */
import { variableReferences } from '../analyze/instruction-args';
import type { StageFacts } from '../analyze/stage-facts';
import type { InstructionNode } from '../parse/parse-dockerfile';
import type { RuntimeStageLines } from '../render/render-stage';
import type { Decision } from './plan-types';
import type { RuntimeStageModel, StageNode } from './stage-model';

const METADATA = ['EXPOSE', 'LABEL', 'HEALTHCHECK', 'VOLUME', 'STOPSIGNAL', 'ONBUILD', 'MAINTAINER'];
const SETTINGS = new Set(['ENV', 'ARG', 'WORKDIR', 'USER', 'SHELL', 'ENTRYPOINT', 'CMD', ...METADATA]);

export interface SettingsInput {
  facts: StageFacts;
  model: RuntimeStageModel;
  lines: RuntimeStageLines;
  /** Texts of the ARG instructions the core declares again in the runtime stage. */
  redeclaredArgs: readonly string[];
  /** ARGs before the first FROM: they stay where they are and serve every FROM line. */
  globalArgs: readonly InstructionNode[];
  /** The strategy's decisions: those about a rewritten or dropped keyword are folded into its line. */
  decisions: readonly Decision[];
}

/** The strategy's decisions, with one decision per run-time setting of the user's stage. */
export function withSettingDecisions(input: SettingsInput): Decision[] {
  const { facts, model } = input;
  const keptLines = new Set(
    allNodes(model).flatMap((n) => (n.kind === 'original' && n.line !== undefined ? [n.line] : [])),
  );
  const folded = new Set<Decision>();
  const settings: Decision[] = input.globalArgs.map((arg) => {
    const name = argName(arg);
    const used = variableReferences(`FROM ${model.from}`).includes(name);
    return {
      subject: `ARG (line ${arg.line + 1})`,
      placement: used ? 'both' : 'builder',
      why: `before the first FROM, where every FROM line sees it${used ? ": the runtime stage's FROM uses it too" : ''}`,
    };
  });
  for (const instruction of facts.stage.instructions) {
    if (!SETTINGS.has(instruction.keyword)) continue;
    const subject = `${instruction.keyword} (line ${instruction.line + 1})`;
    if (keptLines.has(instruction.line)) {
      settings.push({ subject, placement: 'both', why: 'kept in the runtime stage as written' });
      continue;
    }
    const outcome = settingOutcome(instruction, input);
    if (outcome.placement === 'runtime' || outcome.placement === 'dropped') {
      const reasons = input.decisions.filter((d) => keywordOf(d.subject) === instruction.keyword);
      reasons.forEach((d) => folded.add(d));
      if (reasons.length) outcome.why += `: ${reasons.map((d) => d.why).join('; ')}`;
    }
    settings.push({ subject, ...outcome });
  }
  return [...input.decisions.filter((d) => !folded.has(d)), ...settings];
}

function settingOutcome(instruction: InstructionNode, input: SettingsInput): Omit<Decision, 'subject'> {
  const { facts, model, lines } = input;
  const keyword = instruction.keyword;
  if (keyword === 'ARG') {
    const name = argName(instruction);
    return input.redeclaredArgs.includes(instruction.text)
      ? {
          placement: 'both',
          why: `declared again in the runtime stage, whose lines use $${name} (ARG scope ends at FROM)`,
        }
      : {
          placement: 'builder',
          why: `only the build uses it: no line of the runtime stage refers to $${name}`,
        };
  }
  const final = finalInstruction(keyword, facts);
  if (final && final !== instruction)
    return {
      placement: 'builder',
      why: `the later ${keyword} (line ${final.line + 1}) is the one the image runs with; this one applies to the build only`,
    };
  if (keyword === 'WORKDIR' && model.workdir?.kind === 'workdir' && model.workdir.written) {
    const same = lines.workdir === instruction.text;
    return {
      placement: 'both',
      why: `kept in the runtime stage${same ? ' as written' : ` as ${lines.workdir}, the same folder`}`,
    };
  }
  const replacement = replacementFor(keyword, model, lines);
  if (replacement.length)
    return { placement: 'runtime', why: `rewritten in the runtime stage as ${replacement.join(' + ')}` };
  return { placement: 'dropped', why: 'not in the runtime stage' };
}

/** The final instruction of a one-per-image setting, or null for ENV, ARG and metadata (each counts). */
function finalInstruction(keyword: string, facts: StageFacts): InstructionNode | null {
  if (keyword === 'USER') return facts.userInstruction;
  if (keyword === 'SHELL') return facts.shell;
  if (keyword === 'CMD') return facts.cmd;
  if (keyword === 'ENTRYPOINT') return facts.entrypoint;
  if (keyword === 'WORKDIR')
    return facts.stage.instructions.filter((i) => i.keyword === 'WORKDIR').pop() ?? null;
  return null;
}

/**
 * msb's own lines in this setting's place, as written out. ENV has none: the ENV lines msb adds (a
 * virtual environment's PATH) come on top of the user's, they do not stand for one.
 */
function replacementFor(keyword: string, model: RuntimeStageModel, lines: RuntimeStageLines): string[] {
  // Each rendered section lines up with its nodes, one text per node.
  const fresh = (nodes: readonly StageNode[], texts: readonly string[]) =>
    texts.filter((_, i) => nodes[i].kind !== 'original');
  const slot = (node: StageNode | null, text: string | null) =>
    node && node.kind !== 'original' && text !== null ? [text] : [];
  switch (keyword) {
    case 'WORKDIR':
      return slot(model.workdir, lines.workdir);
    case 'USER':
      return slot(model.user, lines.user);
    case 'SHELL':
      return slot(model.shell, lines.shell);
    case 'CMD':
    case 'ENTRYPOINT':
      return fresh(model.command, lines.command);
    case 'ENV':
      return [];
    default:
      return fresh(model.metadata, lines.metadata).filter((t) => keywordOf(t) === keyword);
  }
}

function allNodes(model: RuntimeStageModel): StageNode[] {
  const one = (n: StageNode | null) => (n ? [n] : []);
  return [
    ...model.args,
    ...one(model.shell),
    ...model.env,
    ...model.setup,
    ...one(model.workdir),
    ...model.copies,
    ...one(model.user),
    ...model.metadata,
    ...model.command,
  ];
}

function argName(arg: InstructionNode): string {
  return arg.args.split('=')[0].trim();
}

function keywordOf(text: string): string {
  return /^\s*([A-Za-z]+)/.exec(text)?.[1].toUpperCase() ?? '';
}
