/**
 * Decoding a Dockerfile's bytes: UTF-8 when they are valid UTF-8 (a BOM kept for the parser to
 * see), else Latin-1 byte for byte; each file on its own, whatever the file before it was.
 */
import { decodeDockerfile } from '../../../src/parse/read-dockerfile';

const utf8 = Buffer.from('FROM node:20\nLABEL author="Zoë"\n', 'utf8');
const latin1 = Buffer.from('FROM node:20\nLABEL author="Zoë"\n', 'latin1');
const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('FROM alpine\n')]);
// A multi-byte character cut short at the end: invalid UTF-8.
const truncated = Buffer.concat([Buffer.from('FROM alpine\n# '), Buffer.from([0xc3])]);

describe('decodeDockerfile', () => {
  it.each<[string, Buffer, string, 'utf8' | 'latin1']>([
    ['UTF-8', utf8, 'FROM node:20\nLABEL author="Zoë"\n', 'utf8'],
    ['Latin-1', latin1, 'FROM node:20\nLABEL author="Zoë"\n', 'latin1'],
    ['UTF-8 after a Latin-1 file', utf8, 'FROM node:20\nLABEL author="Zoë"\n', 'utf8'],
    ['a BOM is kept', bom, '\uFEFFFROM alpine\n', 'utf8'],
    ['a character cut short', truncated, 'FROM alpine\n# \u00c3', 'latin1'],
    ['UTF-8 after a file cut short', utf8, 'FROM node:20\nLABEL author="Zoë"\n', 'utf8'],
  ])('%s', (_name, bytes, text, encoding) => {
    expect(decodeDockerfile(bytes, 'Dockerfile')).toEqual({ text, encoding });
  });

  it.each<[string, Buffer, string]>([['a NUL byte', Buffer.from('FROM alpine\n\0'), 'binary file']])(
    'refuses %s',
    (_name, bytes, message) => {
      expect(() => decodeDockerfile(bytes, 'Dockerfile')).toThrow(message);
    },
  );
});
