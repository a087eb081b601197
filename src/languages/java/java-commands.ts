/**
 * Reads the Java build and run commands of a Dockerfile: `mvn`/`./mvnw` (goals, -f, -pl, -D),
 * `gradle`/`./gradlew` (tasks, -p), `jar cf x.jar` (a hand-made jar), and `java` itself
 * (options, `-jar file` or `-cp path main`, program arguments).
 */
import { OptionTable, optionValue, parseArgv } from '../../analyze/argv';
import { isShellProgram } from '../../analyze/programs';
import { programName, ShellCommand } from '../../analyze/shell-commands';

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
  run: 'spring-boot:run' | 'quarkus:dev' | 'jetty:run' | 'tomcat:run' | 'exec:java' | null;
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
  run: 'bootRun' | 'run' | 'quarkusDev' | null;
  program: string;
  text: string;
}

export type BuildCommand = MavenCommand | GradleCommand;

const MAVEN_PACKAGING =
  /^(package|install|verify|deploy|spring-boot:repackage|quarkus:build|assembly:single|shade:shade|war:war|jar:jar)$/;
const MAVEN_OPTIONS: OptionTable = {
  valued: [
    '-f',
    '--file',
    '-pl',
    '--projects',
    '-s',
    '--settings',
    '-gs',
    '--global-settings',
    '-P',
    '--activate-profiles',
    '-T',
    '--threads',
    '-rf',
    '--resume-from',
    '-l',
    '--log-file',
    '-t',
    '--toolchains',
    '-b',
    '--builder',
    '-D',
    '--define',
  ],
  // `-fae` is --fail-at-end, not `-f ae`.
  flags: ['-fae', '-ff', '-fn'],
  aliases: { '--file': '-f', '--projects': '-pl', '--define': '-D' },
  glued: ['-D', '-f', '-pl'],
};
const GRADLE_OPTIONS: OptionTable = {
  valued: [
    '-p',
    '--project-dir',
    '-x',
    '--exclude-task',
    '-b',
    '--build-file',
    '-c',
    '--settings-file',
    '-g',
    '--gradle-user-home',
    '-I',
    '--init-script',
    '-P',
    '-D',
    '--max-workers',
    '--console',
    '--warning-mode',
  ],
  aliases: { '--project-dir': '-p' },
};

export function parseBuildCommand(command: ShellCommand): BuildCommand | null {
  const program = programName(command);
  const words = command.words;
  const wrapped = isShellProgram(program) && /(^|\/)(mvnw|gradlew)$/.test(words[1] ?? '');
  const tool = wrapped ? words[1].replace(/^.*\//, '') : program;
  const args = words.slice(wrapped ? 2 : 1);
  if (tool === 'mvn' || tool === 'mvnw' || tool === 'mvn.cmd') return maven(args, words[0], command.text);
  if (tool === 'gradle' || tool === 'gradlew') return gradle(args, words[0], command.text);
  return null;
}

function maven(args: string[], program: string, text: string): MavenCommand {
  const parsed = parseArgv(args, MAVEN_OPTIONS);
  const properties = new Map<string, string>();
  for (const o of parsed.options.filter((o) => o.name === '-D')) {
    const [name, ...value] = (o.value ?? '').split('=');
    properties.set(name, value.length > 0 ? value.join('=') : 'true');
  }
  const goals = [...parsed.operands, ...parsed.afterDashDash];
  const result: MavenCommand = {
    tool: 'maven',
    goals,
    file: optionValue(parsed, '-f'),
    projects: (optionValue(parsed, '-pl') ?? '').split(',').filter(Boolean),
    properties,
    // `-D x=y` is written back as one word.
    flags: parsed.options.flatMap((o) => (o.name === '-D' ? [`-D${o.value ?? ''}`] : o.words)),
    packages: goals.some((g) => MAVEN_PACKAGING.test(g)),
    run: null,
    program,
    text,
  };
  const run = goals.find((g) =>
    /^(spring-boot:run|quarkus:dev|jetty:run(-war)?|tomcat7?:run(-war)?|exec:java)$/.test(g),
  );
  if (run)
    result.run = run.startsWith('jetty')
      ? 'jetty:run'
      : run.startsWith('tomcat')
        ? 'tomcat:run'
        : (run as MavenCommand['run']);
  return result;
}

function gradle(args: string[], program: string, text: string): GradleCommand {
  const parsed = parseArgv(args, GRADLE_OPTIONS);
  const tasks = [...parsed.operands, ...parsed.afterDashDash];
  const taskName = (t: string) => t.split(':').pop() ?? t;
  const run = tasks.map(taskName).find((t) => /^(bootRun|run|quarkusDev)$/.test(t));
  return {
    tool: 'gradle',
    tasks,
    projectDir: optionValue(parsed, '-p'),
    flags: parsed.options.flatMap((o) => o.words),
    packages: tasks.some((t) =>
      /^(build|assemble|bootJar|bootWar|jar|war|shadowJar|quarkusBuild|installDist|distTar|distZip)$/.test(
        taskName(t),
      ),
    ),
    run: (run as GradleCommand['run'] | undefined) ?? null,
    program,
    text,
  };
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

const JAVA_OPTIONS: OptionTable = {
  valued: [
    '-cp',
    '-classpath',
    '--class-path',
    '-p',
    '--module-path',
    '--add-modules',
    '--add-opens',
    '--add-exports',
    '-javaagent',
    '--enable-native-access',
  ],
  aliases: { '-classpath': '-cp', '--class-path': '-cp' },
  // Like the java launcher: options end at the first operand (the jar with `-jar`, else the main class).
  stopAtOperand: true,
  expansionsAreOptions: true,
};

/** The `java ...` invocation in an argv (after `exec`, `tini --`, env assignments...). */
export function parseJavaInvocation(argv: readonly string[]): JavaInvocation | null {
  const index = argv.findIndex((w) => /(^|\/)java$/.test(w));
  if (index === -1) return null;
  const parsed = parseArgv(argv.slice(index + 1), JAVA_OPTIONS);
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
