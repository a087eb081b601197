/**
 * What a failed `docker build` said, cut to what matters. The legacy builder prints its steps on
 * stdout and, on stderr, a deprecation banner above the one-line error, so the last lines of stderr
 * hide the failing command's own output. The excerpt is the last lines of the failing step, from
 * stdout and stderr together, without the banner; the full log goes to a file.
 */

/** Lines of the failing step shown in the report. */
const EXCERPT_LINES = 20;

/** stdout then stderr, without the legacy builder's deprecation banner. */
export function buildLog(stdout: string, stderr: string): string {
  return [stdout, withoutBanner(stderr)]
    .map((text) => text.replace(/\s+$/, ''))
    .filter(Boolean)
    .join('\n');
}

/**
 * The last `max` lines from the failing step on: from the legacy builder's last `Step N/M :`
 * header (kept as the first line, so the reader knows which instruction failed), else the end of
 * the log (BuildKit ends with the failing step's output and the instruction in context).
 */
export function failureExcerpt(log: string, max = EXCERPT_LINES): string {
  const lines = log.split(/\r?\n/).filter((line) => line.trim() !== '');
  const step = lines.map((line) => /^Step \d+\/\d+ : /.test(line)).lastIndexOf(true);
  if (step === -1) return lines.slice(-max).join('\n');
  const body = lines.slice(step + 1);
  return [lines[step], ...(body.length > max - 1 ? ['…', ...body.slice(-(max - 2))] : body)].join('\n');
}

/** "DEPRECATED: The legacy builder…" and its indented continuation lines. */
function withoutBanner(stderr: string): string {
  const lines = stderr.split(/\r?\n/);
  const start = lines.findIndex((line) => /^DEPRECATED: The legacy builder/.test(line));
  if (start === -1) return stderr;
  let end = start + 1;
  while (end < lines.length && /^\s+\S/.test(lines[end])) end++;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}
