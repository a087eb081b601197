/**
 * What the Dockerfile's `dotnet publish` / `dotnet build` lines write: for each, the projects it
 * builds (a project file, a solution, or the one project of a folder), the folder the output lands
 * in (`-o`, PublishDir/OutputPath, else `bin/<Configuration>/<tfm>/[<rid>/]publish/`), and whether
 * that output runs on .NET (framework-dependent), needs no .NET at all (self-contained, Native AOT)
 * or is an ASP.NET Core app.
 */
import { posix as path } from 'path';
import type { RunFacts } from '../../analyze/stage-facts';
import type { BuildContext } from '../../context/build-context';
import { runCommands } from '../../plan/built-binaries';
import type { ContextPaths } from '../../plan/context-paths';
import { DotnetCommand, parseDotnetCommand } from './dotnet-commands';
import { DotnetProject, frameworkMajor, solutionProjects } from './dotnet-project';
import type { DotnetSettings } from './dotnet-settings';

export interface DotnetBuild {
  command: DotnetCommand;
  run: RunFacts;
  /** Container directory the command ran in. */
  cwd: string;
  /** One per project built; a single one with `project: null` when msb does not find the project file. */
  outputs: ProjectOutput[];
}

export interface ProjectOutput {
  project: DotnetProject | null;
  /** Absolute container folder of the output, or null when msb cannot tell (several frameworks, no -f). */
  folder: string | null;
  /** The output needs no .NET in the image (self-contained or Native AOT publish). */
  selfContained: boolean;
  /** An ASP.NET Core app (null: msb did not read the project). */
  web: boolean | null;
  /** The .NET major it targets (null: unknown). */
  major: number | null;
}

export function readBuilds(
  runs: readonly RunFacts[],
  projects: readonly DotnetProject[],
  context: BuildContext,
  paths: ContextPaths,
  settings: DotnetSettings,
): DotnetBuild[] {
  const builds: DotnetBuild[] = [];
  for (const { run, command: shellCommand, cwd } of runCommands(runs)) {
    const command = parseDotnetCommand(shellCommand, settings.commandOptions);
    if (!command || (command.verb !== 'publish' && command.verb !== 'build')) continue;
    const built = targetProjects(command.target, cwd, run, projects, context, paths);
    const outputs = built.length > 0 ? built : [null];
    builds.push({
      command,
      run,
      cwd,
      outputs: outputs.map((project) => projectOutput(command, cwd, project, settings)),
    });
  }
  return builds;
}

export function projectOutput(
  command: DotnetCommand,
  cwd: string,
  project: DotnetProject | null,
  settings: DotnetSettings,
): ProjectOutput {
  const property = (name: string) => command.properties.get(name) ?? project?.properties.get(name) ?? null;
  const truthy = (name: string) => (property(name) ?? '').toLowerCase() === 'true';
  const framework =
    command.framework ?? (project?.targetFrameworks.length === 1 ? project.targetFrameworks[0] : null);
  const major = framework ? frameworkMajor(framework) : null;
  const rid = command.runtime ?? property('RuntimeIdentifier');
  const selfContainedSaid =
    command.selfContained ?? (property('SelfContained') !== null ? truthy('SelfContained') : null);
  const selfContained =
    truthy('PublishAot') ||
    (selfContainedSaid ?? (rid !== null && major !== null && major < settings.ridSelfContainedBelowMajor));
  const web = project
    ? (project.sdk !== null && settings.webSdks.includes(project.sdk)) ||
      project.references.some((r) => settings.webFrameworks.includes(r))
    : null;
  return {
    project,
    folder: outputFolder(command, cwd, project, framework, rid, major, settings),
    selfContained: command.verb === 'publish' && selfContained,
    web,
    major,
  };
}

function outputFolder(
  command: DotnetCommand,
  cwd: string,
  project: DotnetProject | null,
  framework: string | null,
  rid: string | null,
  major: number | null,
  settings: DotnetSettings,
): string | null {
  if (command.output) return path.resolve(cwd, command.output.replace(/\\/g, '/'));
  if (!project || !framework) return null;
  const projectDir = projectContainerDir(command, cwd, project);
  if (projectDir === null) return null;
  const get = (name: string) => command.properties.get(name) ?? project.properties.get(name) ?? null;
  const publishDir = get('PublishDir');
  if (command.verb === 'publish' && publishDir && !publishDir.includes('$('))
    return path.resolve(projectDir, publishDir.replace(/\\/g, '/'));
  const publishRelease = get('PublishRelease');
  const configuration =
    command.configuration ??
    get('Configuration') ??
    (command.verb === 'publish' &&
    (publishRelease !== null
      ? publishRelease.toLowerCase() === 'true'
      : major !== null && major >= settings.releaseFromMajor)
      ? 'Release'
      : 'Debug');
  const outputPath = get('OutputPath');
  if (outputPath?.includes('$(')) return null;
  const base = outputPath ?? path.join(get('BaseOutputPath') ?? 'bin', configuration);
  const appendFramework = (get('AppendTargetFrameworkToOutputPath') ?? 'true').toLowerCase() !== 'false';
  const appendRid = (get('AppendRuntimeIdentifierToOutputPath') ?? 'true').toLowerCase() !== 'false';
  return path.resolve(
    projectDir,
    base.replace(/\\/g, '/'),
    appendFramework ? framework : '',
    rid && appendRid ? rid : '',
    command.verb === 'publish' ? 'publish' : '',
  );
}

/** The container folder of the project file the command builds (its target, or the folder it ran in). */
function projectContainerDir(command: DotnetCommand, cwd: string, project: DotnetProject): string | null {
  const target = command.target ? path.resolve(cwd, command.target.replace(/\\/g, '/')) : cwd;
  if (/\.(csproj|fsproj|vbproj)$/.test(target)) return path.dirname(target);
  if (/\.sln$/.test(target)) return path.resolve(path.dirname(target), project.dir);
  return target;
}

/** The projects a publish/build builds: its project file, its solution's projects, or the folder's. */
function targetProjects(
  target: string | null,
  cwd: string,
  run: RunFacts,
  projects: readonly DotnetProject[],
  context: BuildContext,
  paths: ContextPaths,
): DotnetProject[] {
  const absolute = target ? path.resolve(cwd, target.replace(/\\/g, '/')) : cwd;
  const local = paths.toContext(absolute, run.instruction.index);
  if (local === null) return [];
  const byFile = (files: string[]) => projects.filter((p) => files.includes(p.file));
  if (/\.(csproj|fsproj|vbproj)$/.test(local)) return byFile([local]);
  if (/\.sln$/.test(local)) return byFile(solutionProjects(context, local));
  const inFolder = projects.filter((p) => p.dir === local);
  if (inFolder.length > 0) return inFolder;
  const solutions = context.glob(local === '' ? '*.sln' : `${local}/*.sln`);
  return solutions.length === 1 ? byFile(solutionProjects(context, solutions[0])) : [];
}
