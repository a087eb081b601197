/**
 * Configuration files Go code names that the runtime stage cannot simply copy: a literal file
 * name (`config.From("config.env")`, `os.ReadFile("settings.yaml")`) relative to WORKDIR that
 * this checkout lacks because git ignores it (a developer's local copy, baked into the original
 * image by `COPY . .`), and dotenv loads whose file name is computed (`"." + env + ".env"`).
 * Both become warnings: the converted image holds only what the build context has.
 */
import { posix as path } from 'path';
import type { BuildContext } from '../../context/build-context';
import type { ContextPaths } from '../../plan/context-paths';
import { isWithin } from '../../plan/runtime-stage';
import type { GoSources } from './go-sources';
import { sourceTexts } from '../../context/source-search';

const COMPUTED_LOAD = /\b(godotenv|gotenv)\.(Load|Overload|OverLoad|Read)\s*\(([^)]*\+[^)]*)\)/g;

export function goConfigFileWarnings(
  context: BuildContext,
  sources: GoSources,
  paths: ContextPaths,
  workdir: string,
): string[] {
  const warnings: string[] = [];
  for (const literal of new Set(sources.packages.flatMap((p) => p.pathLiterals))) {
    if (literal.startsWith('/') || /[*?[]/.test(literal) || !/\.[A-Za-z]\w*$/.test(literal)) continue;
    const contextPath = wouldCopy(paths, path.resolve(workdir, literal));
    if (contextPath === null || paths.exists(contextPath) || !context.isGitIgnored(contextPath)) continue;
    warnings.push(
      `the code names "${literal}", which git ignores and this checkout lacks: an image built where it exists (a developer's checkout) had ${path.resolve(workdir, literal)}, the converted one does not; mount it or pass its settings at run time`,
    );
  }
  for (const { file, text } of sourceTexts(context, (f) => f.endsWith('.go') && !f.startsWith('vendor/'))) {
    if (!/godotenv|gotenv/.test(text)) continue;
    for (const call of text.matchAll(COMPUTED_LOAD)) {
      const glob = call[3]
        .split('+')
        .map((part) => /^\s*"([^"]*)"\s*$/.exec(part)?.[1] ?? '*')
        .join('');
      const present = context.files.filter((f) => !f.includes('/') && matchesGlob(f, glob));
      warnings.push(
        `${call[1]}.${call[2]}(${call[3].trim()}) in ${file} loads a file whose name is computed at run time ("${glob}"): msb cannot tell which one the app needs${present.length > 0 ? ` (the context has ${present.join(', ')}; copy the one you need)` : ' and the build context has none; the original image had it only where it existed'}`,
      );
    }
  }
  return warnings;
}

/** The context path a directory COPY would have put at `containerPath`, had the file existed. */
function wouldCopy(paths: ContextPaths, containerPath: string): string | null {
  const mapping = [...paths.mappings]
    .reverse()
    .find((m) => m.directory && isWithin(containerPath, m.target) && containerPath !== m.target);
  if (!mapping) return null;
  return path.join(mapping.source, path.relative(mapping.target, containerPath));
}

function matchesGlob(name: string, glob: string): boolean {
  const pattern = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  return new RegExp(`^${pattern}$`).test(name);
}
