/**
 * The command a compose service gives an artifact image that has none of its own. msb edits only
 * the Dockerfile, and compose's `command:`/`entrypoint:` override the image's: a start-up build
 * (`cargo run`, `go run .`) or a script the runtime does not copy cannot be moved or rewritten, so
 * each program the service starts must already be in the runtime stage, or the result is broken.
 */
import { startCommand } from './start-command';
import type { DetectInput } from '../detect/detect-types';
import type { BrokenFinding } from './plan-types';

/** One finding per program of the service's command that the runtime lacks (`runs` says what it has). */
export function composeStartFindings(
  input: DetectInput,
  image: string,
  runs: (program: string) => boolean,
): BrokenFinding[] {
  const { command, compose, source } = startCommand(input);
  if (!compose) return [];
  return command.commands
    .filter((c) => c.words[0] && !runs(c.words[0]))
    .map((c) => ({
      kind: 'command-target-missing',
      message: `${source} runs "${c.text}", but the runtime stage on ${image} has no "${c.words[0]}": compose's command overrides the image's, so msb cannot move or rewrite it; make the service run the built program`,
    }));
}
