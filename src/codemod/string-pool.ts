/**
 * One copy of each repeated string in the report rows. Across thousands of Dockerfiles the
 * changes, warnings, reasons and image names repeat almost word for word, and the rows are what
 * a run keeps in memory until its report is written.
 */
import type { CodemodRow } from './types';

/** Beyond this many distinct strings the pool stops growing (new strings are kept as they are). */
const POOL_LIMIT = 100_000;

export class StringPool {
  private readonly pool = new Map<string, string>();

  intern(value: string): string {
    const known = this.pool.get(value);
    if (known !== undefined) return known;
    if (this.pool.size < POOL_LIMIT) this.pool.set(value, value);
    return value;
  }

  row(row: CodemodRow): CodemodRow {
    const s = (value: string | null) => (value === null ? null : this.intern(value));
    return {
      ...row,
      repository: this.intern(row.repository),
      reason: s(row.reason),
      language: s(row.language),
      framework: s(row.framework),
      builderImage: s(row.builderImage),
      runtimeImage: s(row.runtimeImage),
      changes: row.changes.map((c) => this.intern(c)),
      warnings: row.warnings.map((w) => this.intern(w)),
    };
  }
}
