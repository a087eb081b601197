/**
 * Whether the image holds the sources a build step needs. A Dockerfile that copies only the
 * dependency manifests (`COPY package.json .` then an install) gets its sources at run time from a
 * bind mount: a build step added to it would build nothing, so it must not be added.
 */
import { posix as path } from 'path';
import type { StageFacts } from '../analyze/stage-facts';
import { globMatcher } from '../util/glob-matcher';

/** The first context COPY/ADD source that is not one of `manifests` (globs on the file name), or null when there is none. */
export function copiedBeyond(facts: StageFacts, manifests: readonly string[]): string | null {
  const isManifest = globMatcher(manifests, { dot: true });
  for (const copy of facts.copies) {
    if (copy.spec.from !== null) continue;
    if (copy.spec.heredoc) return copy.instruction.text;
    const other = copy.spec.sources.find((source) => !isManifest(path.basename(source.replace(/\/+$/, ''))));
    if (other !== undefined) return other;
  }
  return null;
}
