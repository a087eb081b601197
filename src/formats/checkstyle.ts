/** Checkstyle XML, which Jenkins (warnings-ng), reviewdog and most CI dashboards read. */
import { XMLBuilder } from 'fast-xml-parser';
import { Report } from './report-types';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  format: true,
  suppressEmptyNode: true,
});

export function formatCheckstyle(report: Report): string {
  const files = report.files.map((file) => ({
    '@name': file.file,
    error: file.messages.map((m) => ({
      '@line': m.line,
      '@column': m.column,
      '@severity': m.severity,
      '@message': m.message,
      '@source': `msb.${m.ruleId}`,
    })),
  }));
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ checkstyle: { '@version': '4.3', file: files } })}`;
}
