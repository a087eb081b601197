/**
 * Typed errors for problems the user can fix (bad input, bad profile, bad options).
 * The CLI prints them as one line without a stack and exits with their code; anything
 * else is a bug and is rethrown.
 */

export const EXIT_OK = 0;
/** `--check`: a file would change. */
export const EXIT_WOULD_CHANGE = 1;
/** Usage, input or profile error: nothing was written. */
export const EXIT_ERROR = 2;

export type ErrorKind =
  | 'usage'
  | 'missing-file'
  | 'unreadable-file'
  | 'binary-file'
  | 'not-a-dockerfile'
  | 'parse-error'
  | 'invalid-profile'
  | 'unknown-language'
  | 'too-large'
  | 'write-error'
  | 'lint-error';

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
