/**
 * Plans the .NET conversion through the artifact planner (src/plan/artifact-planner.ts): the builder keeps the user's restore/publish lines (a `dotnet run`
 * command gets a publish added at its end), and the runtime stage — aspnet, runtime or
 * runtime-deps of the same .NET version and tag variant — copies only the output folder the
 * container runs and the files the app reads from its content root, with the variables and
 * users the SDK image had that the runtime image would otherwise change.
 */
import { posix as path } from 'path';
import { containerCommand, needsShell } from '../../analyze/container-command';
import type { StageFacts } from '../../analyze/stage-facts';
import { ArtifactBuild, ArtifactRuntime, planArtifact, RuntimeNeeds } from '../../plan/artifact-planner';
import { shellMissing } from '../../plan/artifact-runtimes';
import type { BrokenFinding, Decision, PlanInput, StrategyPlan } from '../../plan/plan-types';
import { nonRoot } from '../../plan/run-user';
import { isWithin, workdirOwner } from '../../plan/runtime-stage';
import {
  BUILDER,
  containerCommand as commandNode,
  copy,
  env,
  RuntimeStageModel,
  shellRun,
  StageNode,
} from '../../plan/stage-model';
import type { DotnetAnalysis } from './dotnet-analysis';
import { AppOutput, chooseAppOutput } from './dotnet-app-output';
import { isTrue, type DotnetProject } from './dotnet-project';
import { contentRootFiles } from './dotnet-runtime-files';
import { AppKind, DotnetImage, dotnetImage, imageEnvDifferences, imageUsers } from './dotnet-runtime-image';
import type { DotnetSettings } from './dotnet-settings';

interface DotnetBuild extends ArtifactBuild {
  app: AppOutput;
  kind: AppKind;
}

interface DotnetRuntime extends ArtifactRuntime {
  dotnet: DotnetImage;
}

export function planDotnet(input: PlanInput<DotnetSettings>, analysis: DotnetAnalysis): StrategyPlan {
  const { facts, profile, settings } = input;
  return planArtifact<DotnetBuild, DotnetRuntime>(
    { ...input, paths: analysis.paths, builderSteps: profile.templates.builderSteps },
    {
      windows: true,
      buildOnlyEnv: [],
      build: () => dotnetBuild(input, analysis),
      runtime({ kind, app }) {
        const image = dotnetImage(input, kind, app.output.major);
        if ('reason' in image) return image.reason;
        const commands = settings.imageCommands[image.alpine ? 'alpine' : 'debian'];
        const command = facts.entrypoint || facts.cmd ? containerCommand(facts) : null;
        const broken: BrokenFinding[] = [];
        if (command?.lines.some((l) => needsShell(l.form)) && !commands.includes('sh'))
          broken.push(shellMissing(image.image));
        if (kind === 'native' && command?.programs.includes('dotnet'))
          broken.push({
            kind: 'program-missing',
            message: `the container runs dotnet, which ${image.image} does not have`,
          });
        return {
          image: image.image,
          dotnet: image,
          support: { ...imageUsers(image, settings).support, shell: commands.includes('sh'), commands },
          kind,
          notes: image.notes,
          warnings: image.warnings,
          broken,
        };
      },
      stage: (model, build, runtime) => stageChanges(model, build, runtime.dotnet, input),
      user: {
        rule: { kind: 'image' },
        facts: ({ dotnet }) => ({
          ...facts,
          values: new Map([...imageUsers(dotnet, settings).env, ...facts.values]),
        }),
      },
      files({ app }) {
        const certificate = developmentCertificate(facts, app.fromRun?.launch?.env ?? [], settings);
        if (typeof certificate === 'string') return certificate;
        return {
          found: contentRootFiles(app.contentRoot, app.output.folder, analysis.paths, settings),
          commandArguments: false,
          isSource: () => false,
          useOf: () => null,
          extra: certificate
            ? {
                copies: [copy(BUILDER, certificate.store, certificate.store)],
                decisions: [{ subject: certificate.store, placement: 'runtime', why: certificate.why }],
              }
            : undefined,
        };
      },
      present: ({ kind, app }, { support }) => ({
        healthcheck: (program) =>
          (program === 'dotnet' ? kind !== 'native' : support.commands.includes(path.basename(program))) ||
          (program.includes('/') && isWithin(path.resolve(facts.workdir, program), app.output.folder)),
      }),
    },
  );
}

/** The publish output the container runs (a `dotnet run` becomes a publish in the builder) and the app's kind. */
function dotnetBuild(input: PlanInput<DotnetSettings>, analysis: DotnetAnalysis): DotnetBuild | string {
  const { facts, settings } = input;
  const staticSite = analysis.projects.find((p) => p.sdk !== null && settings.staticSdks.includes(p.sdk));
  const app = chooseAppOutput(input, analysis);
  if ('reason' in app) return app.reason;
  const { output } = app;
  if (staticSite && output.project === staticSite)
    return `${staticSite.file} is a Blazor WebAssembly app: its publish output is a static site that a web server serves, not a .NET process`;

  const decisions: Decision[] = [];
  let kind: AppKind = output.web === false ? 'app' : 'web';
  if (output.selfContained && !app.runsDotnet) kind = 'native';
  else if (output.selfContained)
    decisions.push({
      subject: output.folder,
      placement: 'runtime',
      why: 'a self-contained publish, but the container starts it with dotnet: the runtime image keeps .NET',
    });
  if (output.web === null)
    decisions.push({
      subject: output.folder,
      placement: 'runtime',
      why: 'msb did not find the project file: the aspnet image runs ASP.NET Core and console apps alike',
    });
  return {
    artifacts: [{ from: output.folder, to: output.folder, why: app.why, chown: workdirOwner(facts) }],
    startup: app.fromRun
      ? {
          runs: [shellRun(app.fromRun.publish.join(' '))],
          title: app.why,
        }
      : null,
    tests: facts.runs.some((r) => /\bdotnet test\b/.test(r.script)) ? 'dotnet test' : null,
    warnings: [],
    decisions,
    app,
    kind,
  };
}

/**
 * What `dotnet run` did that a published app does not (the rewritten command, its launch profile's
 * variables), where Kestrel listens on the SDK image, and Alpine's globalization libraries.
 */
function stageChanges(
  model: RuntimeStageModel,
  { app, kind }: DotnetBuild,
  image: DotnetImage,
  input: PlanInput<DotnetSettings>,
): Required<RuntimeNeeds> {
  const { facts, settings } = input;
  const { output } = app;
  const needs: Required<RuntimeNeeds> = { copies: [], builderInsertions: [], warnings: [], decisions: [] };
  const { warnings, decisions } = needs;
  if (app.fromRun) {
    const { line, command, publish, launch } = app.fromRun;
    model.command = model.command.map((node) =>
      node.kind === 'original' && node.text === line.instruction.text
        ? commandNode(line.keyword, command)
        : node,
    );
    decisions.push({
      subject: `${line.instruction.keyword} (line ${line.instruction.line + 1})`,
      placement: 'runtime',
      why: `dotnet run becomes dotnet ${path.join(output.folder, `${output.project?.assemblyName}.dll`)} (published with -c ${publish[publish.indexOf('-c') + 1]})`,
    });
    if (launch && launch.env.length > 0) {
      model.env.push(env(launch.env));
      decisions.push({
        subject: launch.file,
        placement: 'runtime',
        why: `dotnet run applied its "${launch.name}" launch profile (${launch.env.map(([n]) => n).join(', ')}); a published app does not read it, so the variables are set`,
      });
      const urls = launch.env.find(([n]) => n === 'ASPNETCORE_URLS')?.[1] ?? '';
      if (/\/\/(localhost|127\.0\.0\.1)[:/]/.test(urls))
        warnings.push(
          `the launch profile "${launch.name}" listens on ${urls}: localhost inside the container is not reachable from outside it, as in the original`,
        );
      if (launch.env.some(([n, v]) => /^(ASPNETCORE|DOTNET)_ENVIRONMENT$/.test(n) && v === 'Development'))
        warnings.push(
          `the launch profile "${launch.name}" runs the app in the Development environment, as the original did: set ASPNETCORE_ENVIRONMENT for production`,
        );
    }
  }

  // Where Kestrel listens: the SDK image's defaults, when the runtime image's differ and nothing else says.
  const launchNames = new Set(app.fromRun?.launch?.env.map(([n]) => n) ?? []);
  if (kind !== 'app') {
    const differences = imageEnvDifferences(
      image.major,
      settings,
      (n) => facts.envNames.has(n) || launchNames.has(n),
    );
    if (differences.length > 0) {
      model.env.push(env(differences));
      decisions.push({
        subject: differences.map(([n]) => n).join(', '),
        placement: 'added',
        why: `the SDK image set ${differences.map(([n, v]) => `${n}="${v}"`).join(', ')} and ${image.image} sets it otherwise: kept, so the app listens where it did`,
      });
      if (differences.some(([n, v]) => n === 'ASPNETCORE_URLS' && v === ''))
        warnings.push(
          "the original listened on Kestrel's default http://localhost:5000 (the SDK image empties ASPNETCORE_URLS), which is not reachable from outside the container; msb keeps it — set ASPNETCORE_URLS=http://+:<port> to serve",
        );
    }
  }

  if (image.alpine) {
    const globalization = alpineGlobalization(output.project, settings, facts);
    model.setup.push(...globalization.setup);
    model.env.push(...globalization.env);
    decisions.push(...globalization.decisions);
  }
  return needs;
}

/**
 * The Alpine SDK image has ICU and tzdata with invariant globalization off; the Alpine runtime
 * images have neither and turn it on. Unless the project is invariant itself, the runtime gets both back.
 */
function alpineGlobalization(
  project: DotnetProject | null,
  settings: DotnetSettings,
  facts: StageFacts,
): { setup: StageNode[]; env: StageNode[]; decisions: Decision[] } {
  const { env: name, property, packages } = settings.alpineGlobalization;
  if ((project && isTrue(project, property)) || facts.envNames.has(name))
    return { setup: [], env: [], decisions: [] };
  return {
    setup: [shellRun(`apk add --no-cache ${packages.join(' ')}`)],
    env: [env([[name, 'false']])],
    decisions: [
      {
        subject: packages.join(', '),
        placement: 'added',
        why: `the Alpine SDK image runs apps with ICU and time-zone data (${name}=false); the Alpine runtime images have neither and run invariant, which changes culture-aware formatting and time zones — set ${property} in the project to go without`,
      },
    ],
  };
}

/**
 * An https:// address served with the development certificate `dotnet dev-certs https` made in the
 * builder: Kestrel finds it in the user's certificate store, which the runtime needs too.
 */
function developmentCertificate(
  facts: StageFacts,
  launchEnv: readonly (readonly [string, string])[],
  settings: DotnetSettings,
): { store: string; why: string } | string | null {
  const certs = facts.runs.find((r) =>
    r.commands.some(
      (c) => c.words[0]?.endsWith('dotnet') && c.words[1] === 'dev-certs' && c.words[2] === 'https',
    ),
  );
  const addresses = [...facts.envs.map((e) => e.args), ...launchEnv.map(([, v]) => v)];
  if (!certs || !addresses.some((a) => /https:\/\//.test(a))) return null;
  if (nonRoot(certs.user))
    return `line ${certs.instruction.line + 1} makes the development certificate as ${certs.user}, whose certificate store msb does not know: the https:// address needs it`;
  return {
    store: settings.devCertificateStore,
    why: `the app listens on https:// with the development certificate line ${certs.instruction.line + 1} made; Kestrel finds it in this store`,
  };
}
