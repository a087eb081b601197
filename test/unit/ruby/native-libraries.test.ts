/** The libraries the slim runtime installs for native gems, decided from Gemfile.lock and the Dockerfile. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { convertText } from '../../../src';

function convert(dockerfile: string, files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'msb-ruby-native-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return convertText(dockerfile, { file: path.join(dir, 'Dockerfile'), context: dir });
}

const runtimeApt = (output: string) =>
  /apt-get install -y --no-install-recommends (.*?) &&/
    .exec(output.slice(output.lastIndexOf('\nFROM ')))?.[1]
    .split(' ') ?? [];
const lock = (...specs: string[]) =>
  `GEM\n  remote: https://rubygems.org/\n  specs:\n${specs.map((s) => `    ${s}\n`).join('')}\nPLATFORMS\n  ruby\n`;
const APP = 'WORKDIR /app\nCOPY . .\nRUN bundle install\nCMD ["bundle", "exec", "puma"]\n';

describe('runtime libraries of native gems', () => {
  it.each<[string, string, Record<string, string>, string[]]>([
    [
      'mysql2 links the MariaDB client',
      `FROM ruby:3.3\n${APP}`,
      { 'Gemfile.lock': lock('mysql2 (0.5.6)') },
      ['libmariadb3'],
    ],
    [
      'pg and sqlite3 1.4 from source',
      `FROM ruby:3.1\n${APP}`,
      { 'Gemfile.lock': lock('pg (1.5.6)', 'sqlite3 (1.4.4)') },
      ['libpq5', 'libsqlite3-0'],
    ],
    [
      'nokogiri builds its bundled libxml2',
      `FROM ruby:3.3\n${APP}`,
      { 'Gemfile.lock': lock('nokogiri (1.16.6)') },
      [],
    ],
    [
      'nokogiri built against the system libraries',
      `FROM ruby:3.3\nRUN bundle config build.nokogiri --use-system-libraries\n${APP}`,
      { 'Gemfile.lock': lock('nokogiri (1.16.6)') },
      ['libxml2', 'libxslt1.1'],
    ],
    [
      'a precompiled platform gem',
      `FROM ruby:3.3\n${APP}`,
      { 'Gemfile.lock': lock('pg (1.6.1-x86_64-linux)', 'pg (1.6.1-aarch64-linux)') },
      [],
    ],
    [
      'gem install without a Gemfile',
      'FROM ruby:3.2\nWORKDIR /app\nCOPY app.rb .\nRUN gem install sinatra pg -v 1.5.6 --no-document\nCMD ["ruby", "app.rb"]\n',
      { 'app.rb': 'require "sinatra"\n' },
      ['libpq5'],
    ],
    [
      'a -dev package installed on the slim image becomes its library',
      'FROM ruby:3.2-slim\nRUN apt-get update && apt-get install -y build-essential default-libmysqlclient-dev\n' +
        APP,
      { 'Gemfile.lock': lock('mysql2 (0.5.6)') },
      ['libmariadb3'],
    ],
  ])('%s', (_name, dockerfile, files, packages) => {
    const result = convert(dockerfile, files);
    expect(result.status).toBe('converted');
    expect(runtimeApt(result.output)).toEqual(packages);
  });

  it('skips a bundle install whose Gemfile msb cannot read', () => {
    const result = convert(`FROM ruby:3.2\nRUN git clone https://example.com/app.git /app\n${APP}`, {});
    expect(result.status).toBe('skipped');
    expect(result.reason).toContain('has no Gemfile.lock or Gemfile msb can read');
  });
});
