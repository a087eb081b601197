/** A private base image built next door is skipped; an official OS image never is (corpus: FROM ubuntu). */
import { cpSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { convertText } from '../../../src';

const example = path.join(__dirname, '..', '..', '..', 'examples', 'java-war-private-base');

function convertWithBase(from: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'msb-private-base-'));
  cpSync(example, dir, { recursive: true });
  const dockerfile = `FROM ${from}\nWORKDIR /opt/shop/\nCOPY . /opt/shop/\nRUN mvn clean package\nCMD ["java", "-jar", "target/shop.war"]\n`;
  writeFileSync(path.join(dir, 'Dockerfile'), dockerfile);
  return convertText(dockerfile, { file: path.join(dir, 'Dockerfile'), context: dir, lang: 'java' });
}

describe('private base images', () => {
  it.each<[string, boolean]>([
    ['shopapp:base', true],
    ['shopapp', true],
    ['ubuntu:22.04', false],
    ['debian:bookworm', false],
    ['alpine:3.19', false],
  ])('FROM %s next to another Dockerfile → skipped as private: %s', (from, isPrivate) => {
    const { reason } = convertWithBase(from);
    expect(reason?.includes('is not a known image') ?? false).toBe(isPrivate);
  });
});
