/** Jar naming in build/libs from Gradle builds (Groovy and Kotlin DSL). */
import { openBuildContext } from '../../../src/context/build-context';
import { gradleArtifacts, readGradleProject } from '../../../src/languages/java/gradle-build';
import { contextDir } from '../../helpers/build-fixture';
import { settings } from './java-fixtures';

function jars(files: Record<string, string>, directoryName = 'project') {
  const project = readGradleProject(openBuildContext(contextDir(files)), '', settings)!;
  return gradleArtifacts(project, project.rootProjectName ?? directoryName, '').map(
    (a) => `${a.path}${a.runnable ? '' : ' (not runnable)'}`,
  );
}

const boot = (extra = '') =>
  `plugins {\n  java\n  id("org.springframework.boot") version "3.2.5"\n}\n\nversion = "0.0.1-SNAPSHOT"\n${extra}`;

describe('gradle jar naming', () => {
  it.each<[string, Record<string, string>, string[]]>([
    [
      'Spring Boot, Kotlin DSL: bootJar, never the -plain jar',
      { 'build.gradle.kts': boot(), 'settings.gradle.kts': 'rootProject.name = "demo"\n' },
      ['build/libs/demo-0.0.1-SNAPSHOT.jar'],
    ],
    [
      'Spring Boot, Groovy DSL',
      {
        'build.gradle':
          "plugins {\n  id 'java'\n  id 'org.springframework.boot' version '2.7.18'\n}\nversion = '1.0'\n",
        'settings.gradle': "rootProject.name = 'shop'\n",
      },
      ['build/libs/shop-1.0.jar'],
    ],
    [
      'no rootProject.name: the directory Gradle runs in',
      { 'build.gradle.kts': boot() },
      ['build/libs/project-0.0.1-SNAPSHOT.jar'],
    ],
    [
      'no version',
      {
        'build.gradle': "plugins { id 'org.springframework.boot' version '3.1.0' }\n",
        'settings.gradle': "rootProject.name = 'x'",
      },
      ['build/libs/x.jar'],
    ],
    [
      'version from gradle.properties',
      {
        'build.gradle': "plugins { id 'org.springframework.boot' version '3.1.0' }\n",
        'gradle.properties': 'version=2.3.4\n',
        'settings.gradle': "rootProject.name = 'x'",
      },
      ['build/libs/x-2.3.4.jar'],
    ],
    [
      'bootJar archiveFileName',
      {
        'build.gradle.kts': boot(
          'tasks.named<org.springframework.boot.gradle.tasks.bundling.BootJar>("bootJar") {\n  archiveFileName.set("app.jar")\n}\n',
        ),
      },
      ['build/libs/app.jar'],
    ],
    [
      'bootJar { archiveFileName = }',
      {
        'build.gradle':
          "plugins { id 'org.springframework.boot' version '3.1.0' }\nbootJar {\n  archiveFileName = 'service.jar'\n}\n",
      },
      ['build/libs/service.jar'],
    ],
    [
      'archiveBaseName and archiveClassifier',
      {
        'build.gradle':
          "plugins { id 'org.springframework.boot' version '3.1.0' }\nversion = '1'\nbootJar {\n  archiveBaseName = 'api'\n  archiveClassifier = 'boot'\n}\n",
      },
      ['build/libs/api-1-boot.jar'],
    ],
    [
      'base { archivesName }',
      { 'build.gradle.kts': `${boot()}base {\n  archivesName.set("store")\n}\n` },
      ['build/libs/store-0.0.1-SNAPSHOT.jar'],
    ],
    [
      'shadow -all jar',
      {
        'build.gradle':
          "plugins {\n  id 'java'\n  id 'com.github.johnrengelman.shadow' version '8.1.1'\n}\nversion '1.0'\n",
        'settings.gradle': "rootProject.name = 'tool'\n",
      },
      ['build/libs/tool-1.0-all.jar', 'build/libs/tool-1.0.jar (not runnable)'],
    ],
    [
      'plain jar with a Main-Class manifest',
      {
        'build.gradle':
          "plugins { id 'java' }\nversion = '1'\njar {\n  manifest { attributes 'Main-Class': 'a.Main' }\n}\n",
        'settings.gradle': "rootProject.name = 'cli'",
      },
      ['build/libs/cli-1.jar'],
    ],
    [
      'war plugin',
      {
        'build.gradle': "plugins { id 'war' }\nversion = '1'\n",
        'settings.gradle': "rootProject.name = 'web'",
      },
      ['build/libs/web-1.war (not runnable)', 'build/libs/web-1.jar (not runnable)'],
    ],
    ['Quarkus', { 'build.gradle.kts': 'plugins {\n  java\n  id("io.quarkus")\n}\n' }, ['build/quarkus-app']],
  ])('%s', (_name, files, expected) => {
    expect(jars(files)).toEqual(expected);
  });

  it('reads subprojects and the Spring Boot version', () => {
    const project = readGradleProject(
      openBuildContext(
        contextDir({
          'settings.gradle': "rootProject.name = 'root'\ninclude 'app', ':libs:core'\n",
          'build.gradle': boot(),
        }),
      ),
      '',
      settings,
    )!;
    expect(project.includes).toEqual(['app', 'libs/core']);
    expect(project.springBootVersion).toBe('3.2.5');
  });
});
