/**
 * `COPY --from=<tool image>` (uv from ghcr.io/astral-sh/uv, composer from composer:2) brings a
 * build tool into the image. The runtime replays such a copy only when the container (or its
 * HEALTHCHECK) runs one of the tool's programs; otherwise the tool stays in the builder. The
 * images and their programs are profile data (`settings.installerImages`).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { StageFacts } from '../analyze/stage-facts';
import { regexString, stringList } from '../profiles/settings-schema';
import { compiledRegExp } from '../util/compiled-regexp';
import type { Decision } from './plan-types';
import { runtimeCommands, type AppFiles } from './runtime-stage';
import type { StageNode } from './stage-model';

export const toolImagesSchema = Type.Array(
  Type.Object(
    {
      /** Regular expression on the image of `COPY --from=`. */
      image: regexString,
      /** The programs it provides. */
      programs: stringList,
    },
    { additionalProperties: false },
  ),
);

export type ToolImage = Static<typeof toolImagesSchema>[number];

export interface ToolFreeFiles {
  copies: StageNode[];
  decisions: Decision[];
  /** The texts of the COPY instructions left in the builder. */
  dropped: Set<string>;
}

/**
 * The application files (applicationFileCopies) without the replayed copies from tool images
 * the container does not run.
 */
export function withoutToolCopies(
  files: AppFiles,
  facts: StageFacts,
  images: readonly ToolImage[],
): ToolFreeFiles {
  const programs = runtimeCommands(facts);
  const dropped = new Set<string>();
  const decisions: Decision[] = [];
  for (const copy of facts.copies) {
    const from = copy.spec.from;
    const tool = from === null ? undefined : images.find((i) => compiledRegExp(i.image).test(from));
    if (from === null || !tool || tool.programs.some((p) => programs.includes(p))) continue;
    dropped.add(copy.instruction.text);
    decisions.push({
      subject: `${copy.instruction.keyword} (line ${copy.instruction.line + 1})`,
      placement: 'builder',
      why: `copies ${tool.programs.join('/')} from ${from}, which only build steps run`,
    });
  }
  return {
    copies: files.copies.filter((c) => c.kind !== 'original' || !dropped.has(c.text)),
    decisions: [
      ...files.decisions.filter((d) => !decisions.some((i) => i.subject === d.subject)),
      ...decisions,
    ],
    dropped,
  };
}
