/**
 * The runtime entries of an artifact profile (`settings.runtimes`: name → image and what it has),
 * declared once for every such profile's settings schema, and the answer to a `--runtime` that
 * names none of them.
 */
import { Type } from '@sinclair/typebox';
import { oneOf, stringList } from '../profiles/settings-schema';
import { runtimeUserSupportProperties } from './runtime-users';

/** Schema properties every artifact runtime entry has besides its image. */
export const artifactRuntimeProperties = {
  /** `static` runs only static binaries; `glibc`/`musl` also those linked against that C library. */
  libc: oneOf(['static', 'glibc', 'musl'] as const),
  ...runtimeUserSupportProperties,
  /** The image has a CA bundle. */
  certificates: Type.Boolean(),
  /** Commands the image has (HEALTHCHECK, scripts, wrappers). */
  commands: stringList,
  /** Said in the decisions when the runtime is chosen. */
  note: Type.Optional(Type.String()),
};

/** The skip reason for a requested runtime the profile does not have (null: none requested, or known). */
export function unknownRuntime(
  requested: string | undefined,
  runtimes: Readonly<Record<string, unknown>>,
  language: string,
): string | null {
  return requested !== undefined && !runtimes[requested]
    ? `unknown runtime "${requested}" for ${language} (known: ${Object.keys(runtimes).join(', ')})`
    : null;
}
