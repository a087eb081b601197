/**
 * A Java project read once: what the build commands produce (java-build.ts), what the container
 * runs, and — for the report — the build tool those same parsed commands use (the build files
 * when no command names one) and the framework its build files declare.
 */
import type { DetectInput, Evidence, LanguageDetails } from '../../detect/detect-types';
import { findFramework } from '../../detect/frameworks';
import { ContextPaths, contextPaths } from '../../plan/context-paths';
import { JavaBuild, readJavaBuild } from './java-build';
import type { BuildToolName } from './java-commands';
import { ContainerCommand, readContainerCommand } from './java-container-command';
import type { JavaSettings } from './java-settings';

export interface JavaAnalysis {
  paths: ContextPaths;
  build: JavaBuild;
  command: ContainerCommand;
  details: LanguageDetails;
}

export function analyzeJava(input: DetectInput, settings: JavaSettings): JavaAnalysis {
  const paths = contextPaths(input.facts, input.context);
  const build = readJavaBuild(input.facts, input.context, paths, settings);
  const command = readContainerCommand(input.facts, settings);
  return { paths, build, command, details: describeJava(input, settings, build, command) };
}

function describeJava(
  input: DetectInput,
  settings: JavaSettings,
  build: JavaBuild,
  command: ContainerCommand,
): LanguageDetails {
  const { context } = input;
  const evidence: Evidence[] = [];
  const poms = context.glob('{pom.xml,*/pom.xml,*/*/pom.xml}');
  const scripts = settings.gradle.buildFiles;
  const gradleFiles = context.glob(`{${[...scripts, ...scripts.map((f) => `*/${f}`)].join(',')}}`);
  const runs = (tool: BuildToolName) =>
    build.commands.some((c) => c.command.tool === tool) || command.buildRun?.command.tool === tool;

  let packageManager: BuildToolName | undefined;
  if (runs('maven') || (poms.length > 0 && !runs('gradle'))) packageManager = 'maven';
  else if (runs('gradle') || gradleFiles.length > 0) packageManager = 'gradle';

  const tool = packageManager ?? 'maven';
  const buildText = (tool === 'gradle' ? gradleFiles : poms)
    .map((f) => context.read(f) ?? '')
    .join('\n')
    .replace(/<!--[\s\S]*?-->|\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  const framework = findFramework(
    settings.frameworks.map((f) => ({ name: f.name, packages: f[tool] })),
    (needle) => buildText.includes(needle),
  )?.name;
  if (framework) evidence.push({ kind: 'manifest', detail: `${framework} in the build files`, weight: 0.3 });
  return { framework, packageManager, evidence };
}
