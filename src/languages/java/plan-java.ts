/**
 * Plans the Java conversion: the builder keeps the user's build (mvn/gradle/javac), a build the
 * container did at start-up (`mvn spring-boot:run`, `gradle bootRun`) moves into it, and the
 * runtime stage — a JRE of the same Java major (or a servlet container for a WAR) — copies only
 * the artifact, at the path the command names (or a fixed name when that path cannot work).
 */
import { posix as path } from 'path';
import { containerCommand, needsShell } from '../../analyze/container-command';
import { artifactFileCopies, imageCopies } from '../../plan/artifact-files';
import { builderSteps } from '../../plan/builder-steps';
import { shellMissing } from '../../plan/artifact-runtimes';
import type { BuilderInsertion, Decision, PlanInput, StrategyPlan } from '../../plan/plan-types';
import { copiedRuntimeFiles } from '../../plan/runtime-files';
import { baseRuntimeModel } from '../../plan/runtime-stage';
import { BUILDER, copy, shellRun, StageNode } from '../../plan/stage-model';
import { runtimeUser } from '../../plan/runtime-users';
import { compiledRegExp } from '../../util/compiled-regexp';
import type { BuiltArtifact } from './java-build';
import type { JavaAnalysis } from './java-analysis';
import { javaEnvFileUse } from './java-env-files';
import { commandNode, keptCommand, newCommand, rewritePath, RuntimeCommand } from './java-container-command';
import { chownOf, classpathCopies, Copy, jarCopies } from './java-jar-choice';
import { javaHomeWarnings, parseFlavour, runtimeImage } from './java-runtime-image';
import type { JavaSettings } from './java-settings';
import { replaceBuildRun } from './java-startup-build';
import { launchLayers, springBootLayers } from './spring-boot-layers';

export function planJava(input: PlanInput<JavaSettings>, project: JavaAnalysis): StrategyPlan {
  const { facts, profile, context, options, settings } = input;
  const { paths, build, command } = project;
  const warnings: string[] = [];
  const decisions: Decision[] = [];
  const flavour = parseFlavour(options.runtime, settings);
  if (typeof flavour === 'string') return { kind: 'skip', reason: flavour };

  warnings.push(...build.notes);
  const builderRuns: string[] = [];
  let commands: RuntimeCommand[] = command.lines.map(keptCommand);

  // A build tool as the container command: build once in the builder, run the artifact.
  let call = command.java;
  let callIndex = call ? command.lines.indexOf(call.line) : -1;
  if (command.buildRun && !call) {
    const replaced = replaceBuildRun(command, build, input, builderRuns, decisions);
    if (typeof replaced === 'string') return { kind: 'skip', reason: replaced };
    commands = replaced.commands;
    call = replaced.call;
    callIndex = replaced.index;
  }

  // What the container runs.
  const copies: Copy[] = [];
  let war: BuiltArtifact | null = null;
  let layered: { jar: string; version: string | null } | null = null;
  if (
    call &&
    (call.invocation.jar !== null || call.invocation.classpath !== null || call.invocation.mainClass !== null)
  ) {
    const chosen =
      call.invocation.jar !== null
        ? jarCopies(call, build, paths, facts, settings, warnings, decisions)
        : classpathCopies(call, build, paths, facts, warnings);
    if (typeof chosen === 'string') return { kind: 'skip', reason: chosen };
    copies.push(...chosen.copies);
    if (chosen.rewrite && chosen.rewrite.from !== chosen.rewrite.to) {
      const { from, to } = chosen.rewrite;
      // The jar may sit in CMD while java is in ENTRYPOINT: rewrite whichever line names it.
      const aligned = commands.length === command.lines.length;
      commands = commands.map((kept, i) =>
        i === callIndex && call
          ? rewritePath(call.line, from, to)
          : aligned
            ? rewritePath(command.lines[i], from, to)
            : kept,
      );
      decisions.push({
        subject: `${call.line.instruction.keyword} (line ${call.line.instruction.line + 1})`,
        placement: 'runtime',
        why: `the command runs ${chosen.rewrite.to} instead of ${chosen.rewrite.from}`,
      });
    }
    if (chosen.springBoot !== null && flavour.layered)
      layered = { jar: chosen.copies[0].from, version: chosen.springBoot || build.springBootVersion };
    else if (flavour.layered)
      warnings.push('layered extraction applies to Spring Boot jars only: the jar is copied whole');
  } else {
    const runnable = build.artifacts.filter((a) => a.kind !== 'native');
    if (build.artifacts.some((a) => a.kind === 'native'))
      return {
        kind: 'skip',
        reason: 'the build makes a native executable (Quarkus native): msb plans JVM runtimes only',
      };
    if (runnable.length === 0) {
      return {
        kind: 'skip',
        reason:
          command.lines.length === 0
            ? 'no java command and no artifact msb can name from the build: nothing to copy'
            : 'the container command does not run java and msb cannot name the build artifact',
      };
    }
    const best = runnable[0];
    const entry = best.entry ? path.join(best.absolute, best.entry) : null;
    const runsEntry = containerCommand(facts).commands.some(
      (c) => entry !== null && path.resolve(facts.workdir, c.words[0] ?? '') === entry,
    );
    if (best.kind === 'war' && !best.runnable) war = best;
    else {
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

  // Runtime image.
  const image = runtimeImage(input, settings, flavour.runtime, build, war, warnings, decisions);
  if (typeof image === 'string') return { kind: 'skip', reason: image };
  const { runtime, from } = image;
  const shellNeeded = command.lines.some((l) => needsShell(l.form));
  const broken = shellNeeded && !runtime.shell ? [shellMissing(from)] : [];

  const builderInsertions: BuilderInsertion[] = [];
  if (builderRuns.length > 0)
    builderInsertions.push(
      builderSteps(
        profile.templates.builderSteps,
        facts,
        'the container built the application when it started; build it once here instead',
        builderRuns.map(shellRun),
      ),
    );

  const model = baseRuntimeModel(facts, from, [
    war
      ? 'Runtime stage (added by msb): the WAR on a servlet container, without the JDK and build tools.'
      : 'Runtime stage (added by msb): the application on a JRE, without the JDK, build tools and sources.',
  ]);
  let commandLines = commands;
  if (war) {
    // A WAR the build deployed under its own name keeps it: the name is the URL's context path.
    const deployedAs = build.produced.map((p) => /\/webapps\/([^/]+\.war)$/.exec(p)?.[1]).find(Boolean);
    const webapps = path.join(settings.servlet.webapps, deployedAs ?? 'ROOT.war');
    copies.push({
      from: war.absolute,
      to: webapps,
      why: deployedAs
        ? `${war.why}: deployed as ${deployedAs}, as the original build did (context path /${deployedAs.replace(/\.war$/, '')})`
        : `${war.why}: deployed as the root web application`,
    });
    commandLines = [newCommand('CMD', settings.servlet.command)];
    // The servlet container has its own layout (CATALINA_HOME); the build's directory means nothing there.
    model.workdir = null;
    decisions.push({
      subject: 'CMD',
      placement: 'runtime',
      why: `the servlet container starts the WAR (${settings.servlet.command.join(' ')})`,
    });
  }
  if (layered) {
    const extraction = springBootLayers(layered.jar, layered.version, settings);
    if (typeof extraction === 'string') warnings.push(extraction);
    else {
      builderInsertions.push(
        builderSteps(
          profile.templates.builderSteps,
          facts,
          'unpack the Spring Boot jar into layers (dependencies change less often than the code)',
          [shellRun(extraction.run)],
          'Spring Boot layered extraction',
        ),
      );
      copies.splice(0, 1, ...extraction.copies);
      commandLines[callIndex] = launchLayers(
        commandLines[callIndex],
        extraction.launcher,
        settings.springBootLayers.dir,
      );
      decisions.push({
        subject: layered.jar,
        placement: 'runtime',
        why: `Spring Boot layers (dependencies, spring-boot-loader, snapshot-dependencies, application) copied separately into ${settings.springBootLayers.dir}; the container command starts them with ${extraction.launcher} instead of the jar`,
      });
    }
  }
  if (runtime.clearEntrypoint && !facts.entrypoint && commandLines.length > 0) {
    commandLines = [newCommand('ENTRYPOINT', []), ...commandLines];
    decisions.push({
      subject: 'ENTRYPOINT',
      placement: 'added',
      why: `${from} has ENTRYPOINT ["java", "-jar"]: cleared so the CMD runs as written`,
    });
  }
  model.command = commandLines.map(commandNode);

  const user = runtimeUser(facts, {
    image: from,
    userTool: /alpine/.test(from) && runtime.userTool === 'shadow' ? 'busybox' : runtime.userTool,
    users: runtime.users,
    nonrootUser: runtime.nonrootUser,
  });
  warnings.push(...user.warnings);
  decisions.push(...user.decisions);
  model.user = user.user;
  model.setup.push(...user.setup);

  const lines: StageNode[] = [...user.copies];
  for (const artifact of copies) {
    lines.push(
      copy(BUILDER, artifact.from, artifact.to, { chown: user.owner(chownOf(facts, artifact.from)) }),
    );
    decisions.push({ subject: artifact.to, placement: 'runtime', why: artifact.why });
  }
  const isSource = (f: string) => compiledRegExp(settings.sourceFiles).test(f);
  const files = artifactFileCopies(
    facts,
    paths,
    context,
    copiedRuntimeFiles(paths, facts.runs, { ...settings, isSource }).files,
    {
      workdir: facts.workdir,
      artifacts: copies.flatMap((c) => [c.to, c.from]),
      isSource,
      useOf: (file) => javaEnvFileUse(context, file),
    },
    user.owner,
  );
  warnings.push(...files.warnings);
  decisions.push(...files.decisions);
  model.copies = [...lines, ...files.copies, ...imageCopies(facts)];

  const commandWords = commandLines.map(({ command: c }) => (c.form === 'exec' ? c.argv.join(' ') : c.text));
  warnings.push(...javaHomeWarnings(facts, settings, [...facts.envs.map((e) => e.text), ...commandWords]));
  if (build.commands.some((b) => b.command.tool === 'maven' && b.command.steps.includes('test')))
    decisions.push({
      subject: 'mvn test',
      placement: 'builder',
      why: 'tests run in the builder; the runtime does not need them',
    });
  return {
    kind: 'convert',
    runtime: model,
    builderInsertions,
    warnings,
    broken,
    decisions,
    runtimeImage: from,
    carried: files.carried,
  };
}
