/**
 * `--write`: replace a file atomically (temp file in the same directory + rename), keeping its
 * permissions and encoding, so an interrupted run leaves the old file or the new one, never half.
 */
import writeFileAtomic from 'write-file-atomic';
import { MsbError } from '../errors';
import type { TextEncoding } from '../parse/read-dockerfile';

export async function writeFileSafely(
  file: string,
  text: string,
  encoding: TextEncoding = 'utf8',
): Promise<void> {
  try {
    await writeFileAtomic(file, Buffer.from(text, encoding === 'latin1' ? 'latin1' : 'utf8'), {
      fsync: true,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
    throw new MsbError('write-error', `cannot write: ${why}`, { file });
  }
}
