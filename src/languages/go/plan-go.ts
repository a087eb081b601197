/**
 * Plans the Go conversion through the artifact planner (src/plan/artifact-planner.ts): the
 * builder keeps the user's `go build` lines (with CGO_ENABLED=0 set once after FROM unless cgo is
 * in use), builds done at container start move into it, and the runtime stage copies only the
 * binaries, the files they read at run time and what a minimal image lacks (CA bundle, zoneinfo,
 * /etc/passwd), then runs the same command.
 */
import { posix as path } from 'path';
import { programName } from '../../analyze/shell-commands';
import type { RunFacts, StageFacts } from '../../analyze/stage-facts';
import {
  ArtifactBuild,
  ArtifactRuntime,
  copiedProgram,
  planArtifact,
  RuntimeNeeds,
} from '../../plan/artifact-planner';
import { runtimeRequest } from '../../plan/artifact-runtimes';
import { plannedRuntime } from '../../plan/artifact-runtime-choice';
import { commandArtifacts, resolveCommand } from '../../plan/artifact-command';
import { builtBinaries, pathDirs } from '../../plan/built-binaries';
import { contextPaths } from '../../plan/context-paths';
import type { BuilderInsertion, PlanInput, StrategyPlan } from '../../plan/plan-types';
import { certificatesZoneinfo } from '../../plan/certificates-zoneinfo';
import { env, RuntimeStageModel, workdir as workdirNode } from '../../plan/stage-model';
import { goOutputs, GoProject, goTargets } from './go-binaries';
import { cgoUse, CgoUse } from './go-cgo';
import { flagValue, GoCommand, parseGoCommand } from './go-commands';
import { moveGoStartupBuilds } from './go-container-command';
import { chooseGoRuntime } from './go-runtime';
import { goConfigFileWarnings } from './go-config-files';
import { goEnvFileUse } from './go-env-files';
import { servedDirs } from '../../plan/served-dirs';
import { goRuntimeFiles } from './go-runtime-files';
import type { GoRuntime, GoSettings } from './go-settings';
import type { GoSources } from './go-sources';

interface GoBuild extends ArtifactBuild {
  needsShell: boolean;
  cgo: CgoUse;
  builds: GoCommand[];
}

export function planGo(input: PlanInput<GoSettings>, sources: GoSources): StrategyPlan {
  const { profile, context, settings } = input;
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

  return planArtifact<GoBuild, ArtifactRuntime & { runtime: GoRuntime }>(
    { ...input, facts, paths, builderSteps: profile.templates.builderSteps },
    {
      windows: true,
      buildOnlyEnv: settings.buildOnlyEnv,
      build: () => goBuild(input, facts, workdir, imageWorkdir, project),
      runtime(build) {
        const choice = chooseGoRuntime(
          { ...runtimeRequest(input, build.needsShell), cgo: build.cgo, muslEvidence: apkEvidence(facts) },
          settings,
        );
        if (!choice.ok) return choice.reason;
        return plannedRuntime(choice, build.cgo.dynamic ? 'cgo' : 'static');
      },
      stage: (model, build, runtime) =>
        runtimeNeeds(model, build, runtime, {
          facts,
          settings,
          workdir,
          golangImage,
          gopath: project.gopath,
          sources,
        }),
      user: {
        rule: {
          kind: 'evidence',
          rules: {
            ...settings.rootEvidence,
            isSource: (f) => f.endsWith('.go') && !f.endsWith('_test.go') && !f.startsWith('vendor/'),
          },
        },
      },
      files: () => ({
        found: goRuntimeFiles(paths, facts.runs, sources, workdir, {
          ...settings,
          runtimeDirs: [
            ...settings.runtimeDirs,
            ...servedDirs(context, (f) => f.endsWith('.go'), settings.servedDirCalls ?? []),
          ],
        }),
        workdir,
        isSource: (f) => f.endsWith('.go'),
        useOf: (file) => goEnvFileUse(context, file, sources, settings.fileLoaders),
        foldersHoldArtifacts: true,
      }),
      finish: () => goConfigFileWarnings(context, sources, paths, workdir),
      present(build, runtime, files) {
        const copied = [...build.artifacts.map((a) => a.to), ...(build.committed ?? []).map((c) => c.path)];
        const has = (program: string) =>
          runtime.support.commands.includes(path.basename(program)) ||
          copiedProgram(program, workdir, copied, files);
        return { command: has, healthcheck: has, healthcheckShell: runtime.support.commands.includes('sh') };
      },
    },
  );
}

function goBuild(
  input: PlanInput<GoSettings>,
  facts: StageFacts,
  workdir: string,
  imageWorkdir: string,
  project: GoProject,
): GoBuild | string {
  const { settings, profile, context } = input;
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
  if (startup.problem) return startup.problem;
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
  const warnings: string[] = [];
  if (binaries.length === 0) {
    const guessed = commands.programs.find(
      (p) => p.program.includes('/') && project.paths.toContext(path.resolve(workdir, p.program)) === null,
    );
    if (!guessed)
      return 'no go build / go install / go run found, and the container command does not name a built binary: msb cannot tell what to copy';
    const guessedPath = path.resolve(workdir, guessed.program);
    if (guessedPath === '/' || guessed.program.endsWith('/'))
      return `the container command names "${guessed.program}", which is not a program msb can copy`;
    binaries.push({ path: guessedPath, remote: false, line: 0 });
    warnings.push(
      `no go build line msb can read: it assumes the build writes ${guessedPath}, the program the container runs`,
    );
    commands = resolveCommand(startup.lines, [guessedPath], workdir, rules);
  }
  const { committed, run: used, needsShell } = commandArtifacts(commands, workdir, project.paths, context);
  const decisions = [...startup.decisions, ...commands.decisions];
  for (const b of binaries) {
    if (b.remote && !used.has(b.path))
      decisions.push({
        subject: b.path,
        placement: 'builder',
        why: `a tool installed with go install (line ${b.line}) that the container does not run`,
      });
  }
  const copied = [...new Set(binaries.filter((b) => !b.remote || used.has(b.path)).map((b) => b.path))];

  const cgo = cgoUse([...builds, ...startup.goCommands], facts.values, project.sources, settings.cgoModules);
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
  return {
    artifacts: copied.map((p) => ({ from: p, to: p, chown: null, why: `the binary ${path.basename(p)}` })),
    command: commands.nodes,
    programs: commands.programs,
    committed,
    needsShell,
    startup:
      startup.builderRuns.length > 0
        ? {
            runs: startup.builderRuns,
          }
        : null,
    builderInsertions,
    warnings,
    decisions,
    cgo,
    builds,
  };
}

/** The WORKDIR a golang image gave, and the CA bundle and zoneinfo a minimal image lacks. */
function runtimeNeeds(
  model: RuntimeStageModel,
  build: GoBuild,
  runtime: ArtifactRuntime & { runtime: GoRuntime },
  go: {
    facts: StageFacts;
    settings: GoSettings;
    workdir: string;
    golangImage: boolean;
    gopath: string;
    sources: GoSources;
  },
): Required<RuntimeNeeds> {
  const { facts, settings, workdir } = go;
  const needs: Required<RuntimeNeeds> = { copies: [], builderInsertions: [], warnings: [], decisions: [] };
  if (
    facts.workdirText &&
    /\$\{?GOPATH\b/.test(facts.workdirText) &&
    !facts.envNames.has('GOPATH') &&
    go.golangImage
  ) {
    // GOPATH came from the golang image: the runtime image does not define it.
    model.workdir = workdirNode(workdir);
    needs.decisions.push({
      subject: 'WORKDIR',
      placement: 'runtime',
      why: `$GOPATH is the golang image's (${go.gopath}); the runtime image has none, so the path is written out`,
    });
  } else if (!hasWorkdir(facts) && workdir !== '/') {
    model.workdir = workdirNode(workdir);
    needs.decisions.push({
      subject: 'WORKDIR',
      placement: 'runtime',
      why: `the builder image's WORKDIR (${workdir}), which relative paths depend on`,
    });
  }

  const tzdataEmbedded =
    go.sources.packages.some((p) => p.imports.has('time/tzdata')) ||
    build.builds.some((b) => /\btimetzdata\b/.test(flagValue(b, 'tags') ?? ''));
  const files = certificatesZoneinfo(runtime.runtime, runtime.image, settings, {
    certificates: ': HTTPS clients need the bundle',
    zoneinfo: tzdataEmbedded ? null : ' and the program does not import time/tzdata',
    // An apk-using builder is Alpine-based: its Go keeps zoneinfo where golang:*-alpine does.
    builder: apkEvidence(facts) ? 'alpine' : (facts.from.tag ?? 'latest'),
  });
  needs.copies.push(...files.copies);
  if (files.env.length > 0) model.env.unshift(env(files.env));
  needs.decisions.push(...files.decisions);
  if (tzdataEmbedded) {
    needs.decisions.push({
      subject: 'time/tzdata',
      placement: 'dropped',
      why: 'the binary embeds the time-zone database: no zoneinfo needed',
    });
  }
  return needs;
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
