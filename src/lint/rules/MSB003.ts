/** MSB003: the runtime (final) image is pinned: not untagged and not `latest` (hadolint DL3006/DL3007). */
import type { LintRule } from '../lint-types';

export const MSB003: LintRule = {
  id: 'MSB003',
  severity: 'warning',
  description: 'the runtime (final) stage image has a tag other than latest, or a digest',
  check({ dockerfile, finalStage }) {
    const from = finalStage.image;
    const image = from.name ?? '';
    const tag = from.tag;
    // With the registry, without the tag: what the user wrote.
    const reference = (from.image ?? image).replace(/:latest$/, '');
    // A stage name, scratch, or a reference built from ARGs cannot be judged here.
    if (image === 'scratch' || image.includes('$') || from.digest) return [];
    if (dockerfile.stages.some((s) => s.index < finalStage.index && s.name === image.toLowerCase()))
      return [];
    if (tag === null)
      return [
        {
          instruction: finalStage.from,
          subject: reference,
          message: `runtime image "${reference}" has no tag: pin a version`,
        },
      ];
    if (tag === 'latest')
      return [
        {
          instruction: finalStage.from,
          subject: reference,
          message: `runtime image "${reference}:latest" changes under you: pin a version`,
        },
      ];
    return [];
  },
};
