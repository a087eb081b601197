/**
 * Reads the Java build and run commands of a Dockerfile: `mvn`/`./mvnw` (goals, -f, -pl, -D),
 * `gradle`/`./gradlew` (tasks, -p), `jar cf x.jar` (a hand-made jar), and `java` itself
 * (options, `-jar file` or `-cp path main`, program arguments).
 */
import { optionValue, parseArgv } from '../../analyze/argv';
import { isShellProgram } from '../../analyze/programs';
import { programName, ShellCommand } from '../../analyze/shell-commands';
import type { JavaSettings } from './java-settings';

export type BuildToolName = 'maven' | 'gradle';
const TOOLS: readonly BuildToolName[] = ['maven', 'gradle'];

/** A Maven or Gradle command, read through the profile's table for that tool. */
export interface BuildCommand {
  tool: BuildToolName;
  /** Goals (Maven) or tasks (Gradle) as written. */
  steps: string[];
  /** The build file or directory option's value (`-f path/pom.xml`, `-p dir`). */
  file: string | null;
  /** `-pl a,b` */
  projects: string[];
  /** `-Dname=value` */
  properties: Map<string, string>;
  /** The command's flags as written (-B, -q, -DskipTests...), steps excluded. */
  flags: string[];
  /** True when a step writes the artifact (package, install, bootJar...). */
  packages: boolean;
  /** What the profile's `runSteps` map the step that runs the application to, else null. */
  run: string | null;
  program: string;
  text: string;
}

export function parseBuildCommand(command: ShellCommand, settings: JavaSettings): BuildCommand | null {
  const program = programName(command);
  const words = command.words;
  const script = (words[1] ?? '').replace(/^.*\//, '');
  const wrapped = isShellProgram(program) && TOOLS.some((t) => settings[t].wrapper === script);
  const tool = TOOLS.find((t) => settings[t].programs.includes(wrapped ? script : program));
  if (!tool) return null;
  const table = settings[tool];
  const parsed = parseArgv(words.slice(wrapped ? 2 : 1), table.options);
  const properties = new Map<string, string>();
  for (const o of parsed.options.filter((o) => o.name === table.propertyOption)) {
    const [name, ...value] = (o.value ?? '').split('=');
    properties.set(name, value.length > 0 ? value.join('=') : 'true');
  }
  const steps = [...parsed.operands, ...parsed.afterDashDash];
  const names = steps.map((s) => stepName(s, table));
  const run = names.find((s) => Object.hasOwn(table.runSteps, s));
  const option = (name: string | undefined) => (name === undefined ? null : optionValue(parsed, name));
  return {
    tool,
    steps,
    file: option(table.fileOption),
    projects: (option(table.projectsOption) ?? '').split(',').filter(Boolean),
    properties,
    // `-D x=y` is written back as one word.
    flags: parsed.options.flatMap((o) =>
      o.name === table.propertyOption ? [`${o.name}${o.value ?? ''}`] : o.words,
    ),
    packages: names.some((s) => table.packaging.includes(s)),
    run: run === undefined ? null : table.runSteps[run],
    program: words[0],
    text: command.text,
  };
}

/** The step without its project path (`:app:bootJar` → `bootJar`) for a tool whose steps have one. */
export function stepName(step: string, table: JavaSettings[BuildToolName]): string {
  return table.stepPaths ? (step.split(':').pop() ?? step) : step;
}

/** `jar cf app.jar -C classes .`, `jar --create --file=app.jar ...`: the jar file written. */
export function jarToolOutput(command: ShellCommand): string | null {
  if (programName(command) !== 'jar') return null;
  const args = command.words.slice(1);
  for (let i = 0; i < args.length; i++) {
    const long = /^--file(?:=(.*))?$/.exec(args[i]);
    if (long) return long[1] ?? args[i + 1] ?? null;
  }
  const cluster = args[0]?.replace(/^-/, '') ?? '';
  if (!/^[ctuxvf0MmeiPn]+$/.test(cluster) || !/[cu]/.test(cluster) || !cluster.includes('f')) return null;
  // Options taking a value (f, m, e) consume the following words in the order the letters appear.
  const valued = [...cluster].filter((c) => 'fme'.includes(c));
  return args[1 + valued.indexOf('f')] ?? null;
}

/** What `java` runs: a jar (`-jar file`), or a main class on a classpath. */
export interface JavaInvocation {
  jar: string | null;
  classpath: string | null;
  mainClass: string | null;
}

/** The `java ...` invocation in an argv (after `exec`, `tini --`, env assignments...). */
export function parseJavaInvocation(argv: readonly string[], settings: JavaSettings): JavaInvocation | null {
  const index = argv.findIndex((w) => /(^|\/)java$/.test(w));
  if (index === -1) return null;
  const parsed = parseArgv(argv.slice(index + 1), settings.javaOptions);
  const jarMode = parsed.options.some((o) => o.name === '-jar');
  const operand = parsed.operands[0] ?? null;
  return {
    jar: jarMode ? operand : null,
    classpath: optionValue(parsed, '-cp') || null,
    mainClass: jarMode ? null : operand,
  };
}
