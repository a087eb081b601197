/**
 * Which build output the container runs: the publish/build whose output folder holds the DLL
 * (or apphost) the command names, or — for `dotnet run` — a publish msb adds to the builder for
 * the project `dotnet run` ran, with the command rewritten to start the published DLL.
 */
import { posix as path } from 'path';
import type { CommandLine } from '../../analyze/container-command';
import type { PlanInput } from '../../plan/plan-types';
import { isWithin } from '../../plan/runtime-stage';
import type { CommandSpec } from '../../plan/stage-model';
import type { DotnetAnalysis } from './dotnet-analysis';
import { projectOutput, ProjectOutput } from './dotnet-builds';
import type { DotnetCommand } from './dotnet-commands';
import { rewriteRunLine } from './dotnet-container-command';
import { launchProfile, LaunchProfile } from './dotnet-launch-settings';
import type { DotnetSettings } from './dotnet-settings';

export interface AppOutput {
  output: ProjectOutput & { folder: string };
  /** The folder the app starts in: where it reads appsettings*.json, wwwroot/... */
  contentRoot: string;
  /** The command starts `dotnet` (not the apphost). */
  runsDotnet: boolean;
  /** `dotnet run`: the publish added to the builder, the rewritten line, the launch profile it applied. */
  fromRun: {
    publish: string[];
    line: CommandLine;
    command: CommandSpec;
    launch: LaunchProfile | null;
  } | null;
  why: string;
}

export function chooseAppOutput(
  input: PlanInput<DotnetSettings>,
  analysis: DotnetAnalysis,
): AppOutput | { reason: string } {
  const { appRun, builds } = analysis;
  if ('problem' in appRun) return { reason: appRun.problem };
  if (appRun.kind === 'run') return publishForRun(input, analysis, appRun.command, appRun.line, appRun.cwd);
  const outputs = builds.flatMap((b) => b.outputs.map((o) => ({ ...o, line: b.run.instruction.line + 1 })));
  const known = outputs.filter((o): o is typeof o & { folder: string } => o.folder !== null);
  const unknown =
    outputs.length > known.length
      ? '; msb cannot tell where some of them write (a project with several target frameworks and no -f, or an output path built from MSBuild properties)'
      : '';
  const { workdir } = input.facts;
  if (appRun.kind === 'none') {
    const publishes = known.filter((o) =>
      builds.some((b) => b.command.verb === 'publish' && b.outputs.includes(o)),
    );
    const only = publishes.length === 1 ? publishes[0] : known.length === 1 ? known[0] : null;
    if (!only)
      return {
        reason: `no ENTRYPOINT or CMD, and ${known.length === 0 ? 'no dotnet publish output msb can locate' : 'several build outputs'}: msb cannot tell which app to keep${unknown}`,
      };
    return {
      output: only,
      contentRoot: workdir,
      runsDotnet: !only.selfContained,
      fromRun: null,
      why: `the output of line ${only.line}`,
    };
  }
  const target = appRun.kind === 'dll' ? appRun.dll : appRun.program;
  const name = path.basename(target).replace(/\.dll$/i, '');
  const holding = known.filter(
    (o) =>
      isWithin(target, o.folder) &&
      (o.project === null || o.project.assemblyName === name || appRun.kind === 'dll'),
  );
  // A solution published into one folder holds every project's DLL: the one named like the command's is the app.
  const named = holding.filter((o) => o.project?.assemblyName === name);
  const pool = named.length > 0 ? named : holding;
  const chosen = pool.find((o) => path.dirname(target) === o.folder) ?? pool[pool.length - 1];
  if (!chosen)
    return {
      reason:
        outputs.length === 0
          ? `the container runs ${target}, and no dotnet publish or dotnet build in the Dockerfile writes it (built outside the image?)`
          : `the container runs ${target}, which no dotnet publish/build output msb can locate holds${unknown}`,
    };
  const owner = analysis.projects.find((p) => p.assemblyName === name);
  const output =
    chosen.project === null && owner ? { ...chosen, ...projectFacts(chosen, owner, input.settings) } : chosen;
  return {
    output,
    contentRoot: workdir,
    runsDotnet: appRun.kind === 'dll',
    fromRun: null,
    why: `the output of line ${chosen.line}, where the container's ${path.basename(target)} is`,
  };
}

/** An output whose project msb did not find through the build's operand, completed from the project named like the DLL. */
function projectFacts(
  output: ProjectOutput,
  owner: NonNullable<ProjectOutput['project']>,
  settings: DotnetSettings,
) {
  const web =
    (owner.sdk !== null && settings.webSdks.includes(owner.sdk)) ||
    owner.references.some((r) => settings.webFrameworks.includes(r));
  return { project: owner, web, major: output.major };
}

function publishForRun(
  input: PlanInput<DotnetSettings>,
  analysis: DotnetAnalysis,
  run: DotnetCommand,
  line: CommandLine,
  cwd: string,
): AppOutput | { reason: string } {
  const { settings, context } = input;
  const target = run.project ? path.resolve(cwd, run.project.replace(/\\/g, '/')) : cwd;
  const local = analysis.paths.toContext(target);
  const candidates = analysis.projects.filter((p) =>
    /\.(csproj|fsproj|vbproj)$/.test(target) ? p.file === local : p.dir === local,
  );
  if (local === null || candidates.length !== 1)
    return {
      reason: `the container runs dotnet run in ${target}, where msb finds ${candidates.length === 0 ? 'no project file in the build context' : 'several project files'}`,
    };
  const project = candidates[0];
  const projectFile = /\.(csproj|fsproj|vbproj)$/.test(target)
    ? target
    : path.join(target, path.basename(project.file));
  const configuration = run.configuration ?? settings.publishConfiguration;
  const publish: DotnetCommand = {
    ...run,
    verb: 'publish',
    target: projectFile,
    configuration,
    output: settings.publishDir,
    selfContained: null,
  };
  const output = projectOutput(publish, cwd, project, settings);
  const argv = ['dotnet', 'publish', projectFile, '-c', configuration, '-o', settings.publishDir];
  if (run.framework) argv.push('-f', run.framework);
  if (run.runtime) argv.push('-r', run.runtime, '--self-contained', 'false');
  for (const [name, value] of run.properties) argv.push(`-p:${name}=${value}`);
  const dll = path.join(settings.publishDir, `${project.assemblyName}.dll`);
  const launch =
    run.launchProfile === false ? null : launchProfile(context, project.dir, run.launchProfile ?? null);
  return {
    output: { ...output, folder: settings.publishDir, selfContained: false },
    contentRoot: cwd,
    runsDotnet: true,
    fromRun: {
      publish: argv,
      line,
      command: rewriteRunLine(line, dll, run.appArgs, settings),
      launch,
    },
    why: `dotnet run built and ran ${project.file} at start-up; it is published once in the builder`,
  };
}
