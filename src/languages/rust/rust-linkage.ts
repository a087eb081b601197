/**
 * How the built binary links its C library, which decides the runtime: builds on a Debian rust
 * image link glibc; a musl target (`--target x86_64-unknown-linux-musl`, the host target of
 * rust:*-alpine and of musl builder images) links statically, unless RUSTFLAGS turns
 * `crt-static` off, which leaves it linked against musl's shared library.
 */
import { envValue } from '../../analyze/command-env';
import type { StageFacts } from '../../analyze/stage-facts';
import { compiledRegExp } from '../../util/compiled-regexp';
import type { CargoCommand } from './cargo-commands';
import { buildTarget, CargoBuildSetting } from './cargo-outputs';
import type { Libc } from '../../plan/artifact-runtime-choice';
import type { RustSettings } from './rust-settings';

export function binaryLinkage(
  facts: StageFacts,
  commands: readonly CargoCommand[],
  settings: Pick<RustSettings, 'muslBuilders'>,
  setting: Pick<CargoBuildSetting, 'context' | 'values'>,
): { linkage: Libc; why: string } {
  const builds = commands.filter((c) => ['build', 'install', 'rustc'].includes(c.verb));
  const triples = builds.map((c) => buildTarget(c, setting)).filter((t): t is string => t !== null);
  const builder = `${facts.from.name}${facts.from.tag ? `:${facts.from.tag}` : ''}`;
  let why: string | null = null;
  const muslTriple = triples.find((t) => /-musl/.test(t));
  if (muslTriple) why = `cargo builds for ${muslTriple}`;
  else if (settings.muslBuilders.some((pattern) => compiledRegExp(pattern).test(facts.from.name)))
    why = `${builder} builds musl binaries`;
  else if (/alpine/.test(facts.from.tag ?? '') && !triples.some((t) => /-gnu/.test(t)))
    why = `${builder} is Alpine-based: its host target is musl`;
  if (!why)
    return { linkage: 'glibc', why: `${builder} builds on Debian: the binary links the builder's glibc` };
  const rustflags =
    builds.length > 0
      ? builds.map((c) => envValue(c.env, 'RUSTFLAGS', facts.values))
      : [facts.values.get('RUSTFLAGS')];
  const flags = rustflags.join(' ');
  if (/target-feature=[^\s]*-crt-static/.test(flags))
    return {
      linkage: 'musl',
      why: `${why} with crt-static off (RUSTFLAGS): the binary links musl dynamically`,
    };
  return { linkage: 'static', why: `${why}: the binary is static (musl's crt-static)` };
}
