/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`): each problem becomes an
 * annotation on the pull request's diff. Escaping as in @actions/core's command.ts.
 */
import * as path from 'path';
import { FormatOptions, Report } from './report-types';

export function formatGithub(report: Report, options: FormatOptions): string {
  const lines: string[] = [];
  for (const file of report.files) {
    const name = path.relative(options.cwd, path.resolve(options.cwd, file.file)).split(path.sep).join('/');
    for (const m of file.messages) {
      const properties = [
        `file=${property(name)}`,
        `line=${m.line}`,
        `endLine=${m.endLine}`,
        `col=${m.column}`,
        `title=${property(`msb ${m.ruleId}`)}`,
      ];
      lines.push(`::${m.severity} ${properties.join(',')}::${data(m.message)}`);
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}

function data(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(value: string): string {
  return data(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
