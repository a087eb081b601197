/**
 * The framework of a project, from the profile's list (`settings.frameworks`): the first entry
 * whose package the project depends on, or whose file the build context has. The list's order
 * is the priority (Django before Flask, Rails before Rack).
 */
import { Type, type Static } from '@sinclair/typebox';
import { stringList } from '../profiles/settings-schema';

/** An entry's fields; a profile may add its own (`Type.Object({ ...frameworkFields, kind })`). */
export const frameworkFields = {
  name: Type.String(),
  /** Package names that say "this framework" (pip, gem, composer or npm names). */
  packages: stringList,
  /** A file that says it too (manage.py, artisan, config.ru; a glob where the caller matches globs). */
  file: Type.Optional(Type.String()),
};

export const frameworksSchema = Type.Array(Type.Object(frameworkFields, { additionalProperties: false }));

type Framework = Static<typeof frameworksSchema>[number];

/** The framework and what named it: one of its packages, or (null) its file. */
export function findFramework(
  frameworks: readonly Framework[],
  hasPackage: (name: string) => boolean,
  hasFile: (file: string) => boolean = () => false,
): { name: string; file?: string; byPackage: string | null } | null {
  for (const framework of frameworks) {
    const byPackage = framework.packages.find(hasPackage) ?? null;
    if (byPackage || (framework.file && hasFile(framework.file))) return { ...framework, byPackage };
  }
  return null;
}

/** Every framework the project matches, in the list's order (a front end and the server beside it). */
export function matchingFrameworks<F extends Framework>(
  frameworks: readonly F[],
  hasPackage: (name: string) => boolean,
  hasFile: (file: string) => boolean,
): F[] {
  return frameworks.filter((f) => findFramework([f], hasPackage, hasFile) !== null);
}
