/**
 * Reads the Java build and run commands of a Dockerfile: `mvn`/`./mvnw` (goals, -f, -pl, -D),
 * `gradle`/`./gradlew` (tasks, -p), `jar cf x.jar` (a hand-made jar), and `java` itself
 * (options, `-jar file` or `-cp path main`, program arguments).
 */
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

const MAVEN_PACKAGING = /^(package|install|verify|deploy|spring-boot:repackage|quarkus:build|assembly:single|shade:shade|war:war|jar:jar)$/;
const MAVEN_VALUE_OPTIONS = new Set(['-f', '--file', '-pl', '--projects', '-s', '--settings', '-gs', '--global-settings', '-P', '--activate-profiles', '-T', '--threads', '-rf', '--resume-from', '-l', '--log-file', '-t', '--toolchains', '-b', '--builder']);
const GRADLE_VALUE_OPTIONS = new Set(['-p', '--project-dir', '-x', '--exclude-task', '-b', '--build-file', '-c', '--settings-file', '-g', '--gradle-user-home', '-I', '--init-script', '-P', '-D', '--max-workers', '--console', '--warning-mode']);

export function parseBuildCommand(command: ShellCommand): BuildCommand | null {
  const program = programName(command);
  const words = command.words;
  const wrapped = (program === 'sh' || program === 'bash') && /(^|\/)(mvnw|gradlew)$/.test(words[1] ?? '');
  const tool = wrapped ? words[1].replace(/^.*\//, '') : program;
  const args = words.slice(wrapped ? 2 : 1);
  if (tool === 'mvn' || tool === 'mvnw' || tool === 'mvn.cmd') return maven(args, words[0], command.text);
  if (tool === 'gradle' || tool === 'gradlew') return gradle(args, words[0], command.text);
  return null;
}

function maven(args: string[], program: string, text: string): MavenCommand {
  const result: MavenCommand = { tool: 'maven', goals: [], file: null, projects: [], properties: new Map(), flags: [], packages: false, run: null, program, text };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (MAVEN_VALUE_OPTIONS.has(arg)) {
      const value = args[++i] ?? '';
      result.flags.push(arg, value);
      if (arg === '-f' || arg === '--file') result.file = value;
      if (arg === '-pl' || arg === '--projects') result.projects = value.split(',').filter(Boolean);
    } else if (arg.startsWith('-D')) {
      const [name, ...value] = (arg === '-D' ? args[++i] ?? '' : arg.slice(2)).split('=');
      result.properties.set(name, value.length > 0 ? value.join('=') : 'true');
      result.flags.push(arg === '-D' ? `-D${name}${value.length > 0 ? `=${value.join('=')}` : ''}` : arg);
    } else if (arg.startsWith('-')) {
      result.flags.push(arg);
      const inline = /^(--file|--projects)=(.*)$/.exec(arg) ?? /^(-f|-pl)(\S+)$/.exec(arg);
      if (inline && /f/.test(inline[1])) result.file = inline[2];
      else if (inline) result.projects = inline[2].split(',');
    } else {
      result.goals.push(arg);
    }
  }
  result.packages = result.goals.some((g) => MAVEN_PACKAGING.test(g));
  const run = result.goals.find((g) => /^(spring-boot:run|quarkus:dev|jetty:run(-war)?|tomcat7?:run(-war)?|exec:java)$/.test(g));
  if (run) result.run = run.startsWith('jetty') ? 'jetty:run' : run.startsWith('tomcat') ? 'tomcat:run' : (run as MavenCommand['run']);
  return result;
}

function gradle(args: string[], program: string, text: string): GradleCommand {
  const result: GradleCommand = { tool: 'gradle', tasks: [], projectDir: null, flags: [], packages: false, run: null, program, text };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (GRADLE_VALUE_OPTIONS.has(arg)) {
      const value = args[++i] ?? '';
      result.flags.push(arg, value);
      if (arg === '-p' || arg === '--project-dir') result.projectDir = value;
    } else if (arg.startsWith('-')) {
      result.flags.push(arg);
      const inline = /^--project-dir=(.*)$/.exec(arg);
      if (inline) result.projectDir = inline[1];
    } else {
      result.tasks.push(arg);
    }
  }
  const taskName = (t: string) => t.split(':').pop() ?? t;
  result.packages = result.tasks.some((t) => /^(build|assemble|bootJar|bootWar|jar|war|shadowJar|quarkusBuild|installDist|distTar|distZip)$/.test(taskName(t)));
  const run = result.tasks.map(taskName).find((t) => /^(bootRun|run|quarkusDev)$/.test(t));
  if (run) result.run = run as GradleCommand['run'];
  return result;
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
  /** Index of `java` in argv. */
  index: number;
  options: string[];
  jar: string | null;
  /** Index in argv of the jar path (to rewrite it). */
  jarIndex: number;
  classpath: string | null;
  classpathIndex: number;
  mainClass: string | null;
  programArgs: string[];
}

const JAVA_VALUE_OPTIONS = new Set(['-cp', '-classpath', '--class-path', '-p', '--module-path', '--add-modules', '--add-opens', '--add-exports', '-javaagent', '--enable-native-access']);

/** The `java ...` invocation in an argv (after `exec`, `tini --`, env assignments...). */
export function parseJavaInvocation(argv: readonly string[]): JavaInvocation | null {
  const index = argv.findIndex((w) => /(^|\/)java$/.test(w));
  if (index === -1) return null;
  const result: JavaInvocation = { index, options: [], jar: null, jarIndex: -1, classpath: null, classpathIndex: -1, mainClass: null, programArgs: [] };
  // Like the java launcher, `-jar` only sets the mode: options may follow it, the jar is the first operand.
  let jarMode = false;
  for (let i = index + 1; i < argv.length; i++) {
    const word = argv[i];
    if (word === '-jar') {
      jarMode = true;
      continue;
    }
    if (word === '-cp' || word === '-classpath' || word === '--class-path') {
      result.classpath = argv[i + 1] ?? null;
      result.classpathIndex = i + 1;
      i++;
      continue;
    }
    if (JAVA_VALUE_OPTIONS.has(word)) {
      result.options.push(word, argv[i + 1] ?? '');
      i++;
      continue;
    }
    if (word.startsWith('-') || word.startsWith('$')) {
      result.options.push(word);
      continue;
    }
    if (jarMode) {
      result.jar = word;
      result.jarIndex = i;
    } else result.mainClass = word;
    result.programArgs = argv.slice(i + 1);
    return result;
  }
  return result;
}
