/**
 * Plans the Go conversion: the builder keeps the user's `go build` lines (with CGO_ENABLED=0
 * set once after FROM unless cgo is in use), builds done at container start move into it, and
 * the runtime stage copies only the binaries, the files they read at run time and what a
 * minimal image lacks (CA bundle, zoneinfo, /etc/passwd), then runs the same command.
 */
import { posix as path } from 'path';
import { programName } from '../../analyze/shell-commands';
import type { RunFacts, StageFacts } from '../../analyze/stage-facts';
import { globalArgValues } from '../../plan/base-image';
import { containerCommand, formCommands, healthchecks, needsShell } from '../../analyze/container-command';
import { commandFileArguments } from '../../plan/command-file-arguments';
import { contextPaths } from '../../plan/context-paths';
import { contextPrograms } from '../../plan/context-programs';
import type {
  BrokenFinding,
  BuilderInsertion,
  Decision,
  PlanInput,
  StrategyPlan,
} from '../../plan/plan-types';
import { baseRuntimeModel, isWithin, runtimeEnv } from '../../plan/runtime-stage';
import {
  BUILDER,
  copy,
  env,
  original,
  StageNode,
  user as userNode,
  workdir as workdirNode,
} from '../../plan/stage-model';
import { nonRootUser, runtimeUser } from '../../plan/runtime-users';
import { RuntimeFile, RuntimeFileSet } from '../../plan/runtime-files';
import { settleRuntimeFiles } from '../../plan/settle-runtime-files';
import { goOutputs, GoProject, goTargets } from './go-binaries';
import { cgoUse } from './go-cgo';
import { flagValue, GoCommand, parseGoCommand } from './go-commands';
import { moveStartupBuilds, resolveCommands } from './go-container-command';
import { chooseGoRuntime } from './go-runtime';
import { rootUserChoice } from './go-root-user';
import { goConfigFileWarnings } from './go-config-files';
import { goEnvFileUse } from './go-env-files';
import { goRuntimeFiles } from './go-runtime-files';
import type { GoSettings } from './go-settings';
import type { GoSources } from './go-sources';

export function planGo(input: PlanInput<GoSettings>, sources: GoSources): StrategyPlan {
  const { profile, dockerfile, context, options, settings } = input;
  const warnings: string[] = [];
  const decisions: Decision[] = [];
  if (/windowsservercore|nanoserver/.test(input.facts.from.tag ?? ''))
    return { kind: 'skip', reason: 'Windows Go images: msb only plans Linux runtime images' };

  const golangImage = /(^|\/)golang$/.test(input.facts.from.name);
  const facts = golangImage
    ? withGopath(input.facts, input.facts.values.get('GOPATH') ?? settings.gopath)
    : input.facts;
  const workdir = hasWorkdir(facts) || !golangImage ? facts.workdir : settings.imageWorkdir;
  const imageWorkdir = golangImage ? settings.imageWorkdir : '/';
  const paths = contextPaths(facts, context, imageWorkdir);
  const project: GoProject = {
    sources,
    paths,
    gopath: facts.values.get('GOPATH') ?? settings.gopath,
    values: facts.values,
  };

  // Builds in RUN lines, following `mv`/`cp` of their outputs.
  const builds: { command: GoCommand; run: RunFacts }[] = [];
  let binaries: { path: string; remote: boolean; line: number }[] = [];
  for (const run of facts.runs) {
    let cwd = runWorkdir(run, facts, imageWorkdir);
    for (const command of run.commands) {
      if (programName(command) === 'cd' && command.words[1]) cwd = path.resolve(cwd, command.words[1]);
      const go = parseGoCommand(command);
      if (go) {
        builds.push({ command: go, run });
        const remote = goTargets(go, cwd, project).every((t) => t.remote);
        for (const output of goOutputs(go, cwd, project))
          binaries.push({ path: output, remote, line: run.instruction.line + 1 });
      } else if (['mv', 'cp', 'install'].includes(programName(command))) {
        binaries = followMove(command.words, cwd, binaries);
      }
    }
  }

  const startup = moveStartupBuilds(facts, workdir, project, '/usr/local/bin', settings.generators);
  if (startup.problem) return { kind: 'skip', reason: startup.problem };
  decisions.push(...startup.decisions);
  binaries.push(...startup.binaries.map((p) => ({ path: p, remote: false, line: 0 })));

  const originalPath = pathDirs(facts.values.get('PATH'), [
    path.join(project.gopath, 'bin'),
    '/usr/local/go/bin',
    ...settings.pathDirs,
  ]);
  const runtimePath = [
    ...settings.pathDirs,
    ...pathDirs(facts.values.get('PATH'), []).filter((d) => !d.includes('$')),
  ];
  let commands = resolveCommands(
    startup.lines,
    binaries.map((b) => b.path),
    workdir,
    originalPath,
    runtimePath,
  );

  // A build msb cannot read (make, a script): trust the command's path as its output.
  if (binaries.length === 0) {
    const guessed = commands.programs.find(
      (p) => p.program.includes('/') && paths.toContext(path.resolve(workdir, p.program)) === null,
    );
    if (!guessed) {
      return {
        kind: 'skip',
        reason:
          'no go build / go install / go run found, and the container command does not name a built binary: msb cannot tell what to copy',
      };
    }
    const guessedPath = path.resolve(workdir, guessed.program);
    if (guessedPath === '/' || guessed.program.endsWith('/')) {
      return {
        kind: 'skip',
        reason: `the container command names "${guessed.program}", which is not a program msb can copy`,
      };
    }
    binaries.push({ path: guessedPath, remote: false, line: 0 });
    warnings.push(
      `no go build line msb can read: it assumes the build writes ${guessedPath}, the program the container runs`,
    );
    commands = resolveCommands(startup.lines, [guessedPath], workdir, originalPath, runtimePath);
  }
  // A program the command runs that a COPY brought from the build context: committed, not built.
  const committed = contextPrograms(
    commands.programs.filter((p) => p.binary === null).map((p) => p.program),
    workdir,
    paths,
    context,
  );
  if (committed.some((c) => c.interpreter !== null)) commands.needsShell = true;
  const used = new Set(commands.programs.map((p) => p.binary).filter((b): b is string => b !== null));
  const copied = unique([
    ...binaries.filter((b) => !b.remote || used.has(b.path)).map((b) => b.path),
    ...committed.map((c) => c.path),
  ]);
  for (const b of binaries) {
    if (b.remote && !used.has(b.path))
      decisions.push({
        subject: b.path,
        placement: 'builder',
        why: `a tool installed with go install (line ${b.line}) that the container does not run`,
      });
  }

  const cgo = cgoUse(
    [...builds.map((b) => b.command), ...startup.goCommands],
    facts.values,
    sources,
    settings.cgoModules,
  );
  const choice = chooseGoRuntime(
    {
      requested: options.runtime,
      cgo,
      needsShell: commands.needsShell,
      builder: facts.from,
      muslEvidence: apkEvidence(facts),
      globals: globalArgValues(dockerfile),
      rules: profile,
    },
    settings,
  );
  if (!choice.ok) return { kind: 'skip', reason: choice.reason };
  const unrunnable = committed.find(
    (c) => c.interpreter !== null && !choice.runtime.commands.includes(c.interpreter),
  );
  if (unrunnable)
    return {
      kind: 'skip',
      reason: `the container runs ${unrunnable.program}, a ${unrunnable.interpreter} script from the build context, which ${choice.image} cannot run`,
    };
  warnings.push(...choice.warnings);
  const broken = [...choice.broken];
  decisions.push(...choice.notes.map((why) => ({ subject: 'FROM', placement: 'added' as const, why })));
  const runtimeSettings = choice.runtime;
  const image = choice.image;

  const builderInsertions: BuilderInsertion[] = [];
  if (cgo.reasons.length === 0 && !cgo.explicitlyStatic) {
    builderInsertions.push({
      at: { kind: 'after-from' },
      template: profile.templates.builderStatic,
      values: {},
      instructions: [],
      reason: 'set CGO_ENABLED=0 in the builder, so the binaries are static and run without a C library',
    });
  }
  if (startup.builderRuns.length > 0) {
    const values = {
      comment: 'the container built the program when it started; build it once here instead',
      user: nonRootUser(facts),
    };
    builderInsertions.push({
      at: { kind: 'end' },
      template: profile.templates.builderSteps,
      values,
      instructions: startup.builderRuns,
      reason: 'the build the container did at start-up now runs once in the builder',
    });
  }

  const comment = [
    cgo.dynamic
      ? 'Runtime stage (added by msb): the cgo binary on an image with the same C library, without the Go toolchain.'
      : 'Runtime stage (added by msb): the static Go binary and the files it reads at run time, without the Go toolchain.',
  ];
  const runtime = baseRuntimeModel(facts, image, comment);
  const runtimeEnvLines = runtimeEnv(facts, settings.buildOnlyEnv);
  runtime.env = runtimeEnvLines.env;
  decisions.push(...runtimeEnvLines.decisions);
  runtime.command = commands.nodes;
  decisions.push(...commands.decisions);
  if (
    facts.workdirText &&
    /\$\{?GOPATH\b/.test(facts.workdirText) &&
    !facts.envNames.has('GOPATH') &&
    golangImage
  ) {
    // GOPATH came from the golang image: the runtime image does not define it.
    runtime.workdir = workdirNode(workdir);
    decisions.push({
      subject: 'WORKDIR',
      placement: 'runtime',
      why: `$GOPATH is the golang image's (${project.gopath}); the runtime image has none, so the path is written out`,
    });
  } else if (!hasWorkdir(facts) && workdir !== '/') {
    runtime.workdir = workdirNode(workdir);
    decisions.push({
      subject: 'WORKDIR',
      placement: 'runtime',
      why: `the builder image's WORKDIR (${workdir}), which relative paths depend on`,
    });
  }

  const user = runtimeUser(facts, {
    image,
    userTool: runtimeSettings.userTool,
    users: runtimeSettings.users,
    nonrootUser: runtimeSettings.nonrootUser,
  });
  warnings.push(...user.warnings);
  decisions.push(...user.decisions);
  runtime.user = user.user;
  const root = rootUserChoice(input, image, runtimeSettings);
  warnings.push(...root.warnings);
  decisions.push(...root.decisions);
  if (root.keepRoot) runtime.user = userNode('root');
  runtime.setup.push(...user.setup);

  const copies: StageNode[] = [];
  if (!runtimeSettings.certificates) {
    copies.push(copy(BUILDER, settings.certificates, settings.certificates));
    decisions.push({
      subject: settings.certificates,
      placement: 'runtime',
      why: `${image} has no CA certificates: HTTPS clients need the bundle`,
    });
  }
  const tzdataEmbedded =
    sources.packages.some((p) => p.imports.has('time/tzdata')) ||
    builds.some((b) => /\btimetzdata\b/.test(flagValue(b.command, 'tags') ?? ''));
  if (!runtimeSettings.zoneinfo && !tzdataEmbedded) {
    // An apk-using builder is Alpine-based: its Go keeps zoneinfo where golang:*-alpine does.
    const flavour = apkEvidence(facts) ? 'alpine' : (facts.from.tag ?? 'latest');
    const zone =
      settings.zoneinfo.find((z) => new RegExp(z.builder).test(flavour)) ??
      settings.zoneinfo[settings.zoneinfo.length - 1];
    copies.push(copy(BUILDER, zone.path, zone.path));
    if (zone.env) runtime.env.unshift(env([[zone.env, zone.path]]));
    decisions.push({
      subject: zone.path,
      placement: 'runtime',
      why: `${image} has no time-zone data and the program does not import time/tzdata`,
    });
  } else if (tzdataEmbedded) {
    decisions.push({
      subject: 'time/tzdata',
      placement: 'dropped',
      why: 'the binary embeds the time-zone database: no zoneinfo needed',
    });
  }
  copies.push(...user.copies);

  const named = commandFileArguments(
    containerCommand(facts).commands.map((c) => c.words),
    workdir,
    paths,
    (to, from) =>
      copied.some((b) => isWithin(to, b)) || paths.filesUnder(from).some((f) => f.endsWith('.go')),
  );
  const settled = settleRuntimeFiles(
    withFiles(goRuntimeFiles(paths, facts.runs, sources, workdir, settings), named),
    paths,
    context,
    (file) => goEnvFileUse(context, file, sources, settings.fileLoaders),
  );
  const files = settled.files;
  warnings.push(...settled.warnings, ...goConfigFileWarnings(context, sources, paths, workdir));
  decisions.push(...settled.decisions);
  const fileCopies = files.filter((f) => !copied.some((b) => b === f.path));
  for (const binary of copied) {
    if (fileCopies.some((f) => isWithin(binary, f.path))) continue;
    copies.push(copy(BUILDER, binary, binary));
    const script = committed.find((c) => c.path === binary);
    decisions.push({
      subject: binary,
      placement: 'runtime',
      why: script
        ? `the container runs it, and a COPY brought it from the build context (committed, not built)${script.interpreter ? `: a ${script.interpreter} script` : ''}`
        : 'the Go binary',
    });
  }
  for (const file of fileCopies) {
    copies.push(copy(BUILDER, file.path, file.path, { chown: user.owner(file.chown) }));
    decisions.push({ subject: file.path, placement: 'runtime', why: file.why });
  }
  for (const replayed of facts.copies.filter((c) => c.spec.from !== null)) {
    copies.push(original(replayed.instruction));
    decisions.push({
      subject: `${replayed.instruction.keyword} (line ${replayed.instruction.line + 1})`,
      placement: 'both',
      why: `copies from the image ${replayed.spec.from}, replayed as written`,
    });
  }
  runtime.copies = copies;

  broken.push(
    ...missingPrograms(
      commands.programs,
      facts,
      runtimeSettings.commands,
      image,
      copied,
      files.map((f) => f.path),
      workdir,
    ),
  );
  if (!facts.entrypoint && !facts.cmd) {
    decisions.push({
      subject: 'CMD',
      placement: 'runtime',
      why: 'the original has no command (compose or the platform supplies it); the binaries are at the same paths',
    });
  }
  return {
    kind: 'convert',
    runtime,
    builderInsertions,
    warnings,
    broken,
    decisions,
    runtimeImage: image,
    carried: settled.carried,
  };
}

/** Programs the container (or its HEALTHCHECK) runs that the runtime image will not have. */
function missingPrograms(
  programs: { program: string; binary: string | null }[],
  facts: StageFacts,
  imageCommands: string[],
  image: string,
  binaries: string[],
  files: string[],
  workdir: string,
): BrokenFinding[] {
  const broken: BrokenFinding[] = [];
  const present = (program: string) => {
    const absolute = path.resolve(workdir, program);
    return (
      imageCommands.includes(path.basename(program)) ||
      binaries.some((b) => b === absolute || path.basename(b) === program) ||
      files.some((f) => isWithin(absolute, f))
    );
  };
  for (const { program, binary } of programs) {
    if (binary || present(program)) continue;
    broken.push({
      kind: 'command-target-missing',
      message: `the container runs "${program}", which msb does not find among the built binaries or in ${image}`,
    });
  }
  for (const form of healthchecks(facts)) {
    const programs = formCommands(form, { keepWrappers: true }).commands.map((c) => c.words[0] ?? '');
    const missing = programs.filter((p) => p && p !== 'exit' && !present(p));
    if (needsShell(form) && !imageCommands.includes('sh')) missing.unshift('/bin/sh');
    if (missing.length > 0)
      broken.push({
        kind: 'program-missing',
        message: `the HEALTHCHECK needs ${missing.map((m) => `"${m}"`).join(', ')}, which ${image} does not have: it will report unhealthy`,
      });
  }
  return broken;
}

/** `mv app /usr/local/bin/` moves a binary msb tracks. */
function followMove(
  words: string[],
  cwd: string,
  binaries: { path: string; remote: boolean; line: number }[],
) {
  const args = words.slice(1).filter((w) => !w.startsWith('-'));
  if (args.length !== 2) return binaries;
  const [from, to] = args.map((a) => path.resolve(cwd, a));
  return binaries.flatMap((b) => {
    if (b.path !== from) return [b];
    const target =
      args[1].endsWith('/') || /^\/(usr\/(local\/)?)?s?bin$/.test(to)
        ? path.join(to, path.basename(from))
        : to;
    return words[0] === 'mv' ? [{ ...b, path: target }] : [b, { ...b, path: target }];
  });
}

/** `WORKDIR $GOPATH/src/app` with GOPATH set by the golang image (not the Dockerfile): paths as the build sees them. */
function withGopath(facts: StageFacts, gopath: string): StageFacts {
  const fix = (p: string) => p.replace(/^\/?"?\$\{?GOPATH\}?"?(?=\/|$)/, gopath).replace(/"$/, '');
  if (
    !/\$\{?GOPATH\b/.test(
      [facts.workdir, ...facts.runs.map((r) => r.workdir), ...facts.copies.map((c) => c.dest)].join('\n'),
    )
  )
    return facts;
  return {
    ...facts,
    workdir: fix(facts.workdir),
    workdirText: facts.workdirText,
    runs: facts.runs.map((r) => ({ ...r, workdir: fix(r.workdir) })),
    copies: facts.copies.map((c) => ({ ...c, dest: fix(c.dest), workdir: fix(c.workdir) })),
  };
}

/** `RUN apk add ...` says the builder is Alpine-based whatever its name (tetafro/golang-gcc). */
function apkEvidence(facts: StageFacts): string | null {
  const run = facts.runs.find((r) => r.commands.some((c) => programName(c) === 'apk'));
  return run ? `line ${run.instruction.line + 1} runs apk` : null;
}

function hasWorkdir(facts: StageFacts): boolean {
  return facts.stage.instructions.some((i) => i.keyword === 'WORKDIR');
}

/** Before the Dockerfile's first WORKDIR, commands run in the base image's. */
function runWorkdir(run: RunFacts, facts: StageFacts, imageWorkdir: string): string {
  const firstWorkdir = facts.stage.instructions.find((i) => i.keyword === 'WORKDIR');
  return firstWorkdir && firstWorkdir.index < run.instruction.index ? run.workdir : imageWorkdir;
}

function pathDirs(value: string | undefined, fallback: string[]): string[] {
  if (!value) return fallback;
  return value
    .split(':')
    .flatMap((d) => (d === '$PATH' || d === '${PATH}' ? fallback : [d]))
    .filter(Boolean);
}

/** The files found plus those the command names, none inside another. */
function withFiles(found: RuntimeFile[], named: RuntimeFile[]): RuntimeFile[] {
  const set = new RuntimeFileSet();
  for (const file of [...found, ...named]) set.add(file);
  return set.files;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
