/**
 * The framework of a project, from the profile's list (`settings.frameworks`): the first entry
 * whose package the project depends on, or whose file the build context has. The list's order
 * is the priority (Django before Flask, Rails before Rack).
 */
import { Type, type Static } from '@sinclair/typebox';
import { stringList } from '../profiles/settings-schema';

export const frameworksSchema = Type.Array(
  Type.Object(
    {
      name: Type.String(),
      /** Package names that say "this framework" (pip, gem or composer names). */
      packages: stringList,
      /** A file that says it too (manage.py, artisan, config.ru). */
      file: Type.Optional(Type.String()),
    },
    { additionalProperties: false },
  ),
);

type Framework = Static<typeof frameworksSchema>[number];

/** The framework and what named it: one of its packages, or (null) its file. */
export function findFramework(
  frameworks: readonly Framework[],
  hasPackage: (name: string) => boolean,
  hasFile: (file: string) => boolean,
): { name: string; file?: string; byPackage: string | null } | null {
  for (const framework of frameworks) {
    const byPackage = framework.packages.find(hasPackage) ?? null;
    if (byPackage || (framework.file && hasFile(framework.file))) return { ...framework, byPackage };
  }
  return null;
}
