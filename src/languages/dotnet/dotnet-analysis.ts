/**
 * A .NET project read once: the project files of the context, what the Dockerfile's publish/build
 * lines write, and what the container runs; for the report, the framework (ASP.NET Core, worker...)
 * of the project the container runs and its assembly.
 */
import type { DetectInput, LanguageDetails } from '../../detect/detect-types';
import { findFramework } from '../../detect/frameworks';
import { ContextPaths, contextPaths } from '../../plan/context-paths';
import { DotnetBuild, readBuilds } from './dotnet-builds';
import { AppRun, readAppRun } from './dotnet-container-command';
import { DotnetProject, readProjects } from './dotnet-project';
import type { DotnetSettings } from './dotnet-settings';

export interface DotnetAnalysis {
  paths: ContextPaths;
  projects: DotnetProject[];
  builds: DotnetBuild[];
  appRun: AppRun | { problem: string };
  details: LanguageDetails;
}

export function analyzeDotnet(input: DetectInput, settings: DotnetSettings): DotnetAnalysis {
  const paths = contextPaths(input.facts, input.context);
  const projects = readProjects(input.context);
  const builds = readBuilds(input.facts.runs, projects, input.context, paths, settings);
  const appRun = readAppRun(input.facts, settings);
  return { paths, projects, builds, appRun, details: describeDotnet(projects, builds, settings) };
}

function describeDotnet(
  projects: DotnetProject[],
  builds: DotnetBuild[],
  settings: DotnetSettings,
): LanguageDetails {
  const built = builds.flatMap((b) => b.outputs.map((o) => o.project)).filter((p) => p !== null);
  const main = built[built.length - 1] ?? (projects.length === 1 ? projects[0] : undefined);
  const facts: Record<string, string> = {};
  if (main) {
    facts.project = main.file;
    facts.assembly = `${main.assemblyName}.dll`;
    if (main.targetFrameworks.length > 0) facts.targetFramework = main.targetFrameworks.join(';');
  }
  const framework = main
    ? findFramework(settings.frameworks, (n) => n === main.sdk || main.references.includes(n))?.name
    : undefined;
  return {
    framework,
    packageManager: 'nuget',
    facts,
    evidence: framework ? [{ kind: 'manifest', detail: `${framework} in ${main?.file}`, weight: 0.3 }] : [],
  };
}
