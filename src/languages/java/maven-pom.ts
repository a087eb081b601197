/**
 * Reads pom.xml files from the build context (fast-xml-parser) into the little of Maven's model
 * that names the artifact: coordinates and packaging inherited from the parent, properties
 * (with -D overrides from the mvn command), `<finalName>`, modules, and the plugins that change
 * what `mvn package` writes (Spring Boot, shade, assembly, Quarkus).
 */
import { posix as path } from 'path';
import { XMLParser } from 'fast-xml-parser';
import type { BuildContext } from '../../context/build-context';

export interface MavenPlugin {
  artifactId: string;
  version: string | null;
  configuration: Record<string, unknown>;
  goals: string[];
}

export interface MavenProject {
  /** Context-relative directory ('' for the root). */
  dir: string;
  groupId: string | null;
  artifactId: string;
  version: string | null;
  packaging: string;
  /** `<finalName>` resolved, else `artifactId-version`. */
  finalName: string;
  /** `<build><directory>`, relative to the module ('target' by default). */
  buildDirectory: string;
  modules: string[];
  plugins: MavenPlugin[];
  properties: Map<string, string>;
  /** The parent's version, when the parent is (or names) spring-boot-starter-parent. */
  springBootVersion: string | null;
  dependencies: string[];
  /** Placeholders msb could not resolve (`${revision}` without a value...). */
  unresolved: string[];
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) =>
    ['module', 'plugin', 'dependency', 'execution', 'goal', 'descriptorRef', 'transformer'].includes(name),
});

type Xml = Record<string, unknown>;

/** The project in `dir` with what it inherits from parents found in the context. */
export function readMavenProject(
  context: BuildContext,
  dir: string,
  overrides: ReadonlyMap<string, string> = new Map(),
): MavenProject | null {
  const chain = pomChain(context, dir);
  if (chain.length === 0) return null;
  const [self, ...parents] = chain;
  const raw = self.xml;
  const parentRef = (raw.parent ?? null) as Xml | null;
  const inherited = (field: string) =>
    [self, ...parents]
      .map((p) => text(p.xml[field]) ?? text((p.xml.parent as Xml | undefined)?.[field]))
      .find((v) => v !== null) ?? null;

  const properties = new Map<string, string>();
  for (const pom of [...chain].reverse()) {
    for (const [key, value] of Object.entries((pom.xml.properties ?? {}) as Xml))
      if (text(value) !== null) properties.set(key, text(value) as string);
  }
  const artifactId = text(raw.artifactId) ?? path.basename(dir || '.');
  const groupId = inherited('groupId');
  const version = inherited('version');
  for (const [key, value] of [
    ['project.artifactId', artifactId],
    ['project.groupId', groupId],
    ['project.version', version],
    ['pom.version', version],
    ['version', version],
    ['artifactId', artifactId],
  ] as const) {
    if (value !== null && !properties.has(key)) properties.set(key, value);
  }
  if (parentRef) properties.set('project.parent.version', text(parentRef.version) ?? '');
  overrides.forEach((value, key) => properties.set(key, value));

  const unresolved = new Set<string>();
  const resolve = (value: string) => interpolate(value, properties, unresolved);
  const build = [self, ...parents].map((p) => (p.xml.build ?? {}) as Xml);
  const finalNameRaw =
    build.map((b) => text(b.finalName)).find((v) => v !== null) ?? '${project.artifactId}-${project.version}';
  const plugins = build.flatMap((b) =>
    asArray(((b.plugins ?? {}) as Xml).plugin).map((p) => plugin(p as Xml, resolve)),
  );
  const managed = build.flatMap((b) =>
    asArray((((b.pluginManagement ?? {}) as Xml).plugins as Xml | undefined)?.plugin).map((p) =>
      plugin(p as Xml, resolve),
    ),
  );
  const ownPlugins = plugins
    .filter((p, i) => plugins.findIndex((q) => q.artifactId === p.artifactId) === i)
    .map((p) => {
      const management = managed.find((m) => m.artifactId === p.artifactId);
      return management
        ? {
            ...p,
            version: p.version ?? management.version,
            configuration: { ...management.configuration, ...p.configuration },
            goals: p.goals.length > 0 ? p.goals : management.goals,
          }
        : p;
    });
  const bootParent = chain
    .map((p) => p.xml.parent as Xml | undefined)
    .find((p) => p && text(p.artifactId) === 'spring-boot-starter-parent');
  const bootPlugin = ownPlugins.find((p) => p.artifactId === 'spring-boot-maven-plugin');

  return {
    dir,
    groupId: groupId && resolve(groupId),
    artifactId: resolve(artifactId),
    version: version && resolve(version),
    packaging: resolve(text(raw.packaging) ?? 'jar'),
    finalName: resolve(finalNameRaw),
    buildDirectory:
      resolve(build.map((b) => text(b.directory)).find((v) => v !== null) ?? 'target').replace(
        /^\$\{(project\.)?basedir\}\/?/,
        '',
      ) || 'target',
    modules: asArray(((raw.modules ?? {}) as Xml).module)
      .map((m) => text(m))
      .filter((m): m is string => m !== null),
    plugins: ownPlugins,
    properties,
    springBootVersion:
      (bootParent ? text(bootParent.version) : null) ??
      bootPlugin?.version ??
      properties.get('spring-boot.version') ??
      null,
    dependencies: asArray(((raw.dependencies ?? {}) as Xml).dependency).map(
      (d) => `${text((d as Xml).groupId) ?? ''}:${text((d as Xml).artifactId) ?? ''}`,
    ),
    unresolved: [...unresolved],
  };
}

/** Every module below `dir` (recursively), the aggregator first. */
export function readMavenModules(
  context: BuildContext,
  dir: string,
  overrides: ReadonlyMap<string, string> = new Map(),
  depth = 0,
): MavenProject[] {
  const root = readMavenProject(context, dir, overrides);
  if (!root || depth > 5) return root ? [root] : [];
  const children = root.modules.map((m) =>
    path.normalize(path.join(dir || '.', m.replace(/\/pom\.xml$/, ''))).replace(/^\.$/, ''),
  );
  return [root, ...children.flatMap((child) => readMavenModules(context, child, overrides, depth + 1))];
}

function pomChain(context: BuildContext, dir: string): { dir: string; xml: Xml }[] {
  const chain: { dir: string; xml: Xml }[] = [];
  let current: string | null = path.join(dir || '.', 'pom.xml');
  while (current && chain.length < 10) {
    const xml = parsePom(context.read(current.replace(/^\.\//, '')));
    if (!xml) break;
    const expected = chain.length > 0 ? (chain[chain.length - 1].xml.parent as Xml) : null;
    if (expected && text(expected.artifactId) !== text(xml.artifactId)) break;
    chain.push({ dir: path.dirname(current), xml });
    const parent = xml.parent as Xml | undefined;
    if (!parent) break;
    const relative = text(parent.relativePath) ?? '../pom.xml';
    if (relative === '') break;
    const target = path.normalize(path.join(path.dirname(current), relative));
    current = target.startsWith('..')
      ? null
      : target.endsWith('.xml')
        ? target
        : path.join(target, 'pom.xml');
  }
  return chain;
}

function parsePom(source: string | null): Xml | null {
  if (!source) return null;
  try {
    const doc = parser.parse(source) as Xml;
    return (doc.project ?? null) as Xml | null;
  } catch {
    return null;
  }
}

function plugin(raw: Xml, resolve: (v: string) => string): MavenPlugin {
  const executions = asArray(((raw.executions ?? {}) as Xml).execution) as Xml[];
  const version = text(raw.version);
  return {
    artifactId: text(raw.artifactId) ?? '',
    version: version && resolve(version),
    configuration: {
      ...((raw.configuration ?? {}) as Xml),
      ...Object.assign({}, ...executions.map((e) => (e.configuration ?? {}) as Xml)),
    },
    goals: executions.flatMap((e) => asArray(((e.goals ?? {}) as Xml).goal).map((g) => text(g) ?? '')),
  };
}

/** `${name}` from properties, repeatedly (properties may refer to properties). */
export function interpolate(
  value: string,
  properties: ReadonlyMap<string, string>,
  unresolved: Set<string> = new Set(),
): string {
  let result = value;
  for (let round = 0; round < 10 && /\$\{[^}]+\}/.test(result); round++) {
    const next = result.replace(/\$\{([^}]+)\}/g, (whole, name: string) => {
      const found = properties.get(name);
      if (found === undefined) {
        unresolved.add(name);
        return whole;
      }
      return found;
    });
    if (next === result) break;
    result = next;
  }
  return result;
}

export function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}
