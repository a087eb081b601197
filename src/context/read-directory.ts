/**
 * Listing a folder with its entries' types. A codemod run lists each repository twice — once to
 * find its Dockerfiles, once per Dockerfile for its build context — so it shares one memoised
 * reader per repository between both (`npm run bench`: the listing was a tenth of a run).
 */
import { Dirent, readdirSync } from 'fs';

/** The entries of a folder; throws as readdirSync does. Callers must not mutate the array. */
export type ReadDirectory = (dir: string) => readonly Dirent[];

export const readDirectory: ReadDirectory = (dir) => readdirSync(dir, { withFileTypes: true });

/** A reader that lists each folder once; for one repository's run, while nothing writes to it. */
export function memoisedReadDirectory(): ReadDirectory {
  const listed = new Map<string, readonly Dirent[] | { error: unknown }>();
  return (dir) => {
    let entries = listed.get(dir);
    if (!entries) {
      try {
        entries = readDirectory(dir);
      } catch (error) {
        entries = { error };
      }
      listed.set(dir, entries);
    }
    if ('error' in entries) throw entries.error;
    return entries;
  };
}
