/**
 * Building blocks every language strategy uses for its runtime stage: what the original
 * final image meant at run time (ENV, WORKDIR, USER, EXPOSE, LABEL, HEALTHCHECK, CMD...),
 * the users it created, and the application files it held, copied from the builder.
 */
import { posix as path } from 'path';
import type { Env } from 'dockerfile-ast';
import type { CopyFacts, RunFacts, StageFacts } from '../analyze/stage-facts';
import { programName } from '../analyze/shell-commands';
import { containerCommand, formCommands, healthchecks } from '../analyze/container-command';
import { isUserProgram } from '../analyze/programs';
import { variableReferences } from '../analyze/instruction-args';
import type { Decision } from './plan-types';
import type { BuildContext } from '../context/build-context';
import {
  copy,
  original,
  RuntimeStageModel,
  shellRun,
  StageNode,
  StageRef,
  writtenWorkdir,
} from './stage-model';

const FILESYSTEM_COMMANDS = new Set(['mkdir', 'chown', 'chmod', 'chgrp', 'touch', 'ln', 'true', 'set']);

/** The runtime stage with the original's run-time instructions, verbatim and in order. */
export function baseRuntimeModel(facts: StageFacts, from: string, comment: string[]): RuntimeStageModel {
  const command = [facts.entrypoint, facts.cmd]
    .filter((i): i is NonNullable<typeof i> => i !== null)
    .sort((a, b) => a.index - b.index)
    .map(original);
  return {
    comment,
    from,
    args: [],
    shell: facts.shell ? original(facts.shell) : null,
    env: facts.envs.map(original),
    setup: [],
    workdir: facts.workdirText !== null ? writtenWorkdir(facts.workdirText) : null,
    copies: [],
    user: facts.userInstruction ? original(facts.userInstruction) : null,
    metadata: facts.metadata.map(original),
    command,
  };
}

/**
 * The original's ENV instructions, without those that set only build variables (a profile's
 * `buildOnlyEnv`, e.g. Go's CGO_ENABLED): they mean nothing to the artifact at run time — and msb's
 * own builder line would otherwise reach the runtime when its output is converted again.
 */
export function runtimeEnv(
  facts: StageFacts,
  buildOnly: readonly string[],
): { env: StageNode[]; decisions: Decision[] } {
  const env: StageNode[] = [];
  const decisions: Decision[] = [];
  for (const instruction of facts.envs) {
    const names = (instruction.node as Env).getProperties().map((p) => p.getName());
    if (names.length > 0 && names.every((n) => buildOnly.includes(n)))
      decisions.push({
        subject: `ENV (line ${instruction.line + 1})`,
        placement: 'builder',
        why: `${names.join(', ')} only steer${names.length === 1 ? 's' : ''} the build`,
      });
    else env.push(original(instruction));
  }
  return { env, decisions };
}

/**
 * The runtime template lays setup RUNs out before WORKDIR and the copies. A replayed RUN that the
 * original ran after its WORKDIR may need that folder (`chown -R app /app` fails on an image
 * without /app), and one that ran after the original's COPY acts on the copied files: such RUNs move
 * after the runtime's WORKDIR — and after its copies when they create no user (a `COPY --chown`
 * may name the user a RUN creates, so user-creating RUNs stay before the copies).
 */
export function keepReplayedOrder(model: RuntimeStageModel, facts: StageFacts): void {
  const instructions = facts.stage.instructions;
  const workdir = instructions.find((i) => i.keyword === 'WORKDIR');
  if (!workdir || model.workdir === null) return;
  const afterWorkdir: StageNode[] = [];
  const afterCopies: StageNode[] = [];
  model.setup = model.setup.filter((node) => {
    if (node.kind !== 'original') return true;
    const run = facts.runs.find((r) => r.instruction.text === node.text);
    if (!run || run.instruction.index < workdir.index) return true;
    const createsUsers = run.commands.some((c) => isUserProgram(programName(c)));
    const afterCopy = facts.copies.some(
      (c) => c.spec.from === null && c.instruction.index < run.instruction.index,
    );
    (afterCopy && !createsUsers ? afterCopies : afterWorkdir).push(node);
    return false;
  });
  // RUNs a strategy already placed after the copies keep the original's order with the moved ones.
  const indexOf = (node: StageNode) =>
    node.kind === 'original'
      ? facts.runs.find((r) => r.instruction.text === node.text)?.instruction.index
      : undefined;
  let tail = model.copies.length;
  while (tail > 0 && indexOf(model.copies[tail - 1]) !== undefined) tail--;
  const trailing = [...model.copies.slice(tail), ...afterCopies].sort(
    (a, b) => (indexOf(a) ?? 0) - (indexOf(b) ?? 0),
  );
  model.copies = [...afterWorkdir, ...model.copies.slice(0, tail), ...trailing];
}

/**
 * A replayed RUN that only chowns files a runtime COPY already gives that owner (`RUN chown -R
 * www-data /var/www/html` after `COPY --from=builder --chown=www-data /var/www/html`) would store
 * every file again in a layer of its own. It becomes a chown of the copied folders themselves (a
 * folder that existed before the COPY, as WORKDIR makes it, keeps its owner), or goes when it
 * names only paths inside them. Its decisions replace the RUN's.
 */
export function dropCoveredChowns(model: RuntimeStageModel, facts: StageFacts): Decision[] {
  const owned = model.copies.flatMap((n) =>
    n.kind === 'copy' && n.chown && n.from.kind !== 'image'
      ? [{ dest: n.dest.replace(/(.)\/$/, '$1'), owner: n.chown }]
      : [],
  );
  const decisions: Decision[] = [];
  /** The owner and the copied folders the RUN's chowns name, when a COPY --chown covers every path. */
  const covered = (run: RunFacts): { owner: string; folders: string[] } | undefined => {
    const owners = new Set<string>();
    const folders: string[] = [];
    for (const command of run.commands) {
      if (programName(command) !== 'chown') return undefined;
      const [owner, ...targets] = command.words.slice(1).filter((w) => !w.startsWith('-'));
      const paths = targets.map((t) => path.resolve(run.workdir, expandWord(t, facts.values)));
      if (!owner || paths.length === 0 || paths.some((p) => p.includes('$'))) return undefined;
      const copies = paths.map((p) => owned.find((o) => o.owner === owner && isWithin(p, o.dest)));
      if (copies.some((c) => c === undefined)) return undefined;
      owners.add(owner);
      folders.push(...paths.filter((p) => copies.some((c) => c?.dest === p)));
    }
    const [owner] = owners;
    return owners.size === 1 ? { owner, folders: [...new Set(folders)] } : undefined;
  };
  const replace = (node: StageNode): StageNode[] => {
    const run =
      node.kind === 'original' ? facts.runs.find((r) => r.instruction.text === node.text) : undefined;
    const chowned = run && covered(run);
    if (!run || !chowned) return [node];
    const { owner, folders } = chowned;
    const text = `chown ${owner} ${folders.join(' ')}`;
    decisions.push({
      subject: `RUN (line ${run.instruction.line + 1})`,
      placement: folders.length > 0 ? 'runtime' : 'builder',
      why:
        `the runtime's COPY --chown=${owner} already gives the copied files that owner` +
        (folders.length > 0
          ? `: the runtime runs "${text}" for the folders themselves instead of chowning every file a second time`
          : `: replaying the chown would store them a second time`),
    });
    return folders.length > 0 ? [shellRun(text)] : [];
  };
  model.setup = model.setup.flatMap(replace);
  model.copies = model.copies.flatMap(replace);
  return decisions;
}

/** `$NAME` / `${NAME}` replaced by the stage's known values (unknown ones left as written). */
export function expandWord(word: string, values: ReadonlyMap<string, string>): string {
  return word.replace(/\$\{?(\w+)\}?/g, (match, name: string) => values.get(name) ?? match);
}

/** A RUN that only creates users, groups or directories (and sets their owners): replayed whole. */
export function isSetupRun(run: RunFacts): boolean {
  const programs = run.commands.map(programName);
  return (
    programs.length > 0 &&
    programs.every((p) => isUserProgram(p) || FILESYSTEM_COMMANDS.has(p) || p === 'echo') &&
    programs.some((p) => isUserProgram(p) || p === 'mkdir' || p === 'chown')
  );
}

/** RUNs that only create users, groups and directories are replayed: /etc/passwd is not copied. */
export function userSetupRuns(facts: StageFacts): {
  runs: StageNode[];
  words: string[];
  decisions: Decision[];
} {
  const runs: StageNode[] = [];
  /** Every word of the replayed commands, for the programs the runtime needs. */
  const words: string[] = [];
  const decisions: Decision[] = [];
  for (const run of facts.runs) {
    const programs = run.commands.map(programName);
    if (programs.length === 0) continue;
    const createsUsers = programs.some((p) => isUserProgram(p));
    if (isSetupRun(run)) {
      runs.push(original(run.instruction));
      words.push(...run.instruction.text.split(/[\s;&|]+/));
      decisions.push({
        subject: `RUN (line ${run.instruction.line + 1})`,
        placement: 'both',
        why: 'creates users or directories the running app relies on',
      });
    } else if (createsUsers) {
      const userCommands = run.commands.filter((c) => isUserProgram(programName(c))).map((c) => c.text);
      runs.push(shellRun(userCommands.join(' && ')));
      words.push('RUN', ...userCommands.join(' && ').split(/[\s;&|]+/));
      decisions.push({
        subject: `RUN (line ${run.instruction.line + 1})`,
        placement: 'both',
        why: `its user/group commands are replayed in the runtime: ${userCommands.join(' && ')}`,
      });
    }
  }
  return { runs, words, decisions };
}

export interface AppFiles {
  copies: StageNode[];
  decisions: Decision[];
  /** Set when the files cannot be told apart from the system's (e.g. `COPY . /`). */
  problem?: string;
}

/**
 * The application files the original final image held: the WORKDIR (with whatever the build
 * produced there) and every COPY/ADD destination outside it, copied from the builder so that
 * build results and permissions come along. `COPY --from=<image>` lines are replayed.
 */
export function applicationFileCopies(
  facts: StageFacts,
  from: StageRef,
  exclude: (dest: string) => boolean = () => false,
  context?: BuildContext,
): AppFiles {
  const result: AppFiles = { copies: [], decisions: [] };
  const workdir = facts.workdir;
  const hasWorkdir = workdir !== '/';
  const paths: { path: string; chown: string | null; chmod: string | null }[] = [];
  const add = (p: string, chown: string | null, chmod: string | null) => {
    if (exclude(p)) return;
    if (paths.some((existing) => isWithin(p, existing.path))) return;
    for (let i = paths.length - 1; i >= 0; i--) if (isWithin(paths[i].path, p)) paths.splice(i, 1);
    paths.push({ path: p, chown, chmod });
  };

  let workdirUsed = false;
  for (const copy of facts.copies) {
    const subject = `${copy.instruction.keyword} (line ${copy.instruction.line + 1})`;
    if (copy.spec.from !== null) {
      result.copies.push(original(copy.instruction));
      result.decisions.push({
        subject,
        placement: 'both',
        why: `copies from the image ${copy.spec.from}, replayed as written`,
      });
      continue;
    }
    const dest = copy.dest.replace(/\/$/, '') || '/';
    if (hasWorkdir && isWithin(dest, workdir)) {
      workdirUsed = true;
      continue;
    }
    const targets = copyTargets(copy, context);
    if (targets === null || targets.includes('/')) {
      result.problem = `${subject} copies the build context into "/" (no WORKDIR), so application files cannot be told apart from the system's`;
      return result;
    }
    for (const target of targets) add(target, copy.spec.chown, copy.spec.chmod);
    result.decisions.push({
      subject,
      placement: 'builder',
      why: `the runtime copies ${targets.join(', ')} from the builder`,
    });
  }
  if (hasWorkdir && (workdirUsed || facts.runs.some((r) => r.workdir === workdir))) {
    add(workdir, workdirOwner(facts), null);
  }
  for (const entry of paths) {
    const source =
      entry.path === workdir && facts.workdirText?.includes('$') ? facts.workdirText : entry.path;
    result.copies.push(copy(from, source, source, { chown: entry.chown, chmod: entry.chmod }));
  }
  return result;
}

/**
 * Absolute paths the copy created, or null when it spreads the context over "/". A file source
 * lands at dest/<name>; a directory's *contents* land in dest, so dest itself is the target.
 */
function copyTargets(copy: CopyFacts, context?: BuildContext): string[] | null {
  const dest = copy.dest;
  const intoDirectory = dest.endsWith('/') || copy.spec.sources.length > 1;
  const destDir = dest.replace(/\/$/, '') || '/';
  if (copy.spec.heredoc) return [destDir];
  if (!intoDirectory) return destDir === '/' ? null : [destDir];
  const targets: string[] = [];
  for (const source of copy.spec.sources) {
    const base = path.basename(source.replace(/\/+$/, ''));
    const kind = context && copy.spec.from === null ? contextEntryKind(context, source) : 'unknown';
    const looksLikeFile =
      kind === 'file' || (kind === 'unknown' && /\.[A-Za-z0-9]+$/.test(base) && !/[*?[]/.test(base));
    if (looksLikeFile && !/^https?:/.test(source)) targets.push(path.join(destDir, base));
    else if (/^https?:\/\//.test(source))
      targets.push(path.join(destDir, path.basename(source.split('?')[0])));
    else if (destDir === '/') return null;
    else targets.push(destDir);
  }
  return targets;
}

function contextEntryKind(context: BuildContext, source: string): 'file' | 'directory' | 'unknown' {
  const relative = path
    .normalize(source)
    .replace(/^(\.\/|\/)+/, '')
    .replace(/\/+$/, '');
  if (relative === '' || relative === '.') return 'directory';
  if (/[*?[]/.test(relative)) return 'unknown';
  if (context.files.includes(relative)) return 'file';
  if (context.files.some((f) => f.startsWith(`${relative}/`))) return 'directory';
  return 'unknown';
}

/** `COPY --chown=app . .` or `RUN chown -R app /app` made the app the owner of its files. */
export function workdirOwner(facts: StageFacts): string | null {
  let owner: string | null = null;
  for (const copy of facts.copies) {
    if (
      copy.spec.chown &&
      copy.spec.from === null &&
      isWithin(copy.dest.replace(/\/$/, '') || '/', facts.workdir)
    )
      owner = copy.spec.chown;
  }
  for (const run of facts.runs) {
    for (const command of run.commands) {
      if (programName(command) !== 'chown') continue;
      const args = command.words.slice(1).filter((w) => !w.startsWith('-'));
      const [who, ...targets] = args;
      const expanded = targets.map((t) =>
        path.resolve(
          run.workdir,
          t.replace(/\$\{?(\w+)\}?/g, (_m, n: string) => facts.values.get(n) ?? _m),
        ),
      );
      if (who && expanded.some((t) => t === facts.workdir || isWithin(facts.workdir, t))) owner = who;
    }
  }
  return owner;
}

export function isWithin(child: string, parent: string): boolean {
  if (parent === '/') return true;
  return child === parent || child.startsWith(`${parent}/`);
}

/** ARGs the runtime stage's rendered lines use must be declared in it: ARG scope ends at FROM. */
export function neededArgs(texts: readonly string[], facts: StageFacts): string[] {
  const used = new Set(texts.flatMap(variableReferences));
  // Shell-form commands expand at run time from ENV, not ARG, but a declared ARG is harmless; keep it only when used.
  return facts.args.filter((a) => used.has(a.name)).map((a) => a.instruction.text);
}

/** Programs the container runs: HEALTHCHECK, ENTRYPOINT and CMD (wrappers and shells included). */
export function runtimeCommands(facts: StageFacts): string[] {
  const programs = new Set(containerCommand(facts).programs);
  for (const form of healthchecks(facts)) formCommands(form).programs.forEach((p) => programs.add(p));
  return [...programs];
}
