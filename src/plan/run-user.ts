/**
 * The user a build step runs as (a USER value such as `app:app`): root or not, its name, and its
 * home folder (where `pip install --user` and Bundler's global config write).
 */
const ROOT = /^(root|0)(:.*)?$/;

/** The USER value when it is not root (`root`, `0`, with any group), else null. */
export function nonRoot(user: string | null): string | null {
  return user && !ROOT.test(user) ? user : null;
}

/** The name of a non-root USER value (`app:app` → `app`), null for root. */
export function nonRootName(user: string | null): string | null {
  return nonRoot(user)?.split(':')[0] ?? null;
}

/** The home folder `useradd -m` gives the user: /root for root. */
export function homeOf(user: string | null): string {
  const name = nonRootName(user);
  return name ? `/home/${name}` : '/root';
}
