/**
 * Reads MSBuild project files (.csproj, .fsproj, .vbproj) from the build context with
 * fast-xml-parser: the project SDK, the properties that name and place the output
 * (AssemblyName, TargetFramework(s), SelfContained, RuntimeIdentifier, PublishAot...), with the
 * nearest Directory.Build.props applied first as MSBuild does, and the framework and package
 * references that make a project an ASP.NET Core app. Solution files list their projects.
 */
import { posix as path } from 'path';
import { XMLParser } from 'fast-xml-parser';
import type { BuildContext } from '../../context/build-context';

export interface DotnetProject {
  /** Context-relative path of the project file. */
  file: string;
  /** Context-relative directory ('' for the root). */
  dir: string;
  sdk: string | null;
  /** `<AssemblyName>`, else the project file's name: the DLL is `<assemblyName>.dll`. */
  assemblyName: string;
  targetFrameworks: string[];
  /** Unconditional properties, Directory.Build.props first; `$(Name)` references resolved where known. */
  properties: ReadonlyMap<string, string>;
  /** FrameworkReference and PackageReference names. */
  references: string[];
  /** Directory.Build.props applied, when there is one. */
  buildProps: string | null;
}

const PROJECT_GLOB = '**/*.{csproj,fsproj,vbproj}';

const ARRAYS = new Set([
  'PropertyGroup',
  'ItemGroup',
  'FrameworkReference',
  'PackageReference',
  'Sdk',
  'Import',
]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => ARRAYS.has(name),
});

type XmlNode = Record<string, unknown>;

/** Every project file of the context, read. */
export function readProjects(context: BuildContext): DotnetProject[] {
  return context
    .glob(PROJECT_GLOB)
    .sort()
    .flatMap((file) => {
      const project = readProject(context, file);
      return project ? [project] : [];
    });
}

export function readProject(context: BuildContext, file: string): DotnetProject | null {
  const root = parseProject(context.read(file));
  if (!root) return null;
  const dir = path.dirname(file) === '.' ? '' : path.dirname(file);
  const name = path.basename(file).replace(/\.[^.]+$/, '');
  const builtIns: [string, string][] = [
    ['MSBuildProjectName', name],
    ['MSBuildThisFileName', name],
  ];
  const properties = new Map<string, string>(builtIns);
  const buildProps = nearestBuildProps(context, dir);
  if (buildProps) readProperties(parseProject(context.read(buildProps)), properties);
  readProperties(root, properties);
  const frameworks = properties.get('TargetFrameworks') ?? properties.get('TargetFramework') ?? '';
  return {
    file,
    dir,
    sdk: projectSdk(root),
    assemblyName: properties.get('AssemblyName') || name,
    targetFrameworks: frameworks
      .split(';')
      .map((f) => f.trim())
      .filter(Boolean),
    properties,
    references: references(root),
    buildProps,
  };
}

/** A property that MSBuild reads as true. */
export function isTrue(project: DotnetProject, name: string): boolean {
  return (project.properties.get(name) ?? '').trim().toLowerCase() === 'true';
}

/** The .NET major of a target framework moniker (`net8.0` → 8, `netcoreapp3.1` → 3), null for .NET Framework / netstandard. */
export function frameworkMajor(tfm: string): number | null {
  const match = /^net(?:coreapp)?(\d+)\.\d+/.exec(tfm);
  return match ? Number(match[1]) : null;
}

/** Context-relative project paths a solution file lists (Windows separators turned around). */
export function solutionProjects(context: BuildContext, solution: string): string[] {
  const text = context.read(solution) ?? '';
  const dir = path.dirname(solution) === '.' ? '' : path.dirname(solution);
  const projects: string[] = [];
  for (const match of text.matchAll(
    /^Project\("[^"]*"\)\s*=\s*"[^"]*",\s*"([^"]+\.(?:csproj|fsproj|vbproj))"/gm,
  ))
    projects.push(path.normalize(path.join(dir, match[1].replace(/\\/g, '/'))));
  return projects;
}

function parseProject(text: string | null): XmlNode | null {
  if (!text) return null;
  try {
    const document = parser.parse(text) as XmlNode;
    const project = document.Project;
    return project && typeof project === 'object' ? (project as XmlNode) : null;
  } catch {
    return null;
  }
}

/** `<Project Sdk="...">`, `<Sdk Name="..."/>` or `<Import Sdk="..."/>` (the last form of the old templates). */
function projectSdk(root: XmlNode): string | null {
  const attribute = root['@_Sdk'];
  if (typeof attribute === 'string') return attribute.split('/')[0].trim();
  for (const key of ['Sdk', 'Import'] as const) {
    for (const node of nodes(root[key])) {
      const name = node['@_Name'] ?? node['@_Sdk'];
      if (typeof name === 'string') return name.split('/')[0].trim();
    }
  }
  return null;
}

function readProperties(root: XmlNode | null, into: Map<string, string>): void {
  if (!root) return;
  for (const group of nodes(root.PropertyGroup)) {
    if (group['@_Condition'] !== undefined) continue;
    for (const [key, value] of Object.entries(group)) {
      if (key.startsWith('@_') || typeof value !== 'string') continue;
      into.set(
        key,
        value.trim().replace(/\$\((\w+)\)/g, (whole, name: string) => into.get(name) ?? whole),
      );
    }
  }
}

function references(root: XmlNode): string[] {
  const names: string[] = [];
  for (const group of nodes(root.ItemGroup))
    for (const key of ['FrameworkReference', 'PackageReference'] as const)
      for (const item of nodes(group[key]))
        if (typeof item['@_Include'] === 'string') names.push(item['@_Include']);
  return names;
}

function nodes(value: unknown): XmlNode[] {
  return Array.isArray(value) ? value.filter((v): v is XmlNode => typeof v === 'object' && v !== null) : [];
}

/** MSBuild imports the first Directory.Build.props found walking up from the project. */
function nearestBuildProps(context: BuildContext, dir: string): string | null {
  for (let current = dir; ; current = path.dirname(current)) {
    const candidate =
      current === '' || current === '.' ? 'Directory.Build.props' : `${current}/Directory.Build.props`;
    if (context.has(candidate)) return candidate;
    if (current === '' || current === '.') return null;
  }
}
