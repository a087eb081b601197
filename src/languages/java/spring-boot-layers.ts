/**
 * Spring Boot layered extraction (opt-in, `--runtime layered`): the builder unpacks the jar into
 * its layers, the runtime copies each layer separately and starts the launcher — the extraction
 * command and the launcher class by Spring Boot version, from java.yaml.
 */
import { newCommand, RuntimeCommand } from './java-container-command';
import type { JavaSettings } from './java-settings';

export function springBootLayers(jar: string, version: string | null, settings: JavaSettings) {
  const { builderDir, dir, layers, extract, launcher } = settings.springBootLayers;
  if (!version || Number.isNaN(Number(version.split('.')[0])))
    return 'layered extraction skipped: msb cannot tell the Spring Boot version (the launcher class and extraction mode depend on it)';
  const since = <T extends { since: string }>(steps: T[]) =>
    steps.find((s) => versionAtLeast(version, s.since)) ?? steps[steps.length - 1];
  return {
    run: since(extract).run.replace('{{jar}}', jar).replace('{{dir}}', builderDir),
    copies: layers.map((layer) => ({
      from: `${builderDir}/${layer}/`,
      to: `${dir}/`,
      why: `Spring Boot layer ${layer}`,
    })),
    launcher: since(launcher).class,
  };
}

/** `3.2.5` is at least `3.2` (missing parts count as 0). */
export function versionAtLeast(version: string, least: string): boolean {
  const parts = (v: string) =>
    (/^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(v) ?? []).slice(1, 4).map((n) => Number(n ?? 0));
  const [a, b] = [parts(version), parts(least)];
  const i = a.findIndex((n, k) => n !== b[k]);
  return i === -1 || a[i] > b[i];
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
