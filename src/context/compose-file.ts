/**
 * The container command a Compose file gives the service built from this Dockerfile. A Dockerfile
 * without CMD (or with only `ENTRYPOINT ["npm"]`) gets its real command from compose; strategies
 * read it here instead of guessing. Only the compose files at the root of the build context are
 * read, and only a service whose `build` (a path, or `{context, dockerfile}`) names this
 * Dockerfile counts.
 */
import * as nativePath from 'path';
import { posix as path } from 'path';
import { parse } from 'yaml';
import type { BuildContext } from './build-context';

/** Compose's own lookup order. */
const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

export interface ComposeCommand {
  /** The compose file (context-relative) and the service that builds this Dockerfile. */
  file: string;
  service: string;
  /** `entrypoint:` as argv (it replaces the image's ENTRYPOINT and drops its CMD), or null when not set. */
  entrypoint: string[] | null;
  /** `command:` as argv (it replaces the image's CMD), or null when not set. */
  command: string[] | null;
}

/**
 * `dockerfile` is the Dockerfile's path as given to msb (absolute, or relative to the working
 * directory). Null when no compose file in the context names it or the service sets neither key.
 */
export function composeCommand(context: BuildContext, dockerfile: string): ComposeCommand | null {
  if (!context.dir) return null;
  const relative = nativePath.relative(context.dir, nativePath.resolve(dockerfile));
  if (relative.startsWith('..') || nativePath.isAbsolute(relative)) return null;
  const wanted = path.normalize(relative.split(nativePath.sep).join('/'));
  for (const file of COMPOSE_FILES) {
    const services = servicesOf(context.read(file));
    for (const [service, spec] of Object.entries(services)) {
      if (!isRecord(spec) || builtDockerfile(spec.build) !== wanted) continue;
      const entrypoint = argvOf(spec.entrypoint);
      const command = argvOf(spec.command);
      if (entrypoint === null && command === null) continue;
      return { file, service, entrypoint, command };
    }
  }
  return null;
}

function servicesOf(text: string | null): Record<string, unknown> {
  if (text === null) return {};
  let document: unknown;
  try {
    document = parse(text, { maxAliasCount: 100 });
  } catch {
    return {};
  }
  return isRecord(document) && isRecord(document.services) ? document.services : {};
}

/** The Dockerfile a service's `build` names, relative to the context root; null when it builds elsewhere. */
function builtDockerfile(build: unknown): string | null {
  const spec = typeof build === 'string' ? { context: build } : isRecord(build) ? build : null;
  if (spec === null) return null;
  const buildContext = typeof spec.context === 'string' ? spec.context : '.';
  const dockerfile = typeof spec.dockerfile === 'string' ? spec.dockerfile : 'Dockerfile';
  if (path.normalize(buildContext).replace(/\/+$/, '') !== '.' || path.isAbsolute(dockerfile)) return null;
  return path.normalize(dockerfile);
}

/** A list is already argv; a string is split the way compose splits it (quotes, no shell). */
function argvOf(value: unknown): string[] | null {
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string') ? value : null;
  if (typeof value === 'string') return splitWords(value);
  return null;
}

/** Shell-like word splitting without expansion: `sh -c "a && b"` → ['sh', '-c', 'a && b']. */
function splitWords(text: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1])) word += text[++i];
      else word += c;
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === '"' || c === "'") {
      word ??= '';
      quote = c;
    } else if (c === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text[++i];
    } else word = (word ?? '') + c;
  }
  if (word !== null) words.push(word);
  return words;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
