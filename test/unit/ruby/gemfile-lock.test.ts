import { parseGemfileLock } from '../../../src/languages/ruby/gemfile-lock';
import { gemGroups } from '../../../src/languages/ruby/gemfile';
import { compareVersions, systemLinkedGems } from '../../../src/languages/ruby/native-gems';
import type { RubySettings } from '../../../src/languages/ruby/ruby-settings';

const LOCK = `GIT
  remote: https://github.com/example/pagination.git
  revision: 0123456789abcdef0123456789abcdef01234567
  branch: main
  specs:
    pagination (0.4.0)
      rack (>= 2)

PATH
  remote: engines/billing
  specs:
    billing (0.1.0)

GEM
  remote: https://rubygems.org/
  specs:
    mysql2 (0.5.6)
    nokogiri (1.16.6)
      racc (~> 1.4)
    nokogiri (1.16.6-x86_64-linux)
      racc (~> 1.4)
    pg (1.5.6)
    rack (2.2.22)
    sqlite3 (1.4.2)

PLATFORMS
  ruby
  x86_64-linux

DEPENDENCIES
  billing!
  pagination!

BUNDLED WITH
   2.5.11
`;

describe('Gemfile.lock', () => {
  const lock = parseGemfileLock(LOCK);

  it.each([
    ['pagination', '0.4.0', null, 'git'],
    ['billing', '0.1.0', null, 'path'],
    ['nokogiri', '1.16.6', 'x86_64-linux', 'gem'],
    ['sqlite3', '1.4.2', null, 'gem'],
  ])('reads %s %s (platform %s) from its %s section', (name, version, platform, source) => {
    expect(lock.gems).toContainEqual({ name, version, platform, source });
  });

  it('reads the specs, not their dependency lines', () => {
    expect(lock.gems.map((g) => g.name)).not.toContain('racc');
  });
});

describe('gems that load a system library', () => {
  const settings: Pick<RubySettings, 'vendoredLibraries'> = {
    vendoredLibraries: {
      sqlite3: { since: '1.5.0', systemFlag: '--enable-system-libraries' },
      nokogiri: {
        since: '1.6.0',
        systemFlag: '--use-system-libraries',
        env: 'NOKOGIRI_USE_SYSTEM_LIBRARIES',
      },
    },
  };
  const gems = (lock: string, flags: Record<string, string> = {}, env: Record<string, string> = {}) =>
    systemLinkedGems(
      parseGemfileLock(lock),
      settings,
      new Map(Object.entries(flags)),
      new Map(Object.entries(env)),
    );
  const specs = (...lines: string[]) =>
    `GEM\n  remote: https://rubygems.org/\n  specs:\n${lines.map((l) => `    ${l}\n`).join('')}`;

  it.each<[string, string, Record<string, string>, Record<string, string>, string[]]>([
    [
      'a source gem links the system library',
      specs('pg (1.5.6)', 'mysql2 (0.5.6)'),
      {},
      {},
      ['pg', 'mysql2'],
    ],
    [
      'a platform gem carries its own',
      specs('pg (1.6.0-x86_64-linux)', 'pg (1.6.0-aarch64-linux)'),
      {},
      {},
      [],
    ],
    ['sqlite3 from 1.5 builds its bundled SQLite', specs('sqlite3 (1.7.3)'), {}, {}, []],
    ['sqlite3 before 1.5 links the system SQLite', specs('sqlite3 (1.4.2)'), {}, {}, ['sqlite3']],
    [
      'sqlite3 told to use the system library',
      specs('sqlite3 (1.7.3)'),
      { sqlite3: '--enable-system-libraries' },
      {},
      ['sqlite3'],
    ],
    ['nokogiri vendors libxml2', specs('nokogiri (1.15.4)'), {}, {}, []],
    [
      'nokogiri with NOKOGIRI_USE_SYSTEM_LIBRARIES',
      specs('nokogiri (1.15.4)'),
      {},
      { NOKOGIRI_USE_SYSTEM_LIBRARIES: '1' },
      ['nokogiri'],
    ],
  ])('%s', (_name, lock, flags, env, expected) => {
    expect(gems(lock, flags, env)).toEqual(expected);
  });

  it.each([
    ['1.10.0', '1.9.2', 1],
    ['1.5.0', '1.5', 0],
    ['1.4.2', '1.5.0', -1],
  ])('compares %s with %s', (a, b, sign) => expect(compareVersions(a, b)).toBe(sign));
});

describe('Gemfile groups', () => {
  const gemfile = `source "https://rubygems.org"
ruby "3.2.2"
gem "rails", "~> 7.1"
gem "bootsnap", require: false
gem "rubocop", group: :development, require: false
gem "factory_bot", groups: [:development, :test]
gem "pry", :group => :development

group :development, :test do
  gem "rspec-rails" # tests
  platforms :mri do
    gem "debug"
  end
end

group(:production) do
  gem "lograge"
end

if ENV["WITH_SIDEKIQ"]
  gem "sidekiq"
end
`;
  const groups = gemGroups(gemfile);

  it.each([
    ['rails', ['default']],
    ['bootsnap', ['default']],
    ['rubocop', ['development']],
    ['factory_bot', ['development', 'test']],
    ['pry', ['development']],
    ['rspec-rails', ['development', 'test']],
    ['debug', ['development', 'test']],
    ['lograge', ['production']],
    ['sidekiq', ['default']],
  ])('%s is in %j', (gem, expected) => expect(groups.get(gem)).toEqual(expected));
});
