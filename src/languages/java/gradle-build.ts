/**
 * Reads Gradle builds (Groovy and Kotlin DSL) well enough to name the jar in build/libs:
 * `<archivesName>-<version>[-classifier].jar`, where Spring Boot's bootJar has no classifier
 * and its plain jar `-plain`, shadow's jar `-all`, and `archiveFileName` overrides everything.
 * The project name is `rootProject.name`, else the directory Gradle runs in.
 */
import { posix as path } from 'path';
import type { BuildContext } from '../../context/build-context';
import { compiledRegExp } from '../../util/compiled-regexp';
import { artifact, JavaArtifact, quarkusFastJar } from './java-artifact';
import type { JavaSettings } from './java-settings';

export interface GradleProject {
  /** Subprojects from settings.gradle(.kts) (`include 'app'`, `include(":app")`). */
  includes: string[];
  rootProjectName: string | null;
  plugins: Set<string>;
  version: string | null;
  springBootVersion: string | null;
  text: string;
}

export function readGradleProject(
  context: BuildContext,
  dir: string,
  { gradle }: JavaSettings,
): GradleProject | null {
  const first = (names: readonly string[]) =>
    names.map((f) => (dir ? `${dir}/${f}` : f)).find((f) => context.has(f)) ?? null;
  const file = first(gradle.buildFiles);
  const settingsFile = first(gradle.settingsFiles);
  if (!file && !settingsFile) return null;
  const text = stripComments(file ? (context.read(file) ?? '') : '');
  const settings = stripComments(settingsFile ? (context.read(settingsFile) ?? '') : '');
  const properties = context.read(dir ? `${dir}/gradle.properties` : 'gradle.properties') ?? '';
  const applied = Object.entries(gradle.plugins).map(([id, pattern]) => ({
    id,
    match: compiledRegExp(pattern, 'm').exec(text),
  }));
  const plugins = new Set(applied.filter((p) => p.match).map((p) => p.id));
  const includes: string[] = [];
  for (const match of settings.matchAll(/^\s*include\s*\(?([^)\n]+)\)?/gm)) {
    for (const name of match[1].matchAll(/['"]:?([^'"]+)['"]/g)) includes.push(name[1].replace(/:/g, '/'));
  }
  const version =
    quoted(/^\s*version\s*=?\s*(['"])([^'"]*)\1/m.exec(topLevel(text))) ??
    /^\s*version\s*=\s*(\S+)/m.exec(properties)?.[1] ??
    null;
  return {
    includes,
    rootProjectName: quoted(/rootProject\.name\s*=\s*(['"])([^'"]+)\1/.exec(settings)),
    plugins,
    version: version && !version.includes('$') ? version : null,
    springBootVersion:
      applied.find((p) => p.id === 'org.springframework.boot')?.match?.groups?.version ??
      /springBootVersion\s*=\s*['"]([^'"]+)['"]/.exec(text)?.[1] ??
      null,
    text,
  };
}

/**
 * The archives `gradle build`/`assemble`/`bootJar`/`shadowJar` leave in build/libs, runnable
 * first. `projectName` is the name Gradle gives the project (rootProject.name or its directory).
 */
export function gradleArtifacts(
  project: GradleProject,
  projectName: string,
  relativeDir: string,
): JavaArtifact[] {
  const libs = path.join(relativeDir || '.', 'build/libs');
  const boot = project.plugins.has('org.springframework.boot');
  const base =
    archiveSetting(project.text, null, 'archiveBaseName') ?? archivesName(project.text) ?? projectName;
  const version = archiveSetting(project.text, null, 'archiveVersion') ?? project.version;
  // The archive's path in build/libs.
  const archive = (classifier: string | null, task: string, extension = 'jar') => {
    const fileName = archiveSetting(project.text, task, 'archiveFileName');
    if (fileName) return path.join(libs, fileName);
    const taskBase = archiveSetting(project.text, task, 'archiveBaseName') ?? base;
    const taskVersion = archiveSetting(project.text, task, 'archiveVersion') ?? version;
    const taskClassifier = archiveSetting(project.text, task, 'archiveClassifier') ?? classifier;
    const parts = [taskBase, taskVersion, taskClassifier].filter((p) => p !== null && p !== '');
    return path.join(libs, `${parts.join('-')}.${extension}`);
  };
  const found: JavaArtifact[] = [];
  const springBoot = boot ? (project.springBootVersion ?? '') : null;
  if (project.plugins.has('io.quarkus'))
    return [quarkusFastJar(path.join(relativeDir || '.', 'build'), 'build')];
  if (boot && project.plugins.has('war'))
    found.push(artifact('war', archive(null, 'bootWar', 'war'), 'Spring Boot bootWar', { springBoot }));
  else if (boot) {
    const why = 'Spring Boot bootJar (the -plain jar is not runnable)';
    found.push(artifact('jar', archive(null, 'bootJar'), why, { springBoot }));
  }
  if (project.plugins.has('shadow'))
    found.push(artifact('jar', archive('all', 'shadowJar'), 'shadow jar (-all)'));
  if (!boot && project.plugins.has('war'))
    found.push(artifact('war', archive(null, 'war', 'war'), 'war plugin', { runnable: false }));
  if (!boot && !jarDisabled(project.text)) {
    const runnable = /Main-Class/.test(project.text);
    found.push(artifact('jar', archive(null, 'jar'), 'jar task', { runnable }));
  }
  return found;
}

/**
 * What `gradle installDist` writes for a project with the application plugin:
 * build/install/<applicationName>/ with bin/<applicationName> (the start script) and lib/.
 */
export function installedDistribution(
  project: GradleProject,
  projectName: string,
  relativeDir: string,
): JavaArtifact[] {
  if (!project.plugins.has('application')) return [];
  const name =
    /\bapplicationName(?:\.set\s*\(|\s*=)\s*(['"])([^'"$]+)\1/.exec(project.text)?.[2] ?? projectName;
  return [
    artifact(
      'directory',
      path.join(relativeDir || '.', 'build/install', name),
      `installDist (build/install/${name}: the bin/${name} start script and lib/)`,
      { entry: `bin/${name}` },
    ),
  ];
}

/** `archiveFileName = "app.jar"` / `.set("app.jar")`, inside a task's block when `task` is given. */
function archiveSetting(text: string, task: string | null, property: string): string | null {
  const scope = task === null ? topLevel(text) : taskBlocks(text, task).join('\n');
  const match = compiledRegExp(`\\b${property}(?:\\.set\\s*\\(|\\s*=|\\s+)\\s*(['"])([^'"]*)\\1`).exec(scope);
  if (match) return match[2].includes('$') ? null : match[2];
  const legacy = {
    archiveFileName: 'archiveName',
    archiveBaseName: 'baseName',
    archiveVersion: 'version',
    archiveClassifier: 'classifier',
  }[property];
  if (task !== null && legacy) {
    const old = compiledRegExp(`^\\s*${legacy}\\s*=?\\s*(['"])([^'"]*)\\1`, 'm').exec(scope);
    if (old && !old[2].includes('$')) return old[2];
  }
  return null;
}

function archivesName(text: string): string | null {
  return (
    quoted(/\barchivesBaseName\s*=\s*(['"])([^'"]+)\1/.exec(text)) ??
    quoted(/\barchivesName(?:\.set\s*\(|\s*=)\s*(['"])([^'"]+)\1/.exec(text))
  );
}

function jarDisabled(text: string): boolean {
  return taskBlocks(text, 'jar').some((block) =>
    /\benabled\s*=\s*false|\benabled\.set\s*\(\s*false/.test(block),
  );
}

/** Bodies of `bootJar { }`, `tasks.bootJar { }`, `tasks.named<BootJar>("bootJar") { }`, `tasks.getByName("jar") { }`. */
function taskBlocks(text: string, task: string): string[] {
  const blocks: string[] = [];
  const pattern = new RegExp(
    `(?:^|[\\s.])(?:${task}|(?:named|getByName|withType)\\s*(?:<[^>]*>)?\\s*\\(\\s*['"]${task}['"]\\s*\\))\\s*(?:\\([^)]*\\))?\\s*\\{`,
    'gm',
  );
  for (const match of text.matchAll(pattern)) {
    const start = (match.index ?? 0) + match[0].length;
    let depth = 1;
    let i = start;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}') depth--;
    }
    blocks.push(text.slice(start, i - 1));
  }
  return blocks;
}

/** The text outside any `{ }` block (project-level settings). */
function topLevel(text: string): string {
  let depth = 0;
  let out = '';
  for (const c of text) {
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += c;
  }
  return out;
}

function quoted(match: RegExpExecArray | null): string | null {
  return match ? match[2] : null;
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"])\/\/.*$/gm, '$1');
}
