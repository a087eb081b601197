/**
 * Whether to paint output: never with --no-color or NO_COLOR (no-color.org: set and not empty),
 * always with --color or FORCE_COLOR (FORCE_COLOR=0 means never, as in chalk), else only on a
 * terminal that is not "dumb" (not when piped).
 */
export function useColor(
  stream: { isTTY?: boolean },
  flag: boolean | undefined,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (flag === false || env.NO_COLOR || env.FORCE_COLOR === '0') return false;
  if (flag === true || env.FORCE_COLOR) return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}
