/**
 * What `mvn package` writes for one module: `target/<finalName>.jar|war`, a shaded or assembly
 * jar next to it when attached, or Quarkus's `target/quarkus-app/` directory. Best candidate
 * first; `original-*.jar` and `*.jar.original` (what shade and Spring Boot leave behind) never.
 */
import { posix as path } from 'path';
import type { BuildContext } from '../../context/build-context';
import type { MavenPlugin, MavenProject } from './maven-pom';
import { interpolate, text } from './maven-pom';

export interface JavaArtifact {
  /** Path relative to the project directory the build tool ran in. */
  path: string;
  kind: 'jar' | 'war' | 'directory' | 'native';
  /** For a directory: the jar to run inside it. */
  entry?: string;
  /** `java -jar` can run it (a main class, a Spring Boot or fat jar). */
  runnable: boolean;
  /** Spring Boot version when it is a Spring Boot jar ('' when unknown). */
  springBoot: string | null;
  why: string;
}

export function mavenArtifacts(
  project: MavenProject,
  context: BuildContext,
  relativeDir: string,
): JavaArtifact[] {
  if (project.packaging === 'pom' || project.packaging === 'maven-plugin') return [];
  const target = path.join(relativeDir || '.', project.buildDirectory);
  const find = (artifactId: string) => project.plugins.find((p) => p.artifactId === artifactId);
  const boot = find('spring-boot-maven-plugin');
  const shade = find('maven-shade-plugin');
  const assembly = find('maven-assembly-plugin');
  const quarkus = project.plugins.find((p) => p.artifactId === 'quarkus-maven-plugin');
  const springBoot = boot ? (project.springBootVersion ?? '') : null;
  const mainClass = manifestMainClass(find('maven-jar-plugin')) ?? (shade ? shadeMainClass(shade) : null);
  const found: JavaArtifact[] = [];

  if (project.packaging === 'war') {
    found.push({
      path: path.join(target, `${project.finalName}.war`),
      kind: 'war',
      runnable: boot !== undefined,
      springBoot,
      why: 'packaging war',
    });
    return found;
  }
  if (quarkus) {
    const properties =
      context.read(path.join(project.dir, 'src/main/resources/application.properties')) ?? '';
    const type =
      /^\s*quarkus\.package\.(?:jar\.)?type\s*=\s*(\S+)/m.exec(properties)?.[1] ??
      (/^\s*quarkus\.package\.jar\.enabled\s*=\s*false/m.test(properties) ? 'native' : 'fast-jar');
    if (type === 'native')
      return [
        {
          path: path.join(target, `${project.finalName}-runner`),
          kind: 'native',
          runnable: true,
          springBoot: null,
          why: 'Quarkus native executable',
        },
      ];
    if (type === 'uber-jar')
      return [
        {
          path: path.join(target, `${project.finalName}-runner.jar`),
          kind: 'jar',
          runnable: true,
          springBoot: null,
          why: 'Quarkus uber-jar',
        },
      ];
    return [
      {
        path: path.join(target, 'quarkus-app'),
        kind: 'directory',
        entry: 'quarkus-run.jar',
        runnable: true,
        springBoot: null,
        why: 'Quarkus fast-jar (target/quarkus-app/)',
      },
    ];
  }
  const main = path.join(target, `${project.finalName}.jar`);
  const bootName = boot ? bootFinalName(boot, project) : null;
  if (bootName)
    found.push({
      path: path.join(target, `${bootName}.jar`),
      kind: 'jar',
      runnable: true,
      springBoot,
      why: `Spring Boot ${springBoot} repackaged jar named by the plugin's <finalName> (honoured before 2.1.4)`,
    });
  else if (boot)
    found.push({ path: main, kind: 'jar', runnable: true, springBoot, why: 'Spring Boot repackaged jar' });
  if (shade && shade.goals.includes('shade')) {
    const attached = text(shade.configuration.shadedArtifactAttached) === 'true';
    const name = text(shade.configuration.finalName);
    if (attached)
      found.push({
        path: path.join(
          target,
          `${name ?? project.finalName}-${text(shade.configuration.shadedClassifierName) ?? 'shaded'}.jar`,
        ),
        kind: 'jar',
        runnable: mainClass !== null,
        springBoot: null,
        why: 'shaded jar (attached)',
      });
    else if (name)
      found.push({
        path: path.join(target, `${name}.jar`),
        kind: 'jar',
        runnable: mainClass !== null,
        springBoot: null,
        why: 'shaded jar',
      });
    else if (!boot)
      found.push({
        path: main,
        kind: 'jar',
        runnable: mainClass !== null,
        springBoot: null,
        why: 'shaded jar (replaces the main jar)',
      });
  }
  if (assembly && JSON.stringify(assembly.configuration).includes('jar-with-dependencies')) {
    const append = text(assembly.configuration.appendAssemblyId) !== 'false';
    const name = text(assembly.configuration.finalName) ?? project.finalName;
    found.push({
      path: path.join(target, `${name}${append ? '-jar-with-dependencies' : ''}.jar`),
      kind: 'jar',
      runnable: manifestMainClass(assembly) !== null,
      springBoot: null,
      why: 'assembly jar-with-dependencies',
    });
  }
  if (!found.some((a) => a.path === main))
    found.push({
      path: main,
      kind: 'jar',
      runnable: mainClass !== null,
      springBoot: null,
      why: `<finalName> ${project.finalName}`,
    });
  return found.sort((a, b) => Number(b.runnable) - Number(a.runnable));
}

/**
 * Before Spring Boot 2.1.4 the repackage goal honoured a `<finalName>` in its own configuration
 * (spring-boot#16457): the fat jar is `<finalName>.jar` and the project's jar stays the plain one.
 */
function bootFinalName(boot: MavenPlugin, project: MavenProject): string | null {
  const configured = text(boot.configuration.finalName);
  const version = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(project.springBootVersion ?? '');
  if (configured === null || !version) return null;
  const [major, minor, patch] = version.slice(1).map((n) => Number(n ?? 0));
  const honoured = major < 2 || (major === 2 && (minor < 1 || (minor === 1 && patch < 4)));
  const name = interpolate(configured, project.properties);
  return honoured && name !== project.finalName && !name.includes('${') ? name : null;
}

/** True when the module builds something `java -jar` (or a servlet container) can run. */
export function isApplicationModule(project: MavenProject): boolean {
  const ids = project.plugins.map((p) => p.artifactId);
  return (
    project.packaging === 'war' ||
    ids.includes('spring-boot-maven-plugin') ||
    ids.includes('quarkus-maven-plugin') ||
    manifestMainClass(project.plugins.find((p) => p.artifactId === 'maven-jar-plugin')) !== null ||
    manifestMainClass(project.plugins.find((p) => p.artifactId === 'maven-assembly-plugin')) !== null ||
    (project.plugins.some((p) => p.artifactId === 'maven-shade-plugin') &&
      shadeMainClass(project.plugins.find((p) => p.artifactId === 'maven-shade-plugin') as MavenPlugin) !==
        null)
  );
}

function manifestMainClass(plugin: MavenPlugin | undefined): string | null {
  const archive = plugin?.configuration.archive as Record<string, unknown> | undefined;
  const manifest = archive?.manifest as Record<string, unknown> | undefined;
  return text(manifest?.mainClass);
}

function shadeMainClass(shade: MavenPlugin): string | null {
  const match = /"mainClass":"([^"]+)"/.exec(JSON.stringify(shade.configuration));
  return match ? match[1] : null;
}
