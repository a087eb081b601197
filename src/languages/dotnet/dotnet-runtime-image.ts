/**
 * The runtime image: the profile's sdk → runtime rules with the application kind filled in
 * (aspnet for ASP.NET Core, runtime for other framework-dependent apps, runtime-deps for
 * self-contained and Native AOT output), and what that image differs in from the SDK image the
 * original ran on: the variables that decide where Kestrel listens, its users and its programs.
 */
import { globalArgValues, chooseRuntimeImage } from '../../plan/base-image';
import type { PlanInput } from '../../plan/plan-types';
import type { RuntimeUserSupport } from '../../plan/runtime-users';
import { forMajor, type DotnetSettings } from './dotnet-settings';

export type AppKind = 'web' | 'app' | 'native';

export interface DotnetImage {
  image: string;
  /** .NET major of the image (its tag), else of the project; null when neither says. */
  major: number | null;
  alpine: boolean;
  notes: string[];
  warnings: string[];
}

export function dotnetImage(
  input: PlanInput<DotnetSettings>,
  kind: AppKind,
  projectMajor: number | null,
): DotnetImage | { reason: string } {
  const { facts, profile, settings, dockerfile } = input;
  const repository = settings.kinds[kind];
  const runtimeImages = profile.runtimeImages.map((rule) => ({
    ...rule,
    tags: rule.tags?.map((tag) => ({ ...tag, image: tag.image?.replace(/\{\{kind\}\}/g, repository) })),
  }));
  const choice = chooseRuntimeImage(
    facts.from,
    { runtimeImages, registryPrefixes: profile.registryPrefixes },
    globalArgValues(dockerfile),
  );
  if (!choice.ok) return { reason: choice.reason };
  const tag = choice.image.slice(choice.image.lastIndexOf(':') + 1);
  const tagMajor = /^(\d+)\.\d+/.exec(tag);
  return {
    image: choice.image,
    major: tagMajor ? Number(tagMajor[1]) : projectMajor,
    alpine: /alpine/.test(tag),
    notes: choice.notes,
    warnings: choice.warnings,
  };
}

/**
 * Variables the SDK image set that the runtime image sets differently (ASPNETCORE_URLS in .NET
 * 6/7: empty in the SDK, http://+:80 in aspnet) and the Dockerfile does not set itself: written
 * into the runtime stage with the SDK's value, so the app listens where it did.
 */
export function imageEnvDifferences(
  major: number | null,
  settings: DotnetSettings,
  setByUser: (name: string) => boolean,
): [string, string][] {
  const entry = major === null ? undefined : forMajor(settings.imageEnv, major);
  if (!entry) return [];
  const names = [...new Set([...Object.keys(entry.sdk), ...Object.keys(entry.runtime)])];
  return names
    .filter((name) => entry.sdk[name] !== entry.runtime[name] && !setByUser(name))
    .map((name) => [name, entry.sdk[name] ?? '']);
}

/** What the image knows of users: `app` (uid in APP_UID) from .NET 8, root before. */
export function imageUsers(
  image: DotnetImage,
  settings: DotnetSettings,
): { support: RuntimeUserSupport; env: Map<string, string> } {
  const entry = image.major === null ? undefined : forMajor(settings.users, image.major);
  return {
    support: {
      image: image.image,
      userTool: image.alpine ? 'busybox' : 'shadow',
      users: ['root', ...(entry?.names ?? [])],
    },
    env: new Map(Object.entries(entry?.env ?? {})),
  };
}
