/**
 * Everything the Node strategy knows about the project before deciding anything: its
 * package.json, package manager, the installs/builds/global tools the Dockerfile runs (and in
 * which folder), the framework, and what the container runs, scripts expanded.
 * Read once per conversion (node-analysis.ts): the report and the plan both use it.
 */
import { posix as path } from 'path';
import { INHERITS_ALL } from '../../analyze/command-env';
import type { RunFacts, StageFacts } from '../../analyze/stage-facts';
import type { ShellCommand } from '../../analyze/shell-commands';
import { splitShellCommands } from '../../analyze/shell-commands';
import { expandVariables } from '../../analyze/instruction-args';
import type { ContainerCommand } from '../../analyze/container-command';
import { isShellProgram, isShellScript } from '../../analyze/programs';
import type { BuildContext } from '../../context/build-context';
import type { DetectInput } from '../../detect/detect-types';
import { matchingFrameworks } from '../../detect/frameworks';
import { contextPaths } from '../../plan/context-paths';
import { startCommand, type StartCommand } from '../../plan/start-command';
import type { ParsedOption } from '../../analyze/argv';
import { devDependenciesOf, environmentAt } from './dev-dependencies';
import { classifyNodeCommand } from './node-commands';
import type { FrameworkRule, Manager, NodeSettings } from './node-settings';
import { declaredPackages, PackageJson, readPackageJson } from './package-json';
import { expandScripts, Step } from './run-scripts';
import { compiledRegExp } from '../../util/compiled-regexp';

export interface Install {
  run: RunFacts;
  /** Absolute folder in the image where node_modules is created. */
  dir: string;
  manager: Manager;
  /** devDependencies left out (by flags, the environment or a later prune), and why. */
  production: boolean;
  why: string;
  text: string;
  /** Where a later `mv` put node_modules (`mv node_modules /node_modules`), else null. */
  movedTo: string | null;
  /** Its options as written (`--ignore-scripts`, `--registry URL`). */
  options: ParsedOption[];
  /** A later step that changed node_modules or package.json without reinstalling (`yarn add x`), else null. */
  changedBy: TreeChange | null;
  /** The package.json the install read, when the build context has it. */
  pkg: PackageJson | null;
}

export interface TreeChange {
  /** `added`: packages added to the tree; `replaced`: package.json or the lockfile replaced by a different file. */
  kind: 'added' | 'replaced';
  text: string;
  line: number;
}

export interface Build {
  run: RunFacts;
  dir: string;
  /** The package.json script it runs (`build`), when it runs one. */
  script: string | null;
  text: string;
  steps: Step[];
}

export interface GlobalInstall {
  run: RunFacts;
  packages: string[];
  text: string;
}

export interface PackageManagerInfo {
  name: Manager;
  /** Yarn 2+ (a .yarnrc.yml or a v2 lockfile): no `--production` install. */
  berry: boolean;
  lockfile: string | null;
}

export interface NodeApp {
  /** The main project: where the first install ran (else the final WORKDIR). */
  projectDir: string;
  /** Its folder in the build context, or null when no COPY maps it. */
  contextDir: string | null;
  pkg: PackageJson | null;
  manager: PackageManagerInfo;
  installs: Install[];
  builds: Build[];
  globals: GlobalInstall[];
  /** Frameworks whose packages or files match, in the profile's order. */
  frameworks: FrameworkRule[];
  /** What the container runs (ENTRYPOINT + CMD), scripts expanded, init wrappers removed. */
  start: Step[];
  /** A script the container runs that msb cannot read (not in the build context). */
  opaqueScript: string | null;
  /** What the container runs: the Dockerfile's command, a compose service's, or neither (`elsewhere`). */
  command: StartCommand;
}

export function readNodeApp(input: DetectInput, settings: NodeSettings): NodeApp {
  const { facts, context } = input;
  const packages = new Map<string, PackageJson | null>();
  const pkgAt = (dir: string): PackageJson | null => {
    if (!packages.has(dir)) {
      const contextDir = contextDirFor(facts, dir, context);
      packages.set(dir, contextDir === null ? null : readPackageJson(context, contextDir));
    }
    return packages.get(dir) ?? null;
  };

  const installs: Install[] = [];
  const builds: Build[] = [];
  const globals: GlobalInstall[] = [];
  for (const run of facts.runs) {
    let dir = run.workdir;
    for (const shell of run.commands) {
      const command = classifyNodeCommand(shell, settings);
      if (command.kind === 'cd') {
        dir = path.resolve(dir, expandVariables(command.dir, facts.values));
        continue;
      }
      const commandDir = 'dir' in command && command.dir ? path.resolve(dir, command.dir) : dir;
      if (command.kind === 'install') {
        const dev = devDependenciesOf(
          settings.packageManagers[command.manager],
          command.dev,
          environmentAt(facts, run.instruction.index, shell.env),
        );
        const earlier = installs.find((i) => i.dir === commandDir);
        if (command.packages.length > 0 && earlier) {
          // `yarn add x` / `npm install x` into a tree already installed changes that tree, and
          // installs the project's devDependencies too unless production-only
          earlier.changedBy ??= { kind: 'added', text: shell.text, line: run.instruction.line };
          if (dev.installed && earlier.production) {
            earlier.production = false;
            earlier.why = `"${shell.text}" ${dev.why}`;
          }
          continue;
        }
        installs.push({
          run,
          dir: commandDir,
          manager: command.manager,
          production: !dev.installed,
          why: dev.why,
          text: shell.text,
          movedTo: null,
          options: command.options,
          changedBy: null,
          pkg: pkgAt(commandDir),
        });
      } else if (command.kind === 'prune') {
        // `npm prune --production` / `pnpm prune --prod` in the build: node_modules is production-only from here on
        for (const install of installs)
          if (install.dir === commandDir && command.dev === 'omit') {
            install.production = true;
            install.why = `"${shell.text}" leaves production dependencies only`;
          }
      } else if (command.kind === 'global-install') {
        globals.push({ run, packages: command.packages, text: shell.text });
      } else if (command.kind === 'program' && command.words[0] === 'mv') {
        recordMove(
          command.words.slice(1).filter((w) => !w.startsWith('-')),
          dir,
          installs,
        );
      } else if (command.kind === 'script' || command.kind === 'program') {
        const steps = expandScripts([shell], pkgAt(commandDir), settings);
        if (findBuild(steps, settings)) {
          builds.push({
            run,
            dir: commandDir,
            script: command.kind === 'script' ? command.script : null,
            text: shell.text,
            steps,
          });
        }
      }
    }
  }

  const manifests = ['package.json', ...Object.keys(settings.lockfiles)];
  for (const install of installs) install.changedBy ??= replacedManifest(facts, install, context, manifests);
  const projectDir = installs[0]?.dir ?? builds[0]?.dir ?? facts.workdir;
  const contextDir = contextDirFor(facts, projectDir, context);
  const pkg = pkgAt(projectDir);
  const declared = declaredPackages(pkg);
  const command = startCommand(input, settings.argumentRunners);
  const start = startCommands(facts, context, command.command);
  return {
    projectDir,
    contextDir,
    pkg,
    manager: packageManager(installs, pkg, context, contextDir ?? '', settings),
    installs,
    builds,
    globals,
    frameworks: matchingFrameworks(
      settings.frameworks,
      (name) => declared.has(name),
      (glob) => context.glob(path.join(contextDir ?? '', glob)).length > 0,
    ),
    start: expandScripts(start.commands, pkgAt(facts.workdir), settings),
    opaqueScript: start.opaqueScript,
    command,
  };
}

/**
 * A COPY after the install that puts a different package.json or lockfile in its folder
 * (`COPY deploy/package.json ./`): node_modules no longer matches them. Copying the same
 * context file again (`COPY . .` after `COPY package*.json ./`) changes nothing.
 */
function replacedManifest(
  facts: StageFacts,
  install: Install,
  context: BuildContext,
  manifests: readonly string[],
): TreeChange | null {
  const line = install.run.instruction.line;
  const paths = contextPaths(facts, context);
  for (const file of manifests) {
    const target = path.join(install.dir, file);
    const installed = paths.toContext(target, install.run.instruction.index);
    if (installed === null) continue;
    const copy = facts.copies.find((c) => {
      if (c.instruction.line <= line) return false;
      const after = paths.toContext(target, c.instruction.index + 1);
      return after !== null && after !== installed;
    });
    if (copy) return { kind: 'replaced', text: copy.instruction.text, line: copy.instruction.line };
  }
  return null;
}

/** `mv node_modules /node_modules` (the node image's trick to keep it out of bind mounts). */
function recordMove(args: string[], dir: string, installs: Install[]): void {
  if (args.length !== 2) return;
  const [from, to] = args.map((a) => path.resolve(dir, a));
  const install = installs.find((i) => path.join(i.dir, 'node_modules') === from);
  if (install) install.movedTo = args[1].endsWith('/') ? path.join(to, 'node_modules') : to;
}

/** The first build step: it runs a known build tool, or a script whose name says build. */
export function findBuild(steps: readonly Step[], settings: NodeSettings): Step | undefined {
  const script = compiledRegExp(settings.buildScripts);
  return steps.find(
    (s) =>
      (s.command.kind === 'program' && matchesProgram(s.command.words, settings.buildTools) !== null) ||
      s.via.some((name) => script.test(name)),
  );
}

/** Why a container that builds when it starts is not converted, or null when it does not. */
export function buildAtStart(steps: readonly Step[], settings: NodeSettings): string | null {
  const build = findBuild(steps, settings);
  return build
    ? `the container builds the app when it starts ("${build.text}"), maybe so that the build sees run-time environment variables; move the build into a RUN step first`
    : null;
}

/** The rule a program invocation matches: same program and, when the rule names one, the subcommand. */
export function matchesProgram<R extends { program: string; subcommand?: string }>(
  words: readonly string[],
  rules: readonly R[],
): R | null {
  const subcommand = words.slice(1).find((w) => !w.startsWith('-')) ?? '';
  return (
    rules.find(
      (r) => r.program === words[0] && (r.subcommand === undefined || r.subcommand === subcommand),
    ) ?? null
  );
}

/**
 * The container's commands with the shell scripts it runs read from the build context
 * (`ENTRYPOINT ["./entrypoint.sh"]`): their commands, then the arguments they `exec "$@"`.
 */
function startCommands(
  facts: StageFacts,
  context: BuildContext,
  container: ContainerCommand,
): { commands: ShellCommand[]; opaqueScript: string | null } {
  const commands: ShellCommand[] = [];
  let opaqueScript: string | null = null;
  for (const command of container.commands) {
    const [program, ...args] = command.words;
    const script = isShellProgram(program) && args[0] && !args[0].startsWith('-') ? args[0] : program;
    // A script the Dockerfile copied in; an absolute path may also be a program of the image.
    const looksLikeScript = isShellScript(script) || /^\.{1,2}\//.test(script);
    const source =
      looksLikeScript || script.startsWith('/')
        ? contextPaths(facts, context).toContext(path.resolve(facts.workdir, script))
        : null;
    const text = source === null ? null : context.read(source);
    if (text === null) {
      if (looksLikeScript) opaqueScript ??= script;
      commands.push(command);
      continue;
    }
    const body = splitShellCommands(text);
    commands.push(...body.filter((c) => !c.words.some((w) => w === '$@')));
    const rest = command.words.slice(command.words.indexOf(script) + 1);
    if (body.some((c) => c.words.includes('$@')) && rest.length > 0)
      commands.push({ words: rest, env: INHERITS_ALL, text: rest.join(' ') });
  }
  return { commands, opaqueScript };
}

/** The project folder in the build context whose package.json a COPY put in `containerDir`. */
export function contextDirFor(facts: StageFacts, containerDir: string, context: BuildContext): string | null {
  const found = contextPaths(facts, context).toContext(path.join(containerDir, 'package.json'));
  if (found !== null) return found.includes('/') ? path.dirname(found) : '';
  return context.has('package.json') ? '' : null;
}

/** The manager of the first install, else of the lockfile, else package.json's `packageManager` (`pnpm@9`), else npm. */
function packageManager(
  installs: readonly Install[],
  pkg: PackageJson | null,
  context: BuildContext,
  contextDir: string,
  { lockfiles, packageManagers }: NodeSettings,
): PackageManagerInfo {
  const at = (file: string) => path.join(contextDir, file);
  const lockfile = Object.entries(lockfiles).find(([file]) => context.has(at(file)));
  const [, declared = '', major = ''] = /^([\w-]+)@(\d+)/.exec(pkg?.packageManager ?? '') ?? [];
  const isManager = (name: string): name is Manager => Object.hasOwn(packageManagers, name);
  const name: Manager =
    installs[0]?.manager ?? lockfile?.[1] ?? (isManager(declared) ? declared : undefined) ?? 'npm';
  const berry = packageManagers[name].berry;
  const marker = berry && compiledRegExp(berry.lockfileMarker, 'm');
  const ownLockfiles = Object.keys(lockfiles).filter((file) => lockfiles[file] === name);
  const isBerry =
    berry !== undefined &&
    (berry.files.some((file) => context.has(at(file))) ||
      ownLockfiles.some((file) => marker && marker.test(context.read(at(file)) ?? '')) ||
      (declared === name && Number(major) >= berry.fromMajor));
  return { name, berry: isBerry, lockfile: lockfile ? at(lockfile[0]) : null };
}
