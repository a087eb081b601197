/**
 * Does the binary need the C library at run time? cgo is in use when a package imports "C",
 * a required module needs cgo (sqlite3...), the Dockerfile sets CGO_ENABLED=1, or a flag needs
 * it (-race, -buildmode=c-shared, -linkmode=external). An explicit CGO_ENABLED=0 wins (the user
 * chose a static build), and `-extldflags -static` links even a cgo binary statically.
 */
import { envValue, inherits } from '../../analyze/command-env';
import type { GoCommand } from './go-commands';
import { flagValue } from './go-commands';
import type { GoSources } from './go-sources';

export interface CgoUse {
  /** The binary is dynamically linked: it needs a runtime with the builder's libc. */
  dynamic: boolean;
  reasons: string[];
  /** CGO_ENABLED=0 is already set for every build (no edit needed). */
  explicitlyStatic: boolean;
  /** cgo in use but linked with -extldflags -static. */
  staticallyLinked: boolean;
}

export function cgoUse(
  commands: readonly GoCommand[],
  values: ReadonlyMap<string, string>,
  sources: GoSources,
  cgoModules: readonly string[],
): CgoUse {
  const builds = commands.filter((c) => c.verb !== 'run' || commands.length === 1);
  const setting = (c: GoCommand) => envValue(c.env, 'CGO_ENABLED', values);
  const explicitlyStatic = builds.length > 0 && builds.every((c) => setting(c) === '0');
  if (explicitlyStatic) return { dynamic: false, reasons: [], explicitlyStatic, staticallyLinked: false };

  const reasons: string[] = [];
  const cgoPackages = sources.packages.filter((p) => p.imports.has('C')).map((p) => p.dir || '.');
  if (cgoPackages.length > 0) reasons.push(`import "C" in ${cgoPackages.slice(0, 3).join(', ')}`);
  const modules = new Set(sources.modules.flatMap((m) => m.requires));
  const cgoRequires = cgoModules.filter((m) => modules.has(m));
  if (cgoRequires.length > 0) reasons.push(`${cgoRequires.join(', ')} needs cgo`);
  if (builds.some((c) => setting(c) === '1')) reasons.push('CGO_ENABLED=1');
  // `env -u CGO_ENABLED go build`: no ENV (msb's included) reaches it; go turns cgo on where gcc is installed.
  const cleared = builds.find((c) => setting(c) === undefined && !inherits(c.env, 'CGO_ENABLED'));
  if (cleared) reasons.push(`"${cleared.text}" runs without CGO_ENABLED, so cgo is on by default`);
  for (const c of builds) {
    if (c.flags.some((f) => f.name === 'race')) reasons.push('-race needs cgo');
    const mode = flagValue(c, 'buildmode');
    if (mode && /^(c-shared|c-archive|plugin)$/.test(mode)) reasons.push(`-buildmode=${mode}`);
    if (/-linkmode[= ]external/.test(flagValue(c, 'ldflags') ?? '')) reasons.push('-linkmode=external');
  }
  const unique = [...new Set(reasons)];
  const staticallyLinked =
    unique.length > 0 &&
    builds.length > 0 &&
    builds.every((c) => /-extldflags[= ]+["']?[^"']*-static\b/.test(flagValue(c, 'ldflags') ?? ''));
  return {
    dynamic: unique.length > 0 && !staticallyLinked,
    reasons: unique,
    explicitlyStatic: false,
    staticallyLinked,
  };
}
