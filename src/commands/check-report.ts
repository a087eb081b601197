/** `msb convert --check --format …`: each file msb would convert is one problem, on its first FROM. */
import type { ConversionResult } from '../convert';
import type { Report, ReportMessage, ReportRule } from '../formats';
import { parseDockerfile } from '../parse/parse-dockerfile';
import { INPUT_ERROR } from './format-option';

const WOULD_CONVERT: ReportRule = {
  id: 'would-convert',
  severity: 'error',
  description:
    'the Dockerfile builds and runs in one stage; msb convert --write makes it multi-stage (builder + slim runtime)',
};

/** `withErrors`: put files msb could not read or convert in the report (stylish says them on stderr). */
export function checkReport(results: readonly ConversionResult[], withErrors: boolean): Report {
  const files = results.map((result) => ({ file: result.file, messages: messagesOf(result, withErrors) }));
  return { rules: [WOULD_CONVERT, INPUT_ERROR], files };
}

function messagesOf(result: ConversionResult, withErrors: boolean): ReportMessage[] {
  if (result.status === 'converted') {
    // The builder's FROM is where the edit starts (` AS builder`); the runtime stage follows the last line.
    const from = parseDockerfile(result.original, result.file).stages[0].from;
    const language = result.detection?.language ? ` (${result.detection.language})` : '';
    const message = `would convert to multi-stage${language}: ${result.builderImage} → ${result.runtimeImage}`;
    return [
      {
        ruleId: WOULD_CONVERT.id,
        severity: 'error',
        line: from.line + 1,
        column: 1,
        endLine: from.endLine + 1,
        message,
      },
    ];
  }
  if (result.status === 'error' && withErrors) {
    const line = result.error?.line ?? 1;
    return [
      {
        ruleId: INPUT_ERROR.id,
        severity: 'error',
        line,
        column: 1,
        endLine: line,
        message: result.error?.message ?? result.reason ?? 'error',
      },
    ];
  }
  return [];
}
