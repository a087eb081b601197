/** The `--format` option of `msb lint` and `msb convert --check`, and writing a report in it. */
import type { Argv } from 'yargs';
import { FORMATS, FormatName, formatReport, Report, ReportRule } from '../formats';
import { useColor } from './color';

export interface FormatFlags {
  format?: FormatName;
  color?: boolean;
}

export function withFormatOption<T>(yargs: Argv<T>, what: string): Argv<T & FormatFlags> {
  return yargs.option('format', {
    alias: 'f',
    choices: FORMATS,
    describe: `Output format for ${what}: stylish (default), json (= --json), sarif (SARIF 2.1.0 for code scanning), github (Actions annotations), checkstyle (XML)`,
  }) as Argv<T & FormatFlags>;
}

/** An unreadable or unparsable file, as a problem the machine formats can carry (stylish says it on stderr). */
export const INPUT_ERROR: ReportRule = {
  id: 'input-error',
  severity: 'error',
  description: 'the file cannot be read, parsed or converted safely',
};

/** Renders a report in a non-JSON format to standard output. */
export function writeReport(format: Exclude<FormatName, 'json'>, report: Report, flags: FormatFlags): void {
  process.stdout.write(
    formatReport(format, report, { color: useColor(process.stdout, flags.color), cwd: process.cwd() }),
  );
}
