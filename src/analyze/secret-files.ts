/**
 * File names that hold secrets by convention (`.env`, `.env.production`), but not the templates
 * meant to be committed (`.env.example`). One definition for the lint rule (MSB007) and for the
 * planner that decides whether a conversion carries such a file into the runtime image.
 */
const ENV_FILE = /^\.env(\.(?!example$|sample$|template$|dist$|defaults?$)[^/]+)?$/;

/** `name` is a base name (no folder). */
export function isSecretFileName(name: string): boolean {
  return ENV_FILE.test(name);
}
