/**
 * The CA bundle and time-zone data a minimal runtime image (scratch, some distroless) lacks and
 * the builder has: copied from the builder at the paths the profile names (`settings.certificates`,
 * `settings.zoneinfo`), with what is said of each. The language says whether its program needs them.
 */
import { Type } from '@sinclair/typebox';
import { absolutePath, regexString } from '../profiles/settings-schema';
import { compiledRegExp } from '../util/compiled-regexp';
import type { Decision } from './plan-types';
import { BUILDER, copy, StageNode } from './stage-model';

/** Schema properties of a profile's settings: where the builder keeps the CA bundle and zoneinfo. */
export const certificatesZoneinfoProperties = {
  /** The CA bundle, copied from the builder into a runtime without one. */
  certificates: absolutePath,
  /**
   * Where the builder keeps time-zone data: the first rule whose `builder` regex matches the builder's
   * tag (or flavour), else the last; `env` names a variable the program reads to find it.
   */
  zoneinfo: Type.Optional(
    Type.Array(
      Type.Object(
        {
          builder: regexString,
          path: absolutePath,
          env: Type.Optional(Type.String({ pattern: '^[A-Z_][A-Z0-9_]*$' })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
  ),
};

interface Paths {
  certificates: string;
  zoneinfo?: readonly { builder: string; path: string; env?: string }[];
}

/** What the program needs: the end of the sentence saying why (null: not needed). */
export interface FilesNeeded {
  /** `: HTTPS clients need the bundle` */
  certificates: string | null;
  /** ` and the program does not import time/tzdata` */
  zoneinfo?: string | null;
  /** The builder's tag (or flavour) the zoneinfo rules match. */
  builder?: string;
}

export interface CertificatesZoneinfo {
  copies: StageNode[];
  /** A variable that points the program at the data (set before the stage's own ENV). */
  env: [string, string][];
  decisions: Decision[];
}

/** `runtime`: what the image has; `image`: its name, for the decisions. */
export function certificatesZoneinfo(
  runtime: { certificates: boolean; zoneinfo?: boolean },
  image: string,
  paths: Paths,
  needed: FilesNeeded,
): CertificatesZoneinfo {
  const result: CertificatesZoneinfo = { copies: [], env: [], decisions: [] };
  if (needed.certificates !== null && !runtime.certificates) {
    result.copies.push(copy(BUILDER, paths.certificates, paths.certificates));
    result.decisions.push({
      subject: paths.certificates,
      placement: 'runtime',
      why: `${image} has no CA certificates${needed.certificates}`,
    });
  }
  const rules = paths.zoneinfo ?? [];
  if (needed.zoneinfo == null || runtime.zoneinfo || rules.length === 0) return result;
  const zone =
    rules.find((z) => compiledRegExp(z.builder).test(needed.builder ?? 'latest')) ?? rules[rules.length - 1];
  result.copies.push(copy(BUILDER, zone.path, zone.path));
  if (zone.env) result.env.push([zone.env, zone.path]);
  result.decisions.push({
    subject: zone.path,
    placement: 'runtime',
    why: `${image} has no time-zone data${needed.zoneinfo}`,
  });
  return result;
}
