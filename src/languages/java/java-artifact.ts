/** What a Java build writes, as the Maven and Gradle readers name it (paths relative to where the tool ran). */
import { posix as path } from 'path';

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

type Details = Partial<Pick<JavaArtifact, 'runnable' | 'springBoot' | 'entry'>>;

/** A runnable artifact that is not a Spring Boot jar unless `details` say otherwise. */
export function artifact(
  kind: JavaArtifact['kind'],
  file: string,
  why: string,
  details: Details = {},
): JavaArtifact {
  return { path: file, kind, runnable: true, springBoot: null, why, ...details };
}

/** Quarkus's default fast-jar: `<buildDir>/quarkus-app/`, run through quarkus-run.jar. */
export function quarkusFastJar(buildDir: string, label: string): JavaArtifact {
  return artifact(
    'directory',
    path.join(buildDir, 'quarkus-app'),
    `Quarkus fast-jar (${label}/quarkus-app/)`,
    {
      entry: 'quarkus-run.jar',
    },
  );
}
