/**
 * Typed errors for problems the user can fix (bad input, bad profile, bad options).
 * The CLI prints them as one line without a stack and exits with their code; anything
 * else is a bug and is rethrown.
 */

export const EXIT_OK = 0;
/** `--check`: msb would convert a file. */
export const EXIT_WOULD_CHANGE = 1;
/** Usage, input or profile error: nothing was written. */
export const EXIT_ERROR = 2;
/** A bug in msb (an unexpected exception): reported in one line asking for a bug report. */
export const EXIT_INTERNAL = 3;

export type ErrorKind =
  | 'usage'
  | 'missing-file'
  | 'unreadable-file'
  | 'binary-file'
  | 'not-a-dockerfile'
  | 'parse-error'
  | 'invalid-profile'
  | 'invalid-config'
  | 'unknown-language'
  | 'too-large'
  | 'write-error'
  | 'internal';

export class MsbError extends Error {
  readonly kind: ErrorKind;
  readonly file?: string;
  /** 1-based line, when the problem has one. */
  readonly line?: number;

  constructor(kind: ErrorKind, message: string, location: { file?: string; line?: number } = {}) {
    super(message);
    this.name = 'MsbError';
    this.kind = kind;
    this.file = location.file;
    this.line = location.line;
  }

  /** `file:line: message`, the one line the CLI prints. */
  toOneLine(): string {
    const where = this.file ? `${this.file}${this.line ? `:${this.line}` : ''}: ` : '';
    return `${where}${this.message}`;
  }
}

export function isMsbError(value: unknown): value is MsbError {
  return value instanceof MsbError;
}

/** The one line for an unexpected exception: the file (when there is one), what broke, and what to do. */
export function internalErrorLine(error: unknown, file?: string): string {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `${file ? `${file}: ` : ''}internal error (${what.split('\n')[0]}): this is a bug in msb, please report it with the Dockerfile; --debug prints the stack trace`;
}
