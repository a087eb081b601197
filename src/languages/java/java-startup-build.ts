/**
 * A build tool as the container command (`mvn spring-boot:run`, `gradle bootRun`, `mvn
 * jetty:run`): the packaging step moves into the builder (with spring-boot:repackage when the
 * plugin is only managed by the parent) and the command runs the artifact with `java -jar`,
 * keeping the profiles, JVM options and program arguments the tool was given.
 */
import { posix as path } from 'path';
import { INHERITS_ALL } from '../../analyze/command-env';
import { shellQuote } from '../../plan/container-command';
import { contextPaths } from '../../plan/context-paths';
import type { Decision, PlanInput } from '../../plan/plan-types';
import { artifactsOf, JavaBuild } from './java-build';
import { BuildCommand, parseBuildCommand } from './java-commands';
import {
  ContainerCommand,
  JavaCall,
  keptCommand,
  newCommand,
  RuntimeCommand,
} from './java-container-command';
import type { JavaSettings } from './java-settings';

/** `mvn spring-boot:run` / `gradle bootRun` as the command → package in the builder, `java -jar` at run time. */
export function replaceBuildRun(
  command: ContainerCommand,
  build: JavaBuild,
  input: PlanInput<JavaSettings>,
  builderRuns: string[],
  decisions: Decision[],
): { commands: RuntimeCommand[]; call: JavaCall | null; index: number } | string {
  const { facts, context, settings } = input;
  const run = command.buildRun as NonNullable<ContainerCommand['buildRun']>;
  const tool = run.command;
  const table = settings[tool.tool];
  const unsupported = table.unsupportedRuns[tool.run ?? ''];
  if (unsupported) return unsupported;
  // A program word that is not a plain path ("RUN ./mvnw" in an exec-form array) cannot start in the original either.
  if (!/^[A-Za-z0-9_@%+=:,./-]+$/.test(tool.program))
    return `the container runs "${tool.text}", whose program "${tool.program}" is not a command msb can run in the builder`;
  let packaging = packagingWords(tool, false, settings);
  if (!build.artifacts.some((a) => a.runnable || a.kind === 'war')) {
    const paths = contextPaths(facts, context);
    const artifactsFor = (words: string[]) => {
      const parsed = parseBuildCommand({ words, env: INHERITS_ALL, text: words.join(' ') }, settings);
      return parsed ? artifactsOf(parsed, facts.workdir, { context, paths, settings, build }) : [];
    };
    let artifacts = artifactsFor(packaging);
    // spring-boot:run works without the plugin in <plugins> (the parent manages it); package alone then makes a plain jar.
    if (tool.tool === 'maven' && tool.run === 'spring-boot:run' && !artifacts.some((a) => a.runnable)) {
      packaging = packagingWords(tool, true, settings);
      artifacts = artifactsFor(packaging).map((a) =>
        a.kind === 'jar'
          ? {
              ...a,
              runnable: true,
              springBoot: build.springBootVersion ?? '',
              why: 'Spring Boot jar (spring-boot:repackage)',
            }
          : a,
      );
    }
    builderRuns.push(packaging.map(shellQuote).join(' '));
    build.artifacts.splice(0, build.artifacts.length, ...artifacts);
    build.artifacts.sort((a, b) => Number(b.runnable) - Number(a.runnable));
  }
  const artifact = build.artifacts[0];
  if (!artifact) return `the container runs "${tool.text}", and msb cannot name the artifact it builds`;
  if (table.warRuns.includes(tool.run ?? '') && artifact.kind !== 'war') {
    return `the container serves the project with "${tool.text}", but it is not packaged as a WAR: msb cannot deploy it on a servlet container`;
  }
  const subject = `${run.line.instruction.keyword} (line ${run.line.instruction.line + 1})`;
  decisions.push({
    subject,
    placement: 'builder',
    why: `"${tool.text}" compiled and packaged the application at every start: the builder ${builderRuns.length > 0 ? `runs "${packaging.join(' ')}"` : 'already packages it'}`,
  });
  decisions.push({
    subject,
    placement: 'runtime',
    why: `the command runs ${artifact.absolute} instead of "${tool.text}"`,
  });
  if (artifact.kind === 'war' && !artifact.runnable) return { commands: [], call: null, index: -1 };
  const jvm = jvmArguments(tool);
  const jar =
    artifact.kind === 'directory' ? path.join(artifact.absolute, artifact.entry ?? '') : artifact.absolute;
  const argv = ['java', ...jvm.options, '-jar', jar, ...jvm.args];
  const keyword = run.line.keyword;
  // An ENTRYPOINT's CMD held arguments for the build tool: they do not apply to java.
  const kept = command.lines.filter(
    (l) =>
      l === run.line || !(run.line.instruction.keyword === 'ENTRYPOINT' && l.instruction.keyword === 'CMD'),
  );
  const index = kept.indexOf(run.line);
  const line = { ...run.line, form: { form: 'exec' as const, argv } };
  const invocation = { jar, classpath: null, mainClass: null };
  const replaced = newCommand(keyword, argv);
  return {
    commands: kept.map((l) => (l === run.line ? replaced : keptCommand(l))),
    call: { line, invocation, inShell: false },
    index,
  };
}

/** The packaging command as words: re-splitting a joined text would misread words that hold spaces. */
function packagingWords(tool: BuildCommand, repackage: boolean, settings: JavaSettings): string[] {
  const flags = tool.flags.filter((f) => !settings[tool.tool].runFlags.some((p) => f.startsWith(p)));
  if (tool.tool === 'maven') {
    return [
      tool.program,
      ...flags,
      'package',
      ...(repackage ? ['spring-boot:repackage'] : []),
      ...(tool.properties.has('skipTests') ? [] : ['-DskipTests']),
    ];
  }
  return [tool.program, tool.run ?? '', ...flags];
}

/** `-Dspring-boot.run.jvmArguments=...`, `.profiles`, `.arguments`, gradle `--args=...`. */
function jvmArguments(tool: BuildCommand): { options: string[]; args: string[] } {
  const split = (value: string | undefined) =>
    (value ?? '')
      .replace(/^["']|["']$/g, '')
      .split(/\s+/)
      .filter(Boolean);
  if (tool.tool === 'maven') {
    const options = split(tool.properties.get('spring-boot.run.jvmArguments'));
    const profiles = tool.properties.get('spring-boot.run.profiles');
    if (profiles) options.push(`-Dspring.profiles.active=${profiles}`);
    return { options, args: split(tool.properties.get('spring-boot.run.arguments')) };
  }
  const args = tool.flags.find((f) => f.startsWith('--args='));
  return { options: [], args: split(args?.slice('--args='.length)) };
}
