/**
 * What the builder produces, as absolute paths: the artifacts of each `mvn package` /
 * `gradle build` (from pom.xml / build.gradle, multi-module projects narrowed by -pl, `:app:`
 * tasks or the module that has a main class), jars written by `jar cf`, class directories from
 * `javac -d`, and files `cp`/`mv` put elsewhere.
 */
import { posix as path } from 'path';
import { programName, type ShellCommand } from '../../analyze/shell-commands';
import type { RunFacts, StageFacts } from '../../analyze/stage-facts';
import type { BuildContext } from '../../context/build-context';
import { builtBinaries } from '../../plan/built-binaries';
import type { ContextPaths } from '../../plan/context-paths';
import { compiledRegExp } from '../../util/compiled-regexp';
import { gradleArtifacts, GradleProject, installedDistribution, readGradleProject } from './gradle-build';
import { BuildCommand, jarToolOutput, parseBuildCommand, stepName } from './java-commands';
import type { JavaSettings } from './java-settings';
import type { JavaArtifact } from './java-artifact';
import { isApplicationModule, mavenArtifacts } from './maven-artifacts';
import { interpolate, MavenProject, readMavenModules, text } from './maven-pom';

export interface BuiltArtifact extends JavaArtifact {
  /** Absolute path in the builder. */
  absolute: string;
  /** False when a name came from a placeholder msb could not resolve. */
  certain: boolean;
}

export interface JavaBuild {
  commands: { command: BuildCommand; run: RunFacts | null }[];
  artifacts: BuiltArtifact[];
  /** Paths written by jar/javac/cp/mv (absolute; a directory written into ends with `/`). */
  produced: string[];
  springBootVersion: string | null;
  /** Servlet API family when a war depends on one. */
  servletApi: 'jakarta' | 'javax' | null;
  javaRelease: number | null;
  /** The build compiles against javaRelease's own class library (--release, a toolchain), not only -source/-target. */
  releaseApi: boolean;
  notes: string[];
}

/** What reading a build command needs: the context, where COPYs put it, the profile's data, the build so far. */
interface BuildReading {
  context: BuildContext;
  paths: ContextPaths;
  settings: JavaSettings;
  build: JavaBuild;
}

export function readJavaBuild(
  facts: StageFacts,
  context: BuildContext,
  paths: ContextPaths,
  settings: JavaSettings,
): JavaBuild {
  const build: JavaBuild = {
    commands: [],
    artifacts: [],
    produced: [],
    springBootVersion: null,
    servletApi: null,
    javaRelease: null,
    releaseApi: false,
    notes: [],
  };
  const reading = { context, paths, settings, build };
  // Every command is read here (never null): cp/mv record their target, not a tracked file's move.
  const written = builtBinaries(facts, {
    outputs: (command, cwd, run) => outputs(command, cwd, run, reading),
  });
  build.produced = written.map((w) => w.path);
  return build;
}

/** A build tool's artifacts go into the build; jar, javac, cp and mv return the paths they write. */
function outputs(
  command: ShellCommand,
  cwd: string,
  run: RunFacts,
  reading: BuildReading,
): { path: string }[] {
  const { build, settings } = reading;
  const parsed = parseBuildCommand(command, settings);
  if (parsed) {
    build.commands.push({ command: parsed, run });
    if (parsed.packages) addArtifacts(build, artifactsOf(parsed, cwd, reading));
    return [];
  }
  const program = programName(command);
  const produced: string[] = [];
  const jar = jarToolOutput(command);
  if (jar) produced.push(path.resolve(cwd, jar));
  const out = program === 'javac' ? command.words.indexOf('-d') : -1;
  if (out > 0 && command.words[out + 1]) produced.push(path.resolve(cwd, command.words[out + 1]));
  if ((program === 'cp' || program === 'mv') && command.words.length >= 3) {
    // `cp target/*.jar /app/` writes into a directory: recorded with its trailing slash.
    const target = command.words[command.words.length - 1];
    produced.push(path.resolve(cwd, target) + (target.endsWith('/') ? '/' : ''));
  }
  return produced.map((p) => ({ path: p }));
}

/** True when a jar/javac/cp/mv command wrote the file (or into a directory holding it). */
export function isProduced(build: JavaBuild, file: string): boolean {
  return build.produced.some((p) => p === file || (p.endsWith('/') && file.startsWith(p)));
}

/** Artifacts a (synthetic) build command run in `cwd` writes; used for `mvn spring-boot:run` too. */
export function artifactsOf(command: BuildCommand, cwd: string, reading: BuildReading): BuiltArtifact[] {
  return command.tool === 'maven' ? mavenBuild(command, cwd, reading) : gradleBuild(command, cwd, reading);
}

function addArtifacts(build: JavaBuild, artifacts: BuiltArtifact[]): void {
  for (const artifact of artifacts)
    if (!build.artifacts.some((a) => a.absolute === artifact.absolute)) build.artifacts.push(artifact);
  build.artifacts.sort((a, b) => Number(b.runnable) - Number(a.runnable));
}

function mavenBuild(
  command: BuildCommand,
  cwd: string,
  { context, paths, build, settings }: BuildReading,
): BuiltArtifact[] {
  // `-f` names a pom file or the directory holding pom.xml.
  const pom = !command.file
    ? path.join(cwd, 'pom.xml')
    : path.resolve(cwd, command.file, command.file.endsWith('.xml') ? '' : 'pom.xml');
  const rootDir = path.dirname(pom);
  const contextPom = paths.toContext(pom);
  const contextDir = contextPom === null ? null : path.dirname(contextPom).replace(/^\.$/, '');
  if (contextDir === null) {
    build.notes.push(`the pom.xml in ${rootDir} is not from the build context: msb cannot name the jar`);
    return [];
  }
  const modules = readMavenModules(context, contextDir, command.properties);
  if (modules.length === 0) return [];
  const root = modules[0];
  build.springBootVersion ??= modules.map((m) => m.springBootVersion).find((v) => v !== null) ?? null;
  if (build.javaRelease === null) {
    const release = javaRelease(modules, settings.maven, build.springBootVersion);
    build.javaRelease = release?.major ?? null;
    build.releaseApi = release?.api ?? false;
  }
  if (modules.some((m) => m.dependencies.some((d) => d.startsWith('jakarta.')))) build.servletApi = 'jakarta';
  else if (modules.some((m) => m.dependencies.some((d) => d.startsWith('javax.servlet'))))
    build.servletApi = 'javax';
  let selected: MavenProject[];
  if (command.projects.length > 0) {
    selected = modules.filter((m) => command.projects.some((p) => matchesModule(p, m, contextDir)));
  } else if (root.modules.length === 0) {
    selected = [root];
  } else {
    const applications = modules.filter((m) => m.packaging !== 'pom' && isApplicationModule(m));
    selected = applications.length > 0 ? applications : modules.filter((m) => m.packaging !== 'pom');
  }
  return selected.flatMap((module) => {
    const relative = path.relative(contextDir || '.', module.dir || '.');
    return mavenArtifacts(module, context, relative).map((a) => ({
      ...a,
      absolute: path.resolve(rootDir, a.path),
      certain: module.unresolved.length === 0,
    }));
  });
}

function matchesModule(selector: string, module: MavenProject, rootContextDir: string): boolean {
  const relative = path.relative(rootContextDir || '.', module.dir || '.') || '.';
  const cleaned = selector.replace(/^\.\//, '').replace(/\/$/, '');
  if (cleaned === relative) return true;
  const [first, second] = cleaned.split(':');
  return second !== undefined
    ? second === module.artifactId && (first === '' || first === module.groupId)
    : false;
}

/**
 * The release the properties name, else maven-compiler-plugin's own `<release>`/`<target>`/`<source>`;
 * `api` when it is passed as --release (the property, `<release>`, or Spring Boot 3's parent, which
 * passes java.version as maven.compiler.release), not only as -source/-target.
 */
function javaRelease(
  modules: MavenProject[],
  maven: JavaSettings['maven'],
  springBootVersion: string | null,
): { major: number; api: boolean } | null {
  const bootRelease = Number(springBootVersion?.split('.')[0]) >= 3;
  for (const m of modules) {
    const compiler = m.plugins.find((p) => p.artifactId === 'maven-compiler-plugin')?.configuration ?? {};
    const values = [
      ...maven.releaseProperties.map((k) => ({
        value: m.properties.get(k),
        api: maven.releaseApiProperties.includes(k) || (bootRelease && k === 'java.version'),
      })),
      ...['release', 'target', 'source'].map((k) => {
        const configured = text(compiler[k]);
        return {
          value: configured === null ? undefined : interpolate(configured, m.properties),
          api: k === 'release',
        };
      }),
    ].filter((v): v is { value: string; api: boolean } => v.value !== undefined && !v.value.includes('${'));
    const major = values[0] ? Number(/^(?:1\.)?(\d+)/.exec(values[0].value)?.[1]) : NaN;
    if (!Number.isNaN(major)) return { major, api: values.some((v) => v.api) };
  }
  return null;
}

function gradleBuild(command: BuildCommand, cwd: string, reading: BuildReading): BuiltArtifact[] {
  const { context, paths, build, settings } = reading;
  const projectDir = command.file ? path.resolve(cwd, command.file) : cwd;
  const buildFile = [...settings.gradle.buildFiles, ...settings.gradle.settingsFiles]
    .map((f) => paths.toContext(path.join(projectDir, f)))
    .find((f) => f !== null);
  const contextDir = buildFile ? path.dirname(buildFile).replace(/^\.$/, '') : null;
  if (contextDir === null) {
    build.notes.push(
      `the Gradle build in ${projectDir} is not from the build context: msb cannot name the jar`,
    );
    return [];
  }
  const root = readGradleProject(context, contextDir, settings);
  if (!root) return [];
  build.springBootVersion ??= root.springBootVersion;
  // The first group is a toolchain (compiles against that JDK), the others -source/-target only.
  const match = compiledRegExp(settings.gradle.releasePattern).exec(root.text);
  const release = match?.slice(1).find(Boolean);
  if (build.javaRelease === null && release) {
    build.javaRelease = Number(release);
    build.releaseApi = match?.[1] !== undefined;
  }
  const rootName = root.rootProjectName ?? path.basename(projectDir);
  const projects: { project: GradleProject; name: string; relative: string }[] = [
    { project: root, name: rootName, relative: '' },
  ];
  for (const include of root.includes) {
    const sub = readGradleProject(context, [contextDir, include].filter(Boolean).join('/'), settings);
    if (sub)
      projects.push({
        project: {
          ...sub,
          version: sub.version ?? root.version,
          springBootVersion: sub.springBootVersion ?? root.springBootVersion,
        },
        name: path.basename(include),
        relative: include,
      });
  }
  const named = command.steps
    .filter((t) => t.includes(':'))
    .map((t) => t.replace(/^:/, '').split(':').slice(0, -1).join('/'));
  const candidates = named.length > 0 ? projects.filter((p) => named.includes(p.relative)) : projects;
  const tasks = command.steps.map((t) => stepName(t, settings.gradle));
  const { task, unlessAlso } = settings.gradle.distribution;
  if (tasks.includes(task) && !tasks.some((t) => unlessAlso.includes(t))) {
    const installed = candidates.flatMap((p) => installedDistribution(p.project, p.name, p.relative));
    return installed.map((a) => ({ ...a, absolute: path.resolve(projectDir, a.path), certain: true }));
  }
  const artifacts = candidates.flatMap((p) =>
    gradleArtifacts(p.project, p.name, p.relative).map((a) => ({
      ...a,
      absolute: path.resolve(projectDir, a.path),
      certain: p.project.version !== null || !/\bversion\s*=/.test(p.project.text),
    })),
  );
  const runnable = artifacts.filter((a) => a.runnable);
  return runnable.length > 0 ? runnable : artifacts;
}
