/**
 * Plans the Rust conversion through the artifact planner (src/plan/artifact-planner.ts): the
 * builder keeps the user's cargo lines (a `cargo run` the container did at start-up becomes a
 * `cargo build` there), and the runtime stage — the slim image of the builder's release for a
 * glibc binary, scratch for a static musl one — copies only the binaries the command runs, the
 * files they read at run time, the runtime libraries of the build's -dev packages and crates, and
 * CA certificates when the code speaks TLS.
 */
import { posix as path } from 'path';
import { ArtifactBuild, ArtifactRuntime, planArtifact } from '../../plan/artifact-planner';
import { runtimeRequest } from '../../plan/artifact-runtimes';
import { chooseArtifactRuntime, plannedRuntime } from '../../plan/artifact-runtime-choice';
import { pathDirs } from '../../plan/built-binaries';
import { contextPaths } from '../../plan/context-paths';
import { commandArtifacts } from '../../plan/artifact-command';
import type { PlanInput, StrategyPlan } from '../../plan/plan-types';
import { copiedRuntimeFiles } from '../../plan/runtime-files';
import { servedDirs } from '../../plan/served-dirs';
import { runtimeCommands } from '../../plan/runtime-stage';
import type { BuiltBinary, CargoBuildSetting } from './cargo-outputs';
import type { RustAnalysis } from './rust-analysis';
import { rustBuilds } from './rust-builds';
import { rustContainerCommand } from './rust-container-command';
import { binaryLinkage } from './rust-linkage';
import { rustPackages } from './rust-packages';
import type { RustRuntime, RustSettings } from './rust-settings';
import { isEmbedded, rustEnvFileUse } from './rust-sources';

interface RustBuild extends ArtifactBuild {
  needsShell: boolean;
  binaries: BuiltBinary[];
  linkage: ReturnType<typeof binaryLinkage>;
}

interface RustRuntimeChoice extends ArtifactRuntime {
  runtime: RustRuntime;
  packageImage: string;
}

export function planRust(input: PlanInput<RustSettings>, project: RustAnalysis): StrategyPlan {
  const { facts, context, profile, settings } = input;
  const paths = contextPaths(facts, context);
  const cargoHome = facts.values.get('CARGO_HOME') ?? settings.cargoHome;
  const setting: CargoBuildSetting = {
    project: project.cargo,
    paths,
    context,
    values: facts.values,
    cargoHome,
    cargoOptions: settings.cargoOptions,
  };
  const isSource = (f: string) => /\.rs$|(^|\/)(Cargo\.(toml|lock)|build\.rs)$/.test(f);

  return planArtifact<RustBuild, RustRuntimeChoice>(
    { ...input, paths, builderSteps: profile.templates.builderSteps },
    {
      windows: false,
      buildOnlyEnv: settings.buildOnlyEnv,
      build: () => rustBuild(input, project, setting),
      runtime(build) {
        const { linkage, why } = build.linkage;
        const choice = chooseArtifactRuntime(
          {
            ...runtimeRequest(input, build.needsShell),
            language: 'Rust',
            libc: linkage,
            // A glibc binary is refused by scratch (the one static runtime): say how to build a static one.
            libcWhy: `${why}${linkage === 'glibc' ? '; scratch needs a static binary (cargo build --target x86_64-unknown-linux-musl)' : ''}`,
          },
          settings.runtimes,
          settings.runtimeChoice,
        );
        if (!choice.ok) return choice.reason;
        const planned = plannedRuntime(choice, linkage === 'glibc' ? 'glibc' : 'static');
        return { ...planned, notes: [why, ...choice.notes] };
      },
      stage(model, build, runtime) {
        const packages = rustPackages(input, project, build.linkage.linkage, runtime, runtimeCommands(facts));
        if (packages.problem) return packages.problem;
        model.setup.push(...packages.setup);
        return { ...packages, builderInsertions: [] };
      },
      user: { rule: { kind: 'evidence', rules: null } },
      files: () => ({
        found: copiedRuntimeFiles(paths, facts.runs, {
          ...settings,
          runtimeDirs: [
            ...settings.runtimeDirs,
            ...servedDirs(context, isSource, settings.servedDirCalls ?? []),
          ],
          isSource,
          isEmbedded: isEmbedded(project.sources),
        }).files,
        isSource,
        useOf: (file) => rustEnvFileUse(context, file, project.crates, settings),
      }),
      present: (build, { runtime }) => ({
        command: (program) =>
          runtime.commands.includes(program) ||
          (build.committed ?? []).some((c) => c.program === program) ||
          build.artifacts.some((a) => path.basename(a.from) === program),
        // Without a package manager nothing can add what the HEALTHCHECK runs (curl on distroless/scratch).
        healthcheck: runtime.packageManager
          ? null
          : (p) =>
              runtime.commands.includes(path.basename(p)) ||
              build.artifacts.some((a) => a.from === p || path.basename(a.from) === p),
        healthcheckShell: runtime.shell,
      }),
    },
  );
}

/** The binaries the RUN lines and a start-up `cargo run` build, and those the command runs. */
function rustBuild(
  input: PlanInput<RustSettings>,
  project: RustAnalysis,
  setting: CargoBuildSetting,
): RustBuild | string {
  const { facts, context, settings } = input;
  const builds = rustBuilds(facts, setting);
  const builderPath = pathDirs(facts.values.get('PATH'), [
    path.join(setting.cargoHome, 'bin'),
    ...settings.pathDirs,
  ]);
  const command = rustContainerCommand(facts, builds.binaries, builderPath, setting);
  if (command.problem) return command.problem;
  const binaries: BuiltBinary[] = [...builds.binaries, ...command.built].filter(
    (b, i, all) => all.findIndex((o) => o.path === b.path) === i,
  );
  const local = binaries.filter((b) => !b.remote);
  if (local.length === 0)
    return (
      builds.problems[0] ??
      (builds.binaries.length > 0
        ? `cargo only installs tools (${builds.binaries.map((b) => b.name).join(', ')}) here: the image does not build a Rust application`
        : 'no cargo build / cargo install / cargo run msb can read: it cannot tell which binary to copy')
    );
  const warnings = [
    ...project.cargo.problems.map((p) => `msb could not read ${p}`),
    ...builds.problems.map((p) => `msb could not follow the build at ${p}`),
  ];

  // Which binaries the runtime needs: those the command runs, else (a script or no command) all.
  const { committed, run, needsShell } = commandArtifacts(command, facts.workdir, setting.paths, context);
  const copied = run.size > 0 ? binaries.filter((b) => run.has(b.path)) : local;
  const unresolved = command.programs.filter(
    (p) => p.binary === null && !committed.some((c) => c.program === p.program),
  );
  if (run.size === 0 && unresolved.every((p) => !p.program.includes('/')))
    warnings.push(
      command.programs.length === 0
        ? `the original has no command (compose or the platform supplies it): the runtime gets every built binary (${local.map((b) => b.path).join(', ')})`
        : `the container command runs no binary msb can name: the runtime gets every built binary (${local.map((b) => b.path).join(', ')})`,
    );
  const decisions = [...command.decisions];
  for (const tool of binaries.filter((b) => b.remote && !run.has(b.path)))
    decisions.push({
      subject: tool.path,
      placement: 'builder',
      why: 'a tool installed with cargo install that the container does not run',
    });

  const runtimePath = settings.pathDirs;
  const artifacts = copied.map((binary) => {
    const byName = command.programs.some((p) => p.binary === binary.path && !p.program.includes('/'));
    const onPath = runtimePath.includes(path.dirname(binary.path));
    const to = byName && !onPath ? path.join('/usr/local/bin', path.basename(binary.path)) : binary.path;
    const why =
      to === binary.path
        ? `the binary ${binary.name}`
        : `the binary ${binary.name}: the command runs it by name, and ${path.dirname(binary.path)} is on the rust image's PATH only`;
    return { from: binary.path, to, why, chown: null };
  });
  return {
    artifacts,
    command: command.nodes,
    programs: command.programs,
    committed,
    needsShell,
    startup:
      command.builderRuns.length > 0
        ? {
            runs: command.builderRuns,
          }
        : null,
    warnings,
    decisions,
    binaries,
    linkage: binaryLinkage(facts, builds.commands, settings, setting),
  };
}
