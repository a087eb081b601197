/**
 * Which files the Java runtime copies for the command: the jar it names, where the build writes
 * it (or the builder's artifact when a COPY took it from the host), a fixed name when the path
 * cannot work (an exec-form wildcard, a path the build never writes), or the classpath entries.
 */
import { posix as path } from 'path';
import picomatch from 'picomatch';
import { expandVariables } from '../../analyze/instruction-args';
import type { CopyFacts, StageFacts } from '../../analyze/stage-facts';
import type { ContextPaths } from '../../plan/context-paths';
import type { Decision } from '../../plan/plan-types';
import { isWithin } from '../../plan/runtime-stage';
import { isProduced, JavaBuild } from './java-build';
import type { JavaCall } from './java-container-command';
import type { JavaSettings } from './java-settings';

export interface Copy {
  from: string;
  to: string;
  why: string;
}

/** The copies for the command's jar or classpath, a new path for the command, and whether it is a Spring Boot jar. */
interface JarChoice {
  copies: Copy[];
  rewrite: { from: string; to: string } | null;
  springBoot: string | null;
}

/** One copy; the command keeps its path. */
const single = (from: string, to: string, why: string, springBoot: string | null): JarChoice => ({
  copies: [{ from, to, why }],
  rewrite: null,
  springBoot,
});

/** The jar the command runs: kept at its path when the build writes it there, else a fixed name. */
export function jarCopies(
  call: JavaCall,
  build: JavaBuild,
  paths: ContextPaths,
  facts: StageFacts,
  settings: JavaSettings,
  warnings: string[],
  decisions: Decision[],
): JarChoice | string {
  const written = call.invocation.jar as string;
  const jar = expandVariables(written, facts.values);
  const absolute = path.resolve(facts.workdir, jar);
  const wildcard = /[*?[]/.test(jar);
  const subject = `${call.line.instruction.keyword} (line ${call.line.instruction.line + 1})`;
  const known = build.artifacts.find(
    (a) => a.absolute === absolute || (a.kind === 'directory' && isWithin(absolute, a.absolute)),
  );
  if (known) {
    return known.kind === 'directory'
      ? single(
          known.absolute,
          known.absolute,
          `${known.why}: the directory ${path.basename(absolute)} runs from`,
          known.springBoot,
        )
      : single(absolute, absolute, `${known.why}, at the path the command names`, known.springBoot);
  }
  const best = build.artifacts.find((a) => a.kind !== 'native');
  const hostCopy = copiedTo(facts, absolute);
  if (
    !wildcard &&
    hostCopy &&
    best &&
    hostCopy.spec.sources.some((s) => /(^|\/)(target|build\/libs)\//.test(s))
  ) {
    warnings.push(
      `${hostCopy.instruction.keyword} (line ${hostCopy.instruction.line + 1}) copies ${hostCopy.spec.sources.join(' ')} from the build context (the host), not the jar the image builds: the runtime takes ${best.absolute} from the builder`,
    );
    const why = `${best.why}, built in the builder, at the path the command names`;
    return single(best.absolute, absolute, why, best.springBoot);
  }
  if (!wildcard && (isProduced(build, absolute) || paths.toContext(absolute) !== null || hostCopy)) {
    const source = isProduced(build, absolute) ? 'the jar the build writes' : 'the jar copied into the image';
    // `cp target/*.jar app.jar` copies the build's artifact: it is a Spring Boot jar when that is.
    const springBoot = build.artifacts.length === 1 ? build.artifacts[0].springBoot : null;
    return single(absolute, absolute, `${source}, at the path the command names`, springBoot);
  }
  if (!wildcard && (!best || !best.certain)) {
    if (best)
      warnings.push(
        `msb expected the build to write ${best.absolute} (from build files with unresolved values); the command runs ${absolute}: that path is kept`,
      );
    return single(absolute, absolute, 'the jar the command names', best?.springBoot ?? null);
  }
  if (!best) return `the command runs ${written}, and msb cannot tell which jar the build produces`;
  if (wildcard && call.inShell && picomatch.isMatch(best.absolute, absolute)) {
    decisions.push({
      subject,
      placement: 'runtime',
      why: `the shell expands ${written} when the container starts: the runtime holds only ${best.absolute}, so it matches exactly that jar`,
    });
    return single(best.absolute, best.absolute, best.why, best.springBoot);
  }
  const fixed = path.join(facts.workdir, settings.fixedJarName);
  const target = jar.startsWith('/') || jar.startsWith('$') ? fixed : path.relative(facts.workdir, fixed);
  warnings.push(
    wildcard
      ? `${subject} names ${written}, which exec form never expands (the original could not start): the runtime copies ${best.absolute} to ${fixed} and runs that`
      : `${subject} runs ${written}, which the build does not write (it writes ${best.absolute}): the runtime copies that jar to ${fixed} and runs it`,
  );
  const why = `${best.why}, under a fixed name the command can use`;
  return { ...single(best.absolute, fixed, why, best.springBoot), rewrite: { from: written, to: target } };
}

/** `COPY target/*.jar app.jar`, `COPY ${JAR_FILE} /app.jar`: the COPY/ADD from the context that put a file at this path. */
function copiedTo(facts: StageFacts, file: string): CopyFacts | undefined {
  return [...facts.copies]
    .reverse()
    .find(
      (c) =>
        c.spec.from === null &&
        !c.spec.heredoc &&
        (c.dest === file ||
          (c.dest.endsWith('/') && c.spec.sources.some((s) => path.join(c.dest, path.basename(s)) === file))),
    );
}

/** `java -cp app.jar:lib/* Main` (or `java Main`, classpath "."): every classpath entry the image held. */
export function classpathCopies(
  call: JavaCall,
  build: JavaBuild,
  paths: ContextPaths,
  facts: StageFacts,
  warnings: string[],
): JarChoice | string {
  const classpath = call.invocation.classpath ?? facts.values.get('CLASSPATH') ?? '.';
  const entries = expandVariables(classpath, facts.values).split(':').filter(Boolean);
  const copies: Copy[] = [];
  for (const entry of entries) {
    const absolute = path.resolve(facts.workdir, entry.replace(/\/\*$/, ''));
    if (/[*?[]/.test(absolute)) return `the classpath entry ${entry} is a pattern msb cannot copy exactly`;
    const built = build.artifacts.some((a) => a.absolute === absolute) || isProduced(build, absolute);
    const from = built ? 'the build' : paths.toContext(absolute) !== null ? 'the build context' : null;
    if (!from)
      warnings.push(`the classpath entry ${entry} is not something msb sees the build write: copied as is`);
    copies.push({
      from: absolute,
      to: absolute,
      why: `classpath entry ${entry}${from ? ` from ${from}` : ''}`,
    });
  }
  return { copies, rewrite: null, springBoot: null };
}

/** The --chown of the COPY that brought a file in (the runtime keeps the owner). */
export function chownOf(facts: StageFacts, file: string): string | null {
  return (
    [...facts.copies]
      .reverse()
      .find((c) => c.spec.from === null && c.spec.chown && isWithin(file, c.dest.replace(/\/$/, '') || '/'))
      ?.spec.chown ?? null
  );
}
