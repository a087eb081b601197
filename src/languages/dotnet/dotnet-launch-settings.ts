/**
 * `dotnet run` applies a launch profile from Properties/launchSettings.json (the one named by
 * --launch-profile, else the first with commandName "Project"): its applicationUrl becomes
 * ASPNETCORE_URLS and its environmentVariables are set for the app. A published app never reads
 * that file, so the runtime stage sets the same variables to keep what the original ran with.
 */
import { posix as path } from 'path';
import type { BuildContext } from '../../context/build-context';

export interface LaunchProfile {
  name: string;
  file: string;
  env: [string, string][];
}

export function launchProfile(
  context: BuildContext,
  projectDir: string,
  wanted: string | null,
): LaunchProfile | null {
  const file = path.join(projectDir, 'Properties', 'launchSettings.json');
  let settings: unknown;
  try {
    settings = JSON.parse((context.read(file) ?? 'null').replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
  const profiles = (settings as { profiles?: unknown } | null)?.profiles;
  if (!profiles || typeof profiles !== 'object') return null;
  const entries = Object.entries(profiles as Record<string, Record<string, unknown>>);
  const found = wanted
    ? entries.find(([name]) => name === wanted)
    : entries.find(([, profile]) => profile?.commandName === 'Project');
  if (!found) return null;
  const [name, profile] = found;
  const env: [string, string][] = [];
  if (typeof profile.applicationUrl === 'string' && profile.applicationUrl !== '')
    env.push(['ASPNETCORE_URLS', profile.applicationUrl]);
  const variables = profile.environmentVariables;
  if (variables && typeof variables === 'object')
    for (const [key, value] of Object.entries(variables))
      if (typeof value === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) env.push([key, value]);
  return { name, file, env };
}
