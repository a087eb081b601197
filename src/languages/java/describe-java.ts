/** Build tool and framework of a Java project, from its build files and the Dockerfile. */
import type { DetectInput, Evidence, LanguageDetails } from '../../plan/plan-types';
import type { JavaSettings } from './java-settings';

export function describeJava(input: DetectInput, settings: JavaSettings): LanguageDetails {
  const { context, facts } = input;
  const evidence: Evidence[] = [];
  const scripts = [...facts.runs.map((r) => r.script), facts.cmd?.args ?? '', facts.entrypoint?.args ?? ''].join('\n');
  const poms = context.glob('{pom.xml,*/pom.xml,*/*/pom.xml}');
  const gradleFiles = context.glob('{build.gradle,build.gradle.kts,*/build.gradle,*/build.gradle.kts}');

  let packageManager: string | undefined;
  if (/(^|[\s;&|(/"])mvnw?\b/.test(scripts) || (poms.length > 0 && !/(^|[\s;&|(/"])gradlew?\b/.test(scripts))) packageManager = 'maven';
  else if (/(^|[\s;&|(/"])gradlew?\b/.test(scripts) || gradleFiles.length > 0) packageManager = 'gradle';

  const buildText = (packageManager === 'gradle' ? gradleFiles : poms)
    .map((f) => context.read(f) ?? '')
    .join('\n')
    .replace(/<!--[\s\S]*?-->|\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  let framework: string | undefined;
  for (const candidate of settings.frameworks) {
    const needles = packageManager === 'gradle' ? candidate.gradle : candidate.maven;
    if (needles.some((n) => buildText.includes(n))) {
      framework = candidate.name;
      evidence.push({ kind: 'manifest', detail: `${candidate.name} in the build files`, weight: 0.3 });
      break;
    }
  }
  return { framework, packageManager, evidence };
}
