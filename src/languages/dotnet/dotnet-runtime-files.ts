/**
 * Files a .NET app reads from its content root — the folder it starts in, not the folder its DLL
 * is in: appsettings*.json, wwwroot/, Views/... When the app runs from its publish folder, publish
 * already put them there; when it runs from elsewhere (`dotnet out/App.dll` from the project
 * folder, `dotnet run` rewritten to the published DLL), the copies the Dockerfile made there are kept.
 */
import { posix as path } from 'path';
import type { ContextPaths } from '../../plan/context-paths';
import { RuntimeFile, RuntimeFileSet, runtimeFileCandidate } from '../../plan/runtime-files';
import { isWithin } from '../../plan/runtime-stage';
import { globMatcher } from '../../util/glob-matcher';
import type { DotnetSettings } from './dotnet-settings';

export function contentRootFiles(
  contentRoot: string,
  output: string,
  paths: ContextPaths,
  settings: DotnetSettings,
): RuntimeFile[] {
  const set = new RuntimeFileSet();
  if (isWithin(contentRoot, output)) return set.files;
  const local = paths.toContext(contentRoot);
  if (local === null) return set.files;
  const candidate = runtimeFileCandidate({ ...settings, isSource: () => false });
  const runtimeFile = globMatcher(settings.runtimeFiles, { dot: true });
  const chown = paths.mappings.find((m) => isWithin(contentRoot, m.target))?.copy.spec.chown ?? null;
  const relative = (file: string) => (local === '' ? file : file.slice(local.length + 1));
  for (const file of paths.filesUnder(local)) {
    const name = relative(file);
    if (!name.includes('/') && runtimeFile(name) && candidate(file))
      set.add({
        path: path.join(contentRoot, name),
        chown,
        why: `${name} is read from the content root (${contentRoot})`,
      });
  }
  for (const dir of settings.runtimeDirs) {
    const contextDir = local === '' ? dir : `${local}/${dir}`;
    if (paths.isDirectory(contextDir) && paths.filesUnder(contextDir).some(candidate))
      set.add({
        path: path.join(contentRoot, dir),
        chown,
        why: `${dir}/ is read from the content root (${contentRoot})`,
      });
  }
  return set.files;
}
