/**
 * Plans the Go conversion: the builder keeps the user's `go build` lines (with CGO_ENABLED=0
 * set once after FROM unless cgo is in use), builds done at container start move into it, and
 * the runtime stage copies only the binaries, the files they read at run time and what a
 * minimal image lacks (CA bundle, zoneinfo, /etc/passwd), then runs the same command.
 */
import { posix as path } from 'path';
import { programName } from '../../analyze/shell-commands';
import type { RunFacts, StageFacts } from '../../analyze/stage-facts';
import { artifactRuntimeFiles, runtimeFileCopies } from '../../plan/artifact-files';
import { globalArgValues } from '../../plan/base-image';
import { commandArtifacts, noCommandDecisions, resolveCommand } from '../../plan/artifact-command';
import { builderSteps } from '../../plan/builder-steps';
import { builtBinaries, pathDirs } from '../../plan/built-binaries';
import { contextPaths } from '../../plan/context-paths';
import {
  missingCommandTargets,
  missingHealthcheckPrograms,
  unrunnableScript,
} from '../../plan/missing-programs';
import type { BuilderInsertion, Decision, PlanInput, StrategyPlan } from '../../plan/plan-types';
import { baseRuntimeModel, isWithin, runtimeEnv } from '../../plan/runtime-stage';
import { BUILDER, copy, env, original, StageNode, workdir as workdirNode } from '../../plan/stage-model';
import { artifactUser } from '../../plan/root-user';
import { windowsStage } from '../../plan/windows-stage';
import { compiledRegExp } from '../../util/compiled-regexp';
import { goOutputs, GoProject, goTargets } from './go-binaries';
import { cgoUse } from './go-cgo';
import { flagValue, GoCommand, parseGoCommand } from './go-commands';
import { moveGoStartupBuilds } from './go-container-command';
import { chooseGoRuntime } from './go-runtime';
import { goConfigFileWarnings } from './go-config-files';
import { goEnvFileUse } from './go-env-files';
import { goRuntimeFiles } from './go-runtime-files';
import type { GoSettings } from './go-settings';
import type { GoSources } from './go-sources';

export function planGo(input: PlanInput<GoSettings>, sources: GoSources): StrategyPlan {
  const { profile, dockerfile, context, options, settings } = input;
  const warnings: string[] = [];
  const decisions: Decision[] = [];
  const windows = windowsStage(input.facts, profile.name);
  if (windows) return { kind: 'skip', reason: windows };

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
  const builds: GoCommand[] = [];
  const binaries = builtBinaries<{ path: string; remote: boolean; line: number }>(facts, {
    cwd: (run) => runWorkdir(run, facts, imageWorkdir),
    outputs(command, cwd, run) {
      const go = parseGoCommand(command, settings.goOptions);
      if (!go) return null;
      builds.push(go);
      const remote = goTargets(go, cwd, project).every((t) => t.remote);
      return goOutputs(go, cwd, project).map((output) => ({
        path: output,
        remote,
        line: run.instruction.line + 1,
      }));
    },
  });

  const startup = moveGoStartupBuilds(facts, workdir, project, '/usr/local/bin', settings);
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
  const rules = { builderPath: originalPath, runtimePath, wrappersArePrograms: true };
  let commands = resolveCommand(
    startup.lines,
    binaries.map((b) => b.path),
    workdir,
    rules,
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
    commands = resolveCommand(startup.lines, [guessedPath], workdir, rules);
  }
  const { committed, run: used, needsShell } = commandArtifacts(commands, workdir, paths, context);
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

  const cgo = cgoUse([...builds, ...startup.goCommands], facts.values, sources, settings.cgoModules);
  const choice = chooseGoRuntime(
    {
      requested: options.runtime,
      cgo,
      needsShell,
      builder: facts.from,
      muslEvidence: apkEvidence(facts),
      globals: globalArgValues(dockerfile),
      rules: profile,
    },
    settings,
  );
  if (!choice.ok) return { kind: 'skip', reason: choice.reason };
  const unrunnable = unrunnableScript(committed, choice.runtime.commands, choice.image);
  if (unrunnable) return { kind: 'skip', reason: unrunnable };
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
  if (startup.builderRuns.length > 0)
    builderInsertions.push(
      builderSteps(
        profile.templates.builderSteps,
        facts,
        'the container built the program when it started; build it once here instead',
        startup.builderRuns,
      ),
    );

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

  const user = artifactUser(
    facts,
    context,
    { ...runtimeSettings, image },
    {
      ...settings.rootEvidence,
      isSource: (f) => f.endsWith('.go') && !f.endsWith('_test.go') && !f.startsWith('vendor/'),
    },
  );
  warnings.push(...user.warnings);
  decisions.push(...user.decisions);
  runtime.user = user.user;
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
    builds.some((b) => /\btimetzdata\b/.test(flagValue(b, 'tags') ?? ''));
  if (!runtimeSettings.zoneinfo && !tzdataEmbedded) {
    // An apk-using builder is Alpine-based: its Go keeps zoneinfo where golang:*-alpine does.
    const flavour = apkEvidence(facts) ? 'alpine' : (facts.from.tag ?? 'latest');
    const zone =
      settings.zoneinfo.find((z) => compiledRegExp(z.builder).test(flavour)) ??
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

  const settled = artifactRuntimeFiles(
    facts,
    paths,
    context,
    goRuntimeFiles(paths, facts.runs, sources, workdir, settings),
    {
      workdir,
      artifacts: copied,
      isSource: (f) => f.endsWith('.go'),
      useOf: (file) => goEnvFileUse(context, file, sources, settings.fileLoaders),
    },
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
  const fileNodes = runtimeFileCopies(fileCopies, user.owner);
  copies.push(...fileNodes.copies);
  decisions.push(...fileNodes.decisions);
  for (const replayed of facts.copies.filter((c) => c.spec.from !== null)) {
    copies.push(original(replayed.instruction));
    decisions.push({
      subject: `${replayed.instruction.keyword} (line ${replayed.instruction.line + 1})`,
      placement: 'both',
      why: `copies from the image ${replayed.spec.from}, replayed as written`,
    });
  }
  runtime.copies = copies;

  const present = (program: string) => {
    const absolute = path.resolve(workdir, program);
    return (
      runtimeSettings.commands.includes(path.basename(program)) ||
      copied.some((b) => b === absolute || path.basename(b) === program) ||
      files.some((f) => isWithin(absolute, f.path))
    );
  };
  broken.push(
    ...missingCommandTargets(commands.programs, image, present),
    ...missingHealthcheckPrograms(facts, image, present, runtimeSettings.commands.includes('sh')),
  );
  decisions.push(...noCommandDecisions(facts));
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

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
