/**
 * `COPY --from=ghcr.io/astral-sh/uv /uv /bin/` brings an installer into the image. The runtime
 * replays such a copy only when the container (or its HEALTHCHECK) runs one of its programs
 * (`uv run ...`); otherwise the installer stays in the builder.
 */
import type { CopyFacts } from '../../analyze/stage-facts';
import type { Decision } from '../../plan/plan-types';

export interface InstallerImage {
  /** Regular expression on the image of `COPY --from=`. */
  image: string;
  /** The programs it provides. */
  programs: string[];
}

/** The copies from installer images the runtime does not need, with the decisions saying so. */
export function unneededInstallerCopies(
  copies: readonly CopyFacts[],
  images: readonly InstallerImage[],
  runtimePrograms: readonly string[],
): { texts: Set<string>; decisions: Decision[] } {
  const texts = new Set<string>();
  const decisions: Decision[] = [];
  for (const copy of copies) {
    const from = copy.spec.from;
    const installer = from === null ? undefined : images.find((i) => new RegExp(i.image).test(from));
    if (!installer || installer.programs.some((p) => runtimePrograms.includes(p))) continue;
    texts.add(copy.instruction.text);
    decisions.push({
      subject: `${copy.instruction.keyword} (line ${copy.instruction.line + 1})`,
      placement: 'builder',
      why: `installs ${installer.programs.join('/')} from ${from}, which only build steps run`,
    });
  }
  return { texts, decisions };
}
