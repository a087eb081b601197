/**
 * Plans the Java conversion through the artifact planner (src/plan/artifact-planner.ts): the
 * builder keeps the user's build (mvn/gradle/javac), a build the container did at start-up
 * (`mvn spring-boot:run`, `gradle bootRun`) moves into it, and the runtime stage — a JRE of the
 * same Java major (or a servlet container for a WAR) — copies only the artifact, at the path the
 * command names (or a fixed name when that path cannot work).
 */
import { posix as path } from 'path';
import { containerCommand, needsShell } from '../../analyze/container-command';
import { ArtifactBuild, ArtifactRuntime, planArtifact, RuntimeNeeds } from '../../plan/artifact-planner';
import { shellMissing } from '../../plan/artifact-runtimes';
import { builderSteps } from '../../plan/builder-steps';
import type { Decision, PlanInput, StrategyPlan } from '../../plan/plan-types';
import { envFileUse } from '../../plan/env-file-loads';
import { copiedRuntimeFiles } from '../../plan/runtime-files';
import { RuntimeStageModel, shellRun } from '../../plan/stage-model';
import { compiledRegExp } from '../../util/compiled-regexp';
import type { BuiltArtifact } from './java-build';
import type { JavaAnalysis } from './java-analysis';
import { commandNode, keptCommand, newCommand, rewritePath, RuntimeCommand } from './java-container-command';
import { chownOf, classpathCopies, Copy, jarCopies } from './java-jar-choice';
import { javaHomeWarnings, parseFlavour, runtimeImage } from './java-runtime-image';
import type { JavaRuntime, JavaSettings } from './java-settings';
import { replaceBuildRun } from './java-startup-build';
import { launchLayers, springBootLayers } from './spring-boot-layers';

interface JavaPlanBuild extends ArtifactBuild {
  /** The runtime's command lines, and which one runs java (-1: none). */
  lines: RuntimeCommand[];
  callIndex: number;
  war: BuiltArtifact | null;
  layered: { jar: string; version: string | null } | null;
  runtimeName: string;
}

interface JavaPlanRuntime extends ArtifactRuntime {
  runtime: JavaRuntime;
}

export function planJava(input: PlanInput<JavaSettings>, project: JavaAnalysis): StrategyPlan {
  const { facts, profile, context, settings } = input;
  const { paths } = project;
  const isSource = (f: string) => compiledRegExp(settings.sourceFiles).test(f);
  return planArtifact<JavaPlanBuild, JavaPlanRuntime>(
    { ...input, paths, builderSteps: profile.templates.builderSteps },
    {
      windows: false,
      buildOnlyEnv: [],
      build: () => javaBuild(input, project),
      runtime(build) {
        const warnings: string[] = [];
        const decisions: Decision[] = [];
        const image = runtimeImage(
          input,
          settings,
          build.runtimeName,
          project.build,
          build.war,
          warnings,
          decisions,
        );
        if (typeof image === 'string') return image;
        const { runtime, from } = image;
        const shellNeeded = project.command.lines.some((l) => needsShell(l.form));
        return {
          image: from,
          runtime,
          support: {
            image: from,
            userTool: /alpine/.test(from) && runtime.userTool === 'shadow' ? 'busybox' : runtime.userTool,
            users: runtime.users,
            nonrootUser: runtime.nonrootUser,
            shell: runtime.shell,
            commands: [],
          },
          kind: build.war ? 'war' : 'jar',
          notes: decisions.map((d) => d.why),
          warnings,
          broken: shellNeeded && !runtime.shell ? [shellMissing(from)] : [],
        };
      },
      stage: (model, build, runtime) => stageChanges(model, build, runtime, input),
      user: { rule: { kind: 'image' } },
      files: () => ({
        found: copiedRuntimeFiles(paths, facts.runs, { ...settings, isSource }).files,
        isSource,
        useOf: (file) => envFileUse(context, file, settings.envFileLoads),
      }),
      finish: (_model, build) =>
        javaHomeWarnings(facts, settings, [
          ...facts.envs.map((e) => e.text),
          ...build.lines.map(({ command: c }) => (c.form === 'exec' ? c.argv.join(' ') : c.text)),
        ]),
    },
  );
}

/** What the container runs: the jar or classpath of its java call, or the build's artifact; a start-up build moved. */
function javaBuild(input: PlanInput<JavaSettings>, project: JavaAnalysis): JavaPlanBuild | string {
  const { facts, options, settings } = input;
  const { paths, build, command } = project;
  const flavour = parseFlavour(options.runtime, settings);
  if (typeof flavour === 'string') return flavour;

  const warnings: string[] = [...build.notes];
  const decisions: Decision[] = [];
  const builderRuns: string[] = [];
  let lines: RuntimeCommand[] = command.lines.map(keptCommand);

  // A build tool as the container command: build once in the builder, run the artifact.
  let call = command.java;
  let callIndex = call ? command.lines.indexOf(call.line) : -1;
  if (command.buildRun && !call) {
    const replaced = replaceBuildRun(command, build, input, builderRuns, decisions);
    if (typeof replaced === 'string') return replaced;
    lines = replaced.commands;
    call = replaced.call;
    callIndex = replaced.index;
  }

  const copies: Copy[] = [];
  let war: BuiltArtifact | null = null;
  let layered: JavaPlanBuild['layered'] = null;
  if (
    call &&
    (call.invocation.jar !== null || call.invocation.classpath !== null || call.invocation.mainClass !== null)
  ) {
    const chosen =
      call.invocation.jar !== null
        ? jarCopies(call, build, paths, facts, settings, warnings, decisions)
        : classpathCopies(call, build, paths, facts, warnings);
    if (typeof chosen === 'string') return chosen;
    copies.push(...chosen.copies);
    if (chosen.rewrite && chosen.rewrite.from !== chosen.rewrite.to) {
      const { from, to } = chosen.rewrite;
      // The jar may sit in CMD while java is in ENTRYPOINT: rewrite whichever line names it.
      const aligned = lines.length === command.lines.length;
      lines = lines.map((kept, i) =>
        i === callIndex && call
          ? rewritePath(call.line, from, to)
          : aligned
            ? rewritePath(command.lines[i], from, to)
            : kept,
      );
      decisions.push({
        subject: `${call.line.instruction.keyword} (line ${call.line.instruction.line + 1})`,
        placement: 'runtime',
        why: `the command runs ${to} instead of ${from}`,
      });
    }
    if (chosen.springBoot !== null && flavour.layered)
      layered = { jar: chosen.copies[0].from, version: chosen.springBoot || build.springBootVersion };
    else if (flavour.layered)
      warnings.push('layered extraction applies to Spring Boot jars only: the jar is copied whole');
  } else {
    const runnable = build.artifacts.filter((a) => a.kind !== 'native');
    if (build.artifacts.some((a) => a.kind === 'native'))
      return 'the build makes a native executable (Quarkus native): msb plans JVM runtimes only';
    if (runnable.length === 0)
      return command.lines.length === 0
        ? 'no java command and no artifact msb can name from the build: nothing to copy'
        : 'the container command does not run java and msb cannot name the build artifact';
    const best = runnable[0];
    const entry = best.entry ? path.join(best.absolute, best.entry) : null;
    const runsEntry = containerCommand(facts).commands.some(
      (c) => entry !== null && path.resolve(facts.workdir, c.words[0] ?? '') === entry,
    );
    if (best.kind === 'war' && !best.runnable) {
      war = best;
      // A WAR the build deployed under its own name keeps it: the name is the URL's context path.
      const deployedAs = build.produced.map((p) => /\/webapps\/([^/]+\.war)$/.exec(p)?.[1]).find(Boolean);
      copies.push({
        from: war.absolute,
        to: path.join(settings.servlet.webapps, deployedAs ?? 'ROOT.war'),
        why: deployedAs
          ? `${war.why}: deployed as ${deployedAs}, as the original build did (context path /${deployedAs.replace(/\.war$/, '')})`
          : `${war.why}: deployed as the root web application`,
      });
      lines = [newCommand('CMD', settings.servlet.command)];
    } else {
      const why = runsEntry
        ? `the container command runs ${entry}`
        : 'the container command does not name it';
      copies.push({ from: best.absolute, to: best.absolute, why: `${best.why}; ${why}` });
      if (!runsEntry && command.lines.length > 0)
        warnings.push(
          `the container command does not run java directly: msb copies ${best.absolute} and keeps the command`,
        );
    }
  }
  const mavenTests = build.commands.some(
    (b) => b.command.tool === 'maven' && b.command.steps.includes('test'),
  );
  return {
    artifacts: copies.map((c) => ({ ...c, chown: chownOf(facts, c.from) })),
    startup:
      builderRuns.length > 0
        ? {
            runs: builderRuns.map(shellRun),
          }
        : null,
    tests: mavenTests ? 'mvn test' : null,
    warnings,
    decisions,
    lines,
    callIndex,
    war,
    layered,
    runtimeName: flavour.runtime,
  };
}

/** A servlet container's own command and layout, Spring Boot layers, and an image ENTRYPOINT cleared. */
function stageChanges(
  model: RuntimeStageModel,
  build: JavaPlanBuild,
  { runtime, image }: JavaPlanRuntime,
  input: PlanInput<JavaSettings>,
): Required<RuntimeNeeds> {
  const { facts, settings, profile } = input;
  const needs: Required<RuntimeNeeds> = { copies: [], builderInsertions: [], warnings: [], decisions: [] };
  if (build.war) {
    // The servlet container has its own layout (CATALINA_HOME); the build's directory means nothing there.
    model.workdir = null;
    needs.decisions.push({
      subject: 'CMD',
      placement: 'runtime',
      why: `the servlet container starts the WAR (${settings.servlet.command.join(' ')})`,
    });
  }
  const layered = build.layered;
  if (layered) {
    const extraction = springBootLayers(layered.jar, layered.version, settings);
    if (typeof extraction === 'string') needs.warnings.push(extraction);
    else {
      needs.builderInsertions.push(
        builderSteps(
          profile.templates.builderSteps,
          facts,
          'unpack the Spring Boot jar into layers (dependencies change less often than the code)',
          [shellRun(extraction.run)],
          'Spring Boot layered extraction',
        ),
      );
      build.artifacts.splice(
        0,
        1,
        ...extraction.copies.map((c) => ({ ...c, chown: chownOf(facts, c.from) })),
      );
      build.lines[build.callIndex] = launchLayers(
        build.lines[build.callIndex],
        extraction.launcher,
        settings.springBootLayers.dir,
      );
      needs.decisions.push({
        subject: layered.jar,
        placement: 'runtime',
        why: `Spring Boot layers (${settings.springBootLayers.layers.join(', ')}) copied separately into ${settings.springBootLayers.dir}; the container command starts them with ${extraction.launcher} instead of the jar`,
      });
    }
  }
  if (runtime.clearEntrypoint && !facts.entrypoint && build.lines.length > 0) {
    build.lines.unshift(newCommand('ENTRYPOINT', []));
    needs.decisions.push({
      subject: 'ENTRYPOINT',
      placement: 'added',
      why: `${image} has ENTRYPOINT ["java", "-jar"]: cleared so the CMD runs as written`,
    });
  }
  model.command = build.lines.map(commandNode);
  return needs;
}
