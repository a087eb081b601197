/**
 * What the Go sources in the build context say about run time: the module path and its
 * requirements (go.mod, vendor/modules.txt), which directories hold `package main`, whether
 * a package uses cgo (`import "C"`) or embeds zoneinfo (`time/tzdata`), the `//go:embed`
 * patterns (those files are inside the binary) and the string literals that name files the
 * program may open at run time.
 */
import { posix as path } from 'path';
import picomatch from 'picomatch';
import type { BuildContext } from '../../context/build-context';

export interface GoModule {
  /** Context-relative directory of the go.mod ('' for the root). */
  dir: string;
  path: string;
  requires: string[];
}

export interface GoPackage {
  /** Context-relative directory ('' for the root). */
  dir: string;
  name: string;
  imports: Set<string>;
  /** `//go:embed` patterns, relative to the package directory. */
  embeds: string[];
  /** String literals that look like relative or absolute file paths. */
  pathLiterals: string[];
}

export interface GoSources {
  modules: GoModule[];
  packages: GoPackage[];
  vendored: boolean;
  /** Context-relative paths the binary embeds (no need to copy them). */
  isEmbedded(file: string): boolean;
}

export function scanGoSources(context: BuildContext): GoSources {
  const modules: GoModule[] = [];
  for (const file of context.files.filter((f) => f === 'go.mod' || f.endsWith('/go.mod'))) {
    const parsed = parseGoMod(context.read(file) ?? '');
    if (parsed) modules.push({ dir: dirOf(file), ...parsed });
  }
  const vendorModules = context.read('vendor/modules.txt');
  if (vendorModules && modules[0]) {
    for (const match of vendorModules.matchAll(/^# (\S+) /gm))
      if (!modules[0].requires.includes(match[1])) modules[0].requires.push(match[1]);
  }

  const byDir = new Map<string, GoPackage>();
  for (const file of context.files) {
    if (
      !file.endsWith('.go') ||
      file.endsWith('_test.go') ||
      file.startsWith('vendor/') ||
      /(^|\/)testdata\//.test(file)
    )
      continue;
    const text = context.read(file);
    if (!text || /^\/\/go:build ignore\b|^\/\/ \+build ignore\b/m.test(text)) continue;
    const name = /^\s*package\s+([A-Za-z_]\w*)/m.exec(stripComments(text))?.[1];
    if (!name) continue;
    const dir = dirOf(file);
    const pkg = byDir.get(dir) ?? { dir, name, imports: new Set<string>(), embeds: [], pathLiterals: [] };
    byDir.set(dir, pkg);
    for (const imported of importsOf(text)) pkg.imports.add(imported);
    for (const match of text.matchAll(/^\/\/go:embed\s+(.+)$/gm)) pkg.embeds.push(...embedPatterns(match[1]));
    pkg.pathLiterals.push(...pathLiterals(text));
  }
  const packages = [...byDir.values()].sort((a, b) => a.dir.localeCompare(b.dir));

  const embedMatchers = packages.flatMap((p) =>
    p.embeds.map((pattern) =>
      picomatch(path.join(p.dir, pattern.replace(/^all:/, '')), { dot: pattern.startsWith('all:') }),
    ),
  );
  const isEmbedded = (file: string) => {
    for (let current = file; current !== '.' && current !== ''; current = dirOf(current)) {
      if (embedMatchers.some((m) => m(current))) return true;
    }
    return false;
  };
  return { modules, packages, vendored: context.has('vendor/modules.txt'), isEmbedded };
}

export function parseGoMod(text: string): { path: string; requires: string[] } | null {
  const modulePath = /^\s*module\s+("?)([^\s"]+)\1/m.exec(text)?.[2];
  if (!modulePath) return null;
  const requires: string[] = [];
  for (const match of text.matchAll(/^\s*require\s+([^\s(]+)\s+\S+/gm)) requires.push(match[1]);
  for (const block of text.matchAll(/^\s*require\s*\(([\s\S]*?)\)/gm)) {
    for (const line of block[1].split('\n')) {
      const name = /^\s*([^\s/][^\s]*)\s+v\S+/.exec(line)?.[1];
      if (name) requires.push(name);
    }
  }
  return { path: modulePath, requires };
}

/** The module whose directory contains `dir` (the deepest one). */
export function moduleOf(sources: GoSources, dir: string): GoModule | null {
  return (
    sources.modules
      .filter((m) => m.dir === '' || dir === m.dir || dir.startsWith(`${m.dir}/`))
      .sort((a, b) => b.dir.length - a.dir.length)[0] ?? null
  );
}

function importsOf(text: string): string[] {
  const found: string[] = [];
  const code = stripComments(text);
  for (const match of code.matchAll(/^\s*import\s+(?:[\w.]+\s+)?"([^"]+)"/gm)) found.push(match[1]);
  for (const block of code.matchAll(/^\s*import\s*\(([\s\S]*?)\)/gm)) {
    for (const match of block[1].matchAll(/(?:^|\n)\s*(?:[\w.]+\s+)?"([^"]+)"/g)) found.push(match[1]);
  }
  return found;
}

/** Keeps `import "C"` visible while dropping comments (the cgo preamble is a comment). */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:"])\/\/.*$/gm, '$1');
}

function embedPatterns(spec: string): string[] {
  const patterns: string[] = [];
  for (const match of spec.matchAll(/"((?:[^"\\]|\\.)*)"|`([^`]*)`|(\S+)/g))
    patterns.push(match[1] ?? match[2] ?? match[3]);
  return patterns;
}

const PATHLIKE = /^(\.{0,2}\/)?[A-Za-z0-9_.@-]+(\/[A-Za-z0-9_.*@-]+)*\/?$/;

/** "templates/index.html", "./config.yaml", "/etc/app/app.toml", "migrations/*.sql". */
function pathLiterals(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/"((?:[^"\\\n]|\\.){1,200})"|`([^`\n]{1,200})`/g)) {
    const literal = match[1] ?? match[2];
    // Only candidates: the caller keeps those that name a file or directory the image holds.
    if (PATHLIKE.test(literal) && (literal.includes('/') || /\.[A-Za-z][A-Za-z0-9]{0,5}$/.test(literal)))
      found.push(literal);
  }
  return found;
}

function dirOf(file: string): string {
  const dir = path.dirname(file);
  return dir === '.' ? '' : dir;
}
