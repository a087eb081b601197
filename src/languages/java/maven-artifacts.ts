/**
 * What `mvn package` writes for one module: `target/<finalName>.jar|war`, a shaded or assembly
 * jar next to it when attached, or Quarkus's `target/quarkus-app/` directory. Best candidate
 * first; `original-*.jar` and `*.jar.original` (what shade and Spring Boot leave behind) never.
 */
import { posix as path } from 'path';
import type { BuildContext } from '../../context/build-context';
import { artifact, JavaArtifact, quarkusFastJar } from './java-artifact';
import type { MavenPlugin, MavenProject } from './maven-pom';
import { interpolate, text } from './maven-pom';
import { versionAtLeast } from './spring-boot-layers';

export function mavenArtifacts(
  project: MavenProject,
  context: BuildContext,
  relativeDir: string,
): JavaArtifact[] {
  if (project.packaging === 'pom' || project.packaging === 'maven-plugin') return [];
  const target = path.join(relativeDir || '.', project.buildDirectory);
  const find = (artifactId: string) => findPlugin(project, artifactId);
  const boot = find('spring-boot-maven-plugin');
  const shade = find('maven-shade-plugin');
  const assembly = find('maven-assembly-plugin');
  const quarkus = find('quarkus-maven-plugin');
  const springBoot = boot ? (project.springBootVersion ?? '') : null;
  const mainClass = manifestMainClass(find('maven-jar-plugin')) ?? (shade ? shadeMainClass(shade) : null);
  const found: JavaArtifact[] = [];

  if (project.packaging === 'war')
    return [
      artifact('war', path.join(target, `${project.finalName}.war`), 'packaging war', {
        runnable: boot !== undefined,
        springBoot,
      }),
    ];
  if (quarkus) {
    const properties =
      context.read(path.join(project.dir, 'src/main/resources/application.properties')) ?? '';
    const type =
      /^\s*quarkus\.package\.(?:jar\.)?type\s*=\s*(\S+)/m.exec(properties)?.[1] ??
      (/^\s*quarkus\.package\.jar\.enabled\s*=\s*false/m.test(properties) ? 'native' : 'fast-jar');
    const runner = path.join(target, `${project.finalName}-runner`);
    if (type === 'native') return [artifact('native', runner, 'Quarkus native executable')];
    if (type === 'uber-jar') return [artifact('jar', `${runner}.jar`, 'Quarkus uber-jar')];
    return [quarkusFastJar(target, 'target')];
  }
  const main = path.join(target, `${project.finalName}.jar`);
  const bootName = boot ? bootFinalName(boot, project) : null;
  const runsMain = { runnable: mainClass !== null };
  if (bootName)
    found.push(
      artifact(
        'jar',
        path.join(target, `${bootName}.jar`),
        `Spring Boot ${springBoot} repackaged jar named by the plugin's <finalName> (honoured before 2.1.4)`,
        { springBoot },
      ),
    );
  else if (boot) found.push(artifact('jar', main, 'Spring Boot repackaged jar', { springBoot }));
  if (shade && shade.goals.includes('shade')) {
    const attached = text(shade.configuration.shadedArtifactAttached) === 'true';
    const name = text(shade.configuration.finalName);
    const classifier = text(shade.configuration.shadedClassifierName) ?? 'shaded';
    if (attached)
      found.push(
        artifact(
          'jar',
          path.join(target, `${name ?? project.finalName}-${classifier}.jar`),
          'shaded jar (attached)',
          runsMain,
        ),
      );
    else if (name) found.push(artifact('jar', path.join(target, `${name}.jar`), 'shaded jar', runsMain));
    else if (!boot) found.push(artifact('jar', main, 'shaded jar (replaces the main jar)', runsMain));
  }
  if (assembly && JSON.stringify(assembly.configuration).includes('jar-with-dependencies')) {
    const suffix = text(assembly.configuration.appendAssemblyId) !== 'false' ? '-jar-with-dependencies' : '';
    const name = `${text(assembly.configuration.finalName) ?? project.finalName}${suffix}`;
    const runnable = manifestMainClass(assembly) !== null;
    found.push(
      artifact('jar', path.join(target, `${name}.jar`), 'assembly jar-with-dependencies', { runnable }),
    );
  }
  if (!found.some((a) => a.path === main))
    found.push(artifact('jar', main, `<finalName> ${project.finalName}`, runsMain));
  return found.sort((a, b) => Number(b.runnable) - Number(a.runnable));
}

/**
 * Before Spring Boot 2.1.4 the repackage goal honoured a `<finalName>` in its own configuration
 * (spring-boot#16457): the fat jar is `<finalName>.jar` and the project's jar stays the plain one.
 */
function bootFinalName(boot: MavenPlugin, project: MavenProject): string | null {
  const configured = text(boot.configuration.finalName);
  const version = project.springBootVersion ?? '';
  if (configured === null || !/^\d+\.\d+/.test(version)) return null;
  const honoured = !versionAtLeast(version, '2.1.4');
  const name = interpolate(configured, project.properties);
  return honoured && name !== project.finalName && !name.includes('${') ? name : null;
}

/** True when the module builds something `java -jar` (or a servlet container) can run. */
export function isApplicationModule(project: MavenProject): boolean {
  const find = (artifactId: string) => findPlugin(project, artifactId);
  const shade = find('maven-shade-plugin');
  return (
    project.packaging === 'war' ||
    find('spring-boot-maven-plugin') !== undefined ||
    find('quarkus-maven-plugin') !== undefined ||
    manifestMainClass(find('maven-jar-plugin')) !== null ||
    manifestMainClass(find('maven-assembly-plugin')) !== null ||
    (shade !== undefined && shadeMainClass(shade) !== null)
  );
}

function findPlugin(project: MavenProject, artifactId: string): MavenPlugin | undefined {
  return project.plugins.find((p) => p.artifactId === artifactId);
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
