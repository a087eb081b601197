/**
 * Reads the Java build and run commands of a Dockerfile: `mvn`/`./mvnw` (goals, -f, -pl, -D),
 * `gradle`/`./gradlew` (tasks, -p), `jar cf x.jar` (a hand-made jar), and `java` itself
 * (options, `-jar file` or `-cp path main`, program arguments).
 */
import { optionValue, parseArgv } from '../../analyze/argv';
import { isShellProgram } from '../../analyze/programs';
import { programName, ShellCommand } from '../../analyze/shell-commands';
import type { JavaSettings } from './java-settings';

export interface MavenCommand {
  tool: 'maven';
  goals: string[];
  /** `-f path/pom.xml` */
  file: string | null;
  /** `-pl a,b` */
  projects: string[];
  /** `-Dname=value` */
  properties: Map<string, string>;
  /** The command's flags as written (-B, -q, -DskipTests...), goals excluded. */
  flags: string[];
  /** True when a goal writes the artifact (package, install, verify, deploy, spring-boot:repackage...). */
  packages: boolean;
  /** The goal that runs the application (spelled as the profile's `runGoals` say: `jetty:run`, `exec:java`...). */
  run: string | null;
  program: string;
  text: string;
}

export interface GradleCommand {
  tool: 'gradle';
  tasks: string[];
  /** `-p dir` / `--project-dir dir` */
  projectDir: string | null;
  flags: string[];
  packages: boolean;
  /** The task that runs the application (one of the profile's `runTasks`: `bootRun`, `run`...). */
  run: string | null;
  program: string;
  text: string;
}

export type BuildCommand = MavenCommand | GradleCommand;

export function parseBuildCommand(command: ShellCommand, settings: JavaSettings): BuildCommand | null {
  const program = programName(command);
  const words = command.words;
  const script = (words[1] ?? '').replace(/^.*\//, '');
  const wrapped =
    isShellProgram(program) && [settings.maven.wrapper, settings.gradle.wrapper].includes(script);
  const tool = wrapped ? script : program;
  const args = words.slice(wrapped ? 2 : 1);
  if (settings.maven.programs.includes(tool)) return maven(args, words[0], command.text, settings.maven);
  if (settings.gradle.programs.includes(tool)) return gradle(args, words[0], command.text, settings.gradle);
  return null;
}

function maven(args: string[], program: string, text: string, tool: JavaSettings['maven']): MavenCommand {
  const parsed = parseArgv(args, tool.options);
  const properties = new Map<string, string>();
  for (const o of parsed.options.filter((o) => o.name === '-D')) {
    const [name, ...value] = (o.value ?? '').split('=');
    properties.set(name, value.length > 0 ? value.join('=') : 'true');
  }
  const goals = [...parsed.operands, ...parsed.afterDashDash];
  const run = goals.find((g) => Object.hasOwn(tool.runGoals, g));
  return {
    tool: 'maven',
    goals,
    file: optionValue(parsed, '-f'),
    projects: (optionValue(parsed, '-pl') ?? '').split(',').filter(Boolean),
    properties,
    // `-D x=y` is written back as one word.
    flags: parsed.options.flatMap((o) => (o.name === '-D' ? [`-D${o.value ?? ''}`] : o.words)),
    packages: goals.some((g) => tool.packaging.includes(g)),
    run: run === undefined ? null : tool.runGoals[run],
    program,
    text,
  };
}

function gradle(args: string[], program: string, text: string, tool: JavaSettings['gradle']): GradleCommand {
  const parsed = parseArgv(args, tool.options);
  const tasks = [...parsed.operands, ...parsed.afterDashDash];
  const names = tasks.map(gradleTaskName);
  return {
    tool: 'gradle',
    tasks,
    projectDir: optionValue(parsed, '-p'),
    flags: parsed.options.flatMap((o) => o.words),
    packages: names.some((t) => tool.packaging.includes(t)),
    run: names.find((t) => Object.hasOwn(tool.runTasks, t)) ?? null,
    program,
    text,
  };
}

/** `:app:bootJar` → `bootJar`. */
export function gradleTaskName(task: string): string {
  return task.split(':').pop() ?? task;
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

export interface JavaInvocation {
  /** JVM options as written (`-Xmx512m`, `$JAVA_OPTS`, `--add-opens x`), the jar and classpath excluded. */
  options: string[];
  jar: string | null;
  classpath: string | null;
  mainClass: string | null;
  programArgs: string[];
}

/** The `java ...` invocation in an argv (after `exec`, `tini --`, env assignments...). */
export function parseJavaInvocation(argv: readonly string[], settings: JavaSettings): JavaInvocation | null {
  const index = argv.findIndex((w) => /(^|\/)java$/.test(w));
  if (index === -1) return null;
  const parsed = parseArgv(argv.slice(index + 1), settings.javaOptions);
  const jarMode = parsed.options.some((o) => o.name === '-jar');
  const [operand, ...programArgs] = parsed.operands;
  return {
    options: parsed.options.filter((o) => o.name !== '-jar' && o.name !== '-cp').flatMap((o) => o.words),
    jar: jarMode ? (operand ?? null) : null,
    classpath: optionValue(parsed, '-cp') || null,
    mainClass: jarMode ? null : (operand ?? null),
    programArgs,
  };
}
