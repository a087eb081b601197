/**
 * Which locked gems load a system library at run time, so that the slim runtime installs it
 * (`dependencyLibraries` in the profile says which library). A precompiled platform gem
 * (`nokogiri (1.16.0-x86_64-linux)`) carries its own; a gem whose extension builds a bundled
 * copy from some version on (`vendoredLibraries`) needs the system's only before that version or
 * when the build is told to use the system's (`bundle config build.nokogiri --use-system-libraries`).
 */
import type { GemfileLock } from './gemfile-lock';
import type { RubySettings } from './ruby-settings';

export function systemLinkedGems(
  lock: GemfileLock,
  settings: Pick<RubySettings, 'vendoredLibraries'>,
  buildFlags: ReadonlyMap<string, string>,
  env: ReadonlyMap<string, string>,
): string[] {
  const linked = new Set<string>();
  for (const gem of lock.gems) {
    // With a source (`ruby`) entry in the lock, some platform builds the extension here.
    if (gem.platform !== null) continue;
    const vendored = settings.vendoredLibraries[gem.name];
    if (vendored) {
      const toldSystem =
        (buildFlags.get(gem.name) ?? '').includes(vendored.systemFlag) ||
        (vendored.env !== undefined && /^(1|true|yes)$/i.test(env.get(vendored.env) ?? ''));
      if (!toldSystem && compareVersions(gem.version, vendored.since) >= 0) continue;
    }
    linked.add(gem.name);
  }
  return [...linked];
}

/** Numeric comparison of dotted versions (`1.10.0` > `1.9.2`); pre-release suffixes compare as text. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i] ?? '0';
    const y = right[i] ?? '0';
    const diff = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}
