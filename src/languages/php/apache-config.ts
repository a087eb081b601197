/**
 * Apache's configuration as the build left it (`a2enmod rewrite`, the APACHE_DOCUMENT_ROOT sed
 * recipe, `a2enconf`): the commands are replayed in the runtime, in order, as the user wrote
 * them. When the build also copies files into the configuration folder (a site's .conf), a
 * replayed command could run before its file arrives, so the folder is copied from the builder whole.
 */
import type { RunFacts, StageFacts } from '../../analyze/stage-facts';
import type { Decision } from '../../plan/plan-types';
import { isWithin } from '../../plan/runtime-stage';
import { BUILDER, copy, original, shellRun, type StageNode } from '../../plan/stage-model';
import type { PhpCommand } from './php-commands';

export interface ApacheConfig {
  nodes: StageNode[];
  decisions: Decision[];
  /** The configuration folder is copied whole: the application copies leave it out. */
  copiedWhole: boolean;
}

export function apacheConfig(
  facts: StageFacts,
  classified: readonly { run: RunFacts; commands: PhpCommand[] }[],
  configDir: string,
): ApacheConfig {
  const changing = classified.filter(({ commands }) => commands.some((c) => c.kind === 'apache-config'));
  const copiedInto = facts.copies.filter((c) => isWithin(c.dest.replace(/\/$/, ''), configDir));
  if (copiedInto.length > 0) {
    return {
      nodes: [copy(BUILDER, configDir, configDir)],
      decisions: [
        {
          subject: configDir,
          placement: 'runtime',
          why: `Apache's configuration as the build left it (line ${copiedInto[0].instruction.line + 1} copies into it), copied whole`,
        },
      ],
      copiedWhole: true,
    };
  }
  const nodes: StageNode[] = [];
  const decisions: Decision[] = [];
  for (const { run, commands } of changing) {
    const all = commands.every((c) => c.kind === 'apache-config');
    const text = run.commands
      .filter((_, i) => commands[i].kind === 'apache-config')
      .map((c) => c.text)
      .join(' && ');
    nodes.push(all ? original(run.instruction) : shellRun(text));
    decisions.push({
      subject: `RUN (line ${run.instruction.line + 1})`,
      placement: 'both',
      why: all
        ? "configures Apache: replayed in the runtime's Apache"
        : `its Apache configuration is replayed in the runtime: ${text}`,
    });
  }
  return { nodes, decisions, copiedWhole: false };
}
