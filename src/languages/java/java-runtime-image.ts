/**
 * The Java runtime image: `--runtime` parsed into a runtime name and the layered option, the JRE
 * of the builder's Java major (profile runtimeImages, or the release the build files target), a
 * servlet container for a WAR, and a warning when a command hard-codes the builder's JAVA_HOME.
 */
import type { StageFacts } from '../../analyze/stage-facts';
import { unknownRuntime } from '../../plan/artifact-runtimes';
import { chooseRuntimeImage, globalArgValues } from '../../plan/base-image';
import type { Decision, PlanContext } from '../../plan/plan-types';
import { privateBaseImageReason } from '../../plan/private-base-image';
import { compiledRegExp } from '../../util/compiled-regexp';
import type { BuiltArtifact, JavaBuild } from './java-build';
import type { JavaRuntime, JavaSettings } from './java-settings';

/** `--runtime alpine,layered` → the runtime name and whether to extract Spring Boot layers. */
export function parseFlavour(
  option: string | undefined,
  settings: JavaSettings,
): { runtime: string; layered: boolean } | string {
  const words = (option ?? '')
    .split(/[,+]/)
    .map((w) => w.trim())
    .filter(Boolean);
  const layered = words.includes('layered');
  const names = words.filter((w) => w !== 'layered');
  if (names.length > 1) return `choose one Java runtime, not ${names.join(' and ')}`;
  const runtime = names[0] ?? settings.defaultRuntime;
  return unknownRuntime(runtime, settings.runtimes, 'Java') ?? { runtime, layered };
}

export function runtimeImage(
  input: PlanContext,
  settings: JavaSettings,
  name: string,
  build: JavaBuild,
  war: BuiltArtifact | null,
  warnings: string[],
  decisions: Decision[],
): { runtime: JavaRuntime; from: string } | string {
  const { facts, profile, dockerfile } = input;
  const chosen = chooseRuntimeImage(facts.from, profile, globalArgValues(dockerfile));
  let jre: string;
  if (chosen.ok) {
    jre = chosen.image;
    warnings.push(...chosen.warnings);
    if (!war)
      decisions.push(...chosen.notes.map((why) => ({ subject: 'FROM', placement: 'added' as const, why })));
  } else {
    const privateImage = privateBaseImageReason(input, profile);
    if (privateImage) return privateImage;
    const major = build.javaRelease ?? settings.fallbackMajor;
    if (major === null) return `${chosen.reason}, and the build files do not name a Java release`;
    // javac -source/-target N on a newer JDK links against that JDK's class library: the jar can
    // call methods Java N lacks (NoSuchMethodError), and msb cannot tell which JDK that was.
    if (build.javaRelease !== null && !build.releaseApi)
      return `${facts.from.text} does not name its JDK and the build files name Java ${major} only as -source/-target (not --release or a toolchain): the jar may call APIs of the builder's JDK that a Java ${major} runtime lacks; name the JDK in the builder image's tag or compile with --release ${major}`;
    jre = settings.releaseImage.replace('{{major}}', String(major));
    warnings.push(
      `${facts.from.text} does not name its JDK: the runtime is ${jre}, the Java release the build files target`,
    );
  }
  const major = Number(/:(?:[a-z]+-)?(\d+)/.exec(jre)?.[1] ?? NaN);
  let runtime = settings.runtimes[name];
  if (runtime.majors.length > 0 && !runtime.majors.includes(major)) {
    warnings.push(`the ${name} runtime has no image for Java ${major}: the runtime is ${jre}`);
    runtime = settings.runtimes[settings.defaultRuntime];
  }
  if (runtime.note) decisions.push({ subject: 'FROM', placement: 'added', why: runtime.note });
  if (war) {
    const javax = build.servletApi === 'javax';
    const minimum = javax ? settings.servlet.javaxMinMajor : settings.servlet.jakartaMinMajor;
    const servletMajor = Math.max(major, minimum);
    if (servletMajor !== major)
      warnings.push(
        `no maintained servlet container image runs Java ${major}: the WAR runs on Java ${servletMajor}`,
      );
    // A Tomcat builder keeps its own Tomcat line (its JRE tag), whatever servlet API the WAR uses.
    const sameTomcat = chosen.ok && /(^|\/)tomcat$/.test(facts.from.name) ? chosen.image : null;
    const servlet =
      sameTomcat ??
      (javax ? settings.servlet.javaxImage : settings.servlet.jakartaImage).replace(
        '{{major}}',
        String(servletMajor),
      );
    decisions.push({
      subject: 'FROM',
      placement: 'added',
      why: `a WAR runs on a servlet container: ${servlet} (${javax ? 'javax.servlet' : 'jakarta.servlet'} API, Java ${servletMajor})`,
    });
    return { runtime: { ...settings.runtimes[settings.defaultRuntime] }, from: servlet };
  }
  return { runtime, from: runtime.image ? runtime.image.replace('{{major}}', String(major)) : jre };
}

export function javaHomeWarnings(facts: StageFacts, settings: JavaSettings, texts: string[]): string[] {
  const home = Object.entries(settings.javaHomes).find(([repo]) =>
    compiledRegExp(`(^|/)${repo}$`).test(facts.from.name),
  )?.[1];
  if (!home || !texts.some((t) => t.includes(home))) return [];
  return [
    `the runtime refers to ${home}..., the JAVA_HOME of ${facts.from.name}; the runtime image's JAVA_HOME is /opt/java/openjdk`,
  ];
}
