/**
 * Spring Boot layered extraction (opt-in, `--runtime layered`): the builder unpacks the jar into
 * its layers (`-Djarmode=layertools` before 3.3, `-Djarmode=tools --layers --launcher` from 3.3),
 * the runtime copies each layer separately and starts the launcher (moved in 3.2).
 */
import { newCommand, RuntimeCommand } from './java-container-command';
import type { JavaSettings } from './java-settings';

export function springBootLayers(jar: string, version: string | null, settings: JavaSettings) {
  const [major, minor] = (version ?? '').split('.').map(Number);
  if (!version || Number.isNaN(major))
    return 'layered extraction skipped: msb cannot tell the Spring Boot version (the launcher class and extraction mode depend on it)';
  const tools = major > 3 || (major === 3 && minor >= 3);
  const modern = major > 3 || (major === 3 && minor >= 2);
  const dir = settings.springBootLayers.builderDir;
  const run = tools
    ? `java -Djarmode=tools -jar ${jar} extract --layers --launcher --destination ${dir}`
    : `java -Djarmode=layertools -jar ${jar} extract --destination ${dir}`;
  const copies = ['dependencies', 'spring-boot-loader', 'snapshot-dependencies', 'application'].map(
    (layer) => ({
      from: `${dir}/${layer}/`,
      to: `${settings.springBootLayers.dir}/`,
      why: `Spring Boot layer ${layer}`,
    }),
  );
  return {
    run,
    copies,
    launcher: modern
      ? 'org.springframework.boot.loader.launch.JarLauncher'
      : 'org.springframework.boot.loader.JarLauncher',
  };
}

/** `java $JAVA_OPTS -jar x.jar args` → `java $JAVA_OPTS -cp <dir> <Launcher> args`. */
export function launchLayers(command: RuntimeCommand, launcher: string, dir: string): RuntimeCommand {
  const spec = command.command;
  if (spec.form === 'exec') {
    const jar = spec.argv.indexOf('-jar');
    if (jar < 0 || jar + 1 >= spec.argv.length) return command;
    const argv = [...spec.argv.slice(0, jar), '-cp', dir, launcher, ...spec.argv.slice(jar + 2)];
    return newCommand(command.keyword, argv);
  }
  const text = spec.text.replace(
    /(["']?)-jar\1(\s*,?\s*)(["']?)[^\s"',\]]+\3/,
    (_whole, q1: string, separator: string, q3: string) =>
      `${q1}-cp${q1}${separator}${q3}${dir}${q3}${separator}${q3}${launcher}${q3}`,
  );
  return text === spec.text ? command : newCommand(command.keyword, text);
}
