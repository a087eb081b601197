/**
 * The container command (ENTRYPOINT/CMD) as data the strategies can rewrite: which program
 * runs, whether it needs a shell, and the instruction text after a path changed. Runtime lines
 * are new text, so rewriting them is allowed; the builder's lines are never touched.
 */
import { commandForm, CommandForm } from '../analyze/instruction-args';
import { splitShellCommands } from '../analyze/shell-commands';
import type { StageFacts } from '../analyze/stage-facts';
import type { InstructionNode } from '../parse/parse-dockerfile';

/** An ENTRYPOINT or CMD with its keyword as written and its form. */
export interface CommandLine {
  keyword: string;
  instruction: InstructionNode;
  form: CommandForm;
  /** The form no longer says what the instruction text says (a strategy changed it). */
  rewritten?: boolean;
}

/** ENTRYPOINT and CMD of the stage, in file order (a CMD before a later ENTRYPOINT is already gone). */
export function commandLines(facts: StageFacts): CommandLine[] {
  return [facts.entrypoint, facts.cmd]
    .filter((i): i is InstructionNode => i !== null)
    .sort((a, b) => a.index - b.index)
    .map((instruction) => ({ instruction, ...splitInstruction(instruction.text) }));
}

/** Shell syntax a plain exec-form array cannot express. */
const SHELL_SYNTAX = /[$`|&;<>(){}*?[\]~#\n\\]|^\s*[A-Za-z_][A-Za-z0-9_]*=/;

/** `CMD ["a", "b"]` in the keyword's original spelling. */
export function execFormText(keyword: string, argv: readonly string[]): string {
  return `${keyword} [${argv.map((a) => JSON.stringify(a)).join(', ')}]`;
}

/** The keyword as written (`CMD`, `cmd`) and the command form of an ENTRYPOINT/CMD/HEALTHCHECK text. */
export function splitInstruction(text: string): { keyword: string; form: CommandForm } {
  const match = /^(\s*\S+)\s+([\s\S]*)$/.exec(text);
  if (!match) return { keyword: text.trim(), form: { form: 'exec', argv: [] } };
  return { keyword: match[1].trim(), form: commandForm(match[2].replace(/\\\r?\n/g, '')) };
}

/** The argv a simple shell-form command means, or null when it relies on shell syntax. */
export function simpleShellArgv(script: string): string[] | null {
  if (SHELL_SYNTAX.test(script.trim())) return null;
  const commands = splitShellCommands(script);
  if (commands.length !== 1) return null;
  return commands[0].words;
}

/** `sh -c "script"` / `/bin/bash -c script` in exec form: the script, else null. */
export function shellWrapperScript(argv: readonly string[]): string | null {
  return /^(\/usr)?(\/bin\/)?(ba|da|a)?sh$/.test(argv[0] ?? '') && argv[1] === '-c' && argv[2] !== undefined ? argv[2] : null;
}

/** True when running the command needs /bin/sh in the image. */
export function needsShell(form: CommandForm): boolean {
  if (form.form === 'shell') return true;
  return shellWrapperScript(form.argv) !== null || /\.(sh|bash)$/.test(form.argv[0] ?? '');
}

/** Replaces whole words equal to `from` in a shell script (paths, not substrings of other paths). */
export function replaceShellWord(script: string, from: string, to: string): string {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return script.replace(new RegExp(`(^|[\\s="'])${escaped}(?=$|[\\s"';&|)])`, 'g'), (_whole, before: string) => before + to);
}
