/**
 * Where build-context files land in the image: each `COPY`/`ADD` (from the context) maps a
 * context path to a container path. Strategies use it both ways: which context files a
 * container directory holds (sources, templates), and where a context file ended up.
 * Directory sources copy their contents (`COPY cmd /app/` puts cmd's files in /app).
 */
import { posix as path } from 'path';
import type { CopyFacts, StageFacts } from '../analyze/stage-facts';
import type { BuildContext } from '../context/build-context';
import { globMatcher } from '../util/glob-matcher';
import { isWithin } from './runtime-stage';

export interface ContextMapping {
  readonly copy: CopyFacts;
  /** Context-relative source ('' for the whole context). */
  readonly source: string;
  /** Absolute container path the source became. */
  readonly target: string;
  readonly directory: boolean;
}

export interface ContextPaths {
  readonly mappings: readonly ContextMapping[];
  /** Context-relative path of a container path, when a COPY put context files there (before instruction `before`, when given). */
  toContext(containerPath: string, before?: number): string | null;
  /** Container path of a context path (the last COPY that copied it). */
  toContainer(contextPath: string): string | null;
  /** Context files (not .dockerignored) under a context path. */
  filesUnder(contextPath: string): readonly string[];
  isDirectory(contextPath: string): boolean;
  exists(contextPath: string): boolean;
}

/**
 * `imageWorkdir` is the base image's WORKDIR (`/go` in golang images), used for copies made
 * before the Dockerfile sets one; without it, the facts' own (a profile's image `workdir`, else `/`).
 */
export function contextPaths(facts: StageFacts, context: BuildContext, imageWorkdir?: string): ContextPaths {
  // Strategies ask several times per conversion for the same stage and context (Node: once per package.json look-up).
  const byContext = known.get(facts) ?? new WeakMap<BuildContext, Map<string | undefined, ContextPaths>>();
  known.set(facts, byContext);
  const byWorkdir = byContext.get(context) ?? new Map<string | undefined, ContextPaths>();
  byContext.set(context, byWorkdir);
  let paths = byWorkdir.get(imageWorkdir);
  if (!paths) byWorkdir.set(imageWorkdir, (paths = mapContextPaths(facts, context, imageWorkdir)));
  return paths;
}

const known = new WeakMap<StageFacts, WeakMap<BuildContext, Map<string | undefined, ContextPaths>>>();

function mapContextPaths(facts: StageFacts, context: BuildContext, imageWorkdir?: string): ContextPaths {
  const files = context.files.filter((f) => !context.isDockerIgnored(f));
  const isDirectory = (p: string) => p === '' || files.some((f) => f.startsWith(`${p}/`));
  const exists = (p: string) =>
    p === '' || files.includes(p) || isDirectory(p) || (!context.isDockerIgnored(p) && context.has(p));
  const filesUnder = (p: string) =>
    p === '' ? files : files.filter((f) => f === p || f.startsWith(`${p}/`));
  const firstWorkdir = facts.stage.instructions.find((i) => i.keyword === 'WORKDIR')?.index ?? Infinity;

  const mappings: ContextMapping[] = [];
  for (const copy of facts.copies) {
    if (copy.spec.from !== null || copy.spec.heredoc) continue;
    const rawDest =
      imageWorkdir !== undefined && copy.instruction.index < firstWorkdir && !copy.spec.dest.startsWith('/')
        ? path.resolve(imageWorkdir, copy.spec.dest)
        : copy.dest;
    const destDir = rawDest.replace(/\/+$/, '') || '/';
    // `COPY pom.xml .` puts the file into the (existing) working directory.
    const into =
      rawDest.endsWith('/') ||
      copy.spec.dest.endsWith('/') ||
      copy.spec.sources.length > 1 ||
      /(^|\/)\.{1,2}$/.test(copy.spec.dest) ||
      destDir === copy.workdir ||
      destDir === '/';
    for (const raw of copy.spec.sources) {
      if (/^https?:\/\//.test(raw)) continue;
      const matcher = /[*?[]/.test(raw) ? globMatcher(normalise(raw), { dot: true }) : null;
      const sources = matcher ? files.filter((f) => matcher(f)) : [normalise(raw)];
      for (const source of sources) {
        const directory = isDirectory(source);
        const target = directory
          ? destDir
          : into || /[*?[]/.test(raw)
            ? path.join(destDir, path.basename(source))
            : destDir;
        mappings.push({ copy, source, target, directory });
      }
    }
  }

  return {
    mappings,
    toContext(containerPath, before = Infinity) {
      for (const m of [...mappings].reverse()) {
        if (m.copy.instruction.index >= before || !isWithin(containerPath, m.target)) continue;
        if (!m.directory && containerPath !== m.target) continue;
        const rel = path.relative(m.target, containerPath);
        const candidate = rel === '' ? m.source : m.source === '' ? rel : `${m.source}/${rel}`;
        if (exists(candidate)) return candidate;
      }
      return null;
    },
    toContainer(contextPath) {
      for (const m of [...mappings].reverse()) {
        if (m.source === contextPath) return m.target;
        if (m.directory && (m.source === '' || contextPath.startsWith(`${m.source}/`))) {
          return path.join(m.target, m.source === '' ? contextPath : contextPath.slice(m.source.length + 1));
        }
      }
      return null;
    },
    filesUnder,
    isDirectory,
    exists,
  };
}

function normalise(source: string): string {
  const cleaned = path.normalize(source).replace(/^\/+/, '').replace(/\/+$/, '');
  return cleaned === '.' ? '' : cleaned;
}
