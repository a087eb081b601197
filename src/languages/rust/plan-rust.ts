/**
 * Plans the Rust conversion: the builder keeps the user's cargo lines (a `cargo run` the
 * container did at start-up becomes a `cargo build` there), and the runtime stage — the slim
 * image of the builder's release for a glibc binary, scratch for a static musl one — copies only
 * the binaries the command runs, the files they read at run time, the runtime libraries of the
 * build's -dev packages and crates, and CA certificates when the code speaks TLS.
 */
import { posix as path } from 'path';
import { artifactRuntimeFiles, imageCopies, runtimeFileCopies } from '../../plan/artifact-files';
import { globalArgValues } from '../../plan/base-image';
import { builderSteps } from '../../plan/builder-steps';
import { pathDirs } from '../../plan/built-binaries';
import { contextPaths } from '../../plan/context-paths';
import { commandArtifacts, noCommandDecisions } from '../../plan/artifact-command';
import {
  missingCommandTargets,
  missingHealthcheckPrograms,
  unrunnableScript,
} from '../../plan/missing-programs';
import type {
  BrokenFinding,
  BuilderInsertion,
  Decision,
  PlanInput,
  StrategyPlan,
} from '../../plan/plan-types';
import { copiedRuntimeFiles } from '../../plan/runtime-files';
import { baseRuntimeModel, isWithin, runtimeCommands, runtimeEnv } from '../../plan/runtime-stage';
import { artifactUser } from '../../plan/root-user';
import { BUILDER, copy, StageNode } from '../../plan/stage-model';
import type { BuiltBinary, CargoBuildSetting } from './cargo-outputs';
import type { RustAnalysis } from './rust-analysis';
import { rustBuilds } from './rust-builds';
import { rustContainerCommand } from './rust-container-command';
import { binaryLinkage } from './rust-linkage';
import { rustPackages } from './rust-packages';
import { chooseRustRuntime } from './rust-runtime';
import type { RustSettings } from './rust-settings';
import { isEmbedded, rustEnvFileUse } from './rust-sources';

export function planRust(input: PlanInput<RustSettings>, project: RustAnalysis): StrategyPlan {
  const { facts, context, profile, options, settings } = input;
  const warnings: string[] = project.cargo.problems.map((p) => `msb could not read ${p}`);
  const decisions: Decision[] = [];
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

  const builds = rustBuilds(facts, setting);
  const builderPath = pathDirs(facts.values.get('PATH'), [path.join(cargoHome, 'bin'), ...settings.pathDirs]);
  const command = rustContainerCommand(facts, builds.binaries, builderPath, setting);
  if (command.problem) return { kind: 'skip', reason: command.problem };
  decisions.push(...command.decisions);
  const binaries: BuiltBinary[] = [...builds.binaries, ...command.built].filter(
    (b, i, all) => all.findIndex((o) => o.path === b.path) === i,
  );
  const local = binaries.filter((b) => !b.remote);
  if (local.length === 0)
    return {
      kind: 'skip',
      reason:
        builds.problems[0] ??
        (builds.binaries.length > 0
          ? `cargo only installs tools (${builds.binaries.map((b) => b.name).join(', ')}) here: the image does not build a Rust application`
          : 'no cargo build / cargo install / cargo run msb can read: it cannot tell which binary to copy'),
    };
  warnings.push(...builds.problems.map((p) => `msb could not follow the build at ${p}`));

  // Which binaries the runtime needs: those the command runs, else (a script or no command) all.
  const workdir = facts.workdir;
  const { committed, run, needsShell } = commandArtifacts(command, workdir, paths, context);
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
  for (const tool of binaries.filter((b) => b.remote && !run.has(b.path)))
    decisions.push({
      subject: tool.path,
      placement: 'builder',
      why: 'a tool installed with cargo install that the container does not run',
    });

  const linkage = binaryLinkage(facts, builds.commands, settings, setting);
  const choice = chooseRustRuntime(
    {
      requested: options.runtime,
      linkage: linkage.linkage,
      linkageWhy: linkage.why,
      needsShell,
      builder: facts.from,
      globals: globalArgValues(input.dockerfile),
      rules: profile,
    },
    settings,
  );
  if (!choice.ok) return { kind: 'skip', reason: choice.reason };
  const { runtime, image } = choice;
  warnings.push(...choice.warnings);
  decisions.push({ subject: 'FROM', placement: 'added', why: linkage.why });
  decisions.push(...choice.notes.map((why) => ({ subject: 'FROM', placement: 'added' as const, why })));
  const broken: BrokenFinding[] = [...choice.broken];
  const unrunnable = unrunnableScript(committed, runtime.commands, image);
  if (unrunnable) return { kind: 'skip', reason: unrunnable };
  broken.push(
    ...missingCommandTargets(
      command.programs,
      image,
      (program) =>
        runtime.commands.includes(program) ||
        committed.some((c) => c.program === program) ||
        copied.some((b) => path.basename(b.path) === program),
    ),
  );

  const model = baseRuntimeModel(facts, image, [
    linkage.linkage === 'glibc'
      ? "Runtime stage (added by msb): the binary on an image with the builder's glibc, without cargo, rustc and the sources."
      : 'Runtime stage (added by msb): the static binary and the files it reads at run time, without cargo, rustc and the sources.',
  ]);
  const env = runtimeEnv(facts, settings.buildOnlyEnv);
  model.env = env.env;
  decisions.push(...env.decisions);
  model.command = command.nodes;

  const builderInsertions: BuilderInsertion[] = [];
  if (command.builderRuns.length > 0)
    builderInsertions.push(
      builderSteps(
        profile.templates.builderSteps,
        facts,
        'the container compiled the program when it started; build it once here instead',
        command.builderRuns,
      ),
    );

  const packages = rustPackages(input, project, linkage.linkage, choice, runtimeCommands(facts));
  if (packages.problem) return { kind: 'skip', reason: packages.problem };
  warnings.push(...packages.warnings);
  decisions.push(...packages.decisions);
  // Without a package manager nothing can add what the HEALTHCHECK runs (curl on distroless/scratch).
  if (!runtime.packageManager)
    broken.push(
      ...missingHealthcheckPrograms(
        facts,
        image,
        (p) =>
          runtime.commands.includes(path.basename(p)) ||
          copied.some((b) => b.path === p || path.basename(b.path) === p),
        runtime.shell,
      ),
    );
  model.setup.push(...packages.setup);

  const user = artifactUser(facts, context, { ...runtime, image }, null);
  warnings.push(...user.warnings);
  decisions.push(...user.decisions);
  model.user = user.user;
  model.setup.push(...user.setup);

  const copies: StageNode[] = [...packages.copies, ...user.copies];
  const runtimePath = settings.pathDirs;
  for (const binary of copied) {
    const byName = command.programs.some((p) => p.binary === binary.path && !p.program.includes('/'));
    const onPath = runtimePath.includes(path.dirname(binary.path));
    const target = byName && !onPath ? path.join('/usr/local/bin', path.basename(binary.path)) : binary.path;
    copies.push(copy(BUILDER, binary.path, target));
    decisions.push({
      subject: target,
      placement: 'runtime',
      why:
        target === binary.path
          ? `the binary ${binary.name}`
          : `the binary ${binary.name}: the command runs it by name, and ${path.dirname(binary.path)} is on the rust image's PATH only`,
    });
  }
  for (const script of committed) {
    copies.push(copy(BUILDER, script.path, script.path));
    decisions.push({
      subject: script.path,
      placement: 'runtime',
      why: 'the container runs it, and a COPY brought it from the build context',
    });
  }

  const isSource = (f: string) => /\.rs$|(^|\/)(Cargo\.(toml|lock)|build\.rs)$/.test(f);
  const found = copiedRuntimeFiles(paths, facts.runs, {
    ...settings,
    isSource,
    isEmbedded: isEmbedded(project.sources),
  });
  const files = artifactRuntimeFiles(facts, paths, context, found.files, {
    workdir,
    artifacts: copied.map((b) => b.path),
    isSource,
    useOf: () => rustEnvFileUse(project.sources, project.crates, settings.envFileCrates),
  });
  warnings.push(...files.warnings);
  decisions.push(...files.decisions);
  const fileNodes = runtimeFileCopies(
    files.files.filter((f) => !copied.some((b) => isWithin(b.path, f.path))),
    user.owner,
  );
  copies.push(...fileNodes.copies, ...imageCopies(facts));
  decisions.push(...fileNodes.decisions);
  model.copies = copies;

  decisions.push(...noCommandDecisions(facts));
  return {
    kind: 'convert',
    runtime: model,
    builderInsertions,
    warnings,
    broken,
    decisions,
    runtimeImage: image,
    carried: files.carried,
  };
}
