/**
 * SARIF 2.1.0, the format GitHub code scanning uploads (github/codeql-action/upload-sarif): one run,
 * the rules with ids and descriptions, each result with a physical location and region.
 * Paths inside the working folder are relative to `%SRCROOT%`, as code scanning expects.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { PACKAGE_ROOT } from '../package-root';
import { FormatOptions, Report } from './report-types';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export function formatSarif(report: Report, options: FormatOptions): string {
  const { version, homepage } = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    version: string;
    homepage?: string;
  };
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.id, index]));
  const results = report.files.flatMap((file) =>
    file.messages.map((m) => ({
      ruleId: m.ruleId,
      ...(ruleIndex.has(m.ruleId) ? { ruleIndex: ruleIndex.get(m.ruleId) } : {}),
      level: m.severity,
      message: { text: m.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(file.file, options.cwd),
            region: { startLine: m.line, startColumn: m.column, endLine: m.endLine },
          },
        },
      ],
    })),
  );
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'msb',
            semanticVersion: version,
            ...(homepage ? { informationUri: homepage } : {}),
            rules: report.rules.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.description },
              defaultConfiguration: { level: rule.severity },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(`${options.cwd}${path.sep}`).href } },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(absolute).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
