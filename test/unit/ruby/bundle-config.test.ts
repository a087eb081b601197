/** Where the bundle and Bundler's config live, in every spelling, and what the runtime stage copies. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { convertText } from '../../../src';

const GEMFILE =
  'source "https://rubygems.org"\ngem "sinatra"\ngem "puma"\ngroup :test do\n  gem "rspec"\nend\n';
const LOCK =
  'GEM\n  remote: https://rubygems.org/\n  specs:\n    puma (5.6.5)\n    rspec (3.12.0)\n    sinatra (3.0.5)\n\nPLATFORMS\n  x86_64-linux\n';

function convert(dockerfile: string, files: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'msb-ruby-'));
  for (const [name, text] of Object.entries({ Gemfile: GEMFILE, 'Gemfile.lock': LOCK, ...files })) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return convertText(dockerfile, { file: path.join(dir, 'Dockerfile'), context: dir });
}

const runtimeOf = (output: string) => output.slice(output.lastIndexOf('\nFROM '));
const copiesOf = (output: string) =>
  [...runtimeOf(output).matchAll(/^COPY --from=builder (?:--chown=\S+ )?(\S+) /gm)].map((m) => m[1]);

const HEAD = 'FROM ruby:3.2\nWORKDIR /app\n';
/** The app copied first, unless the lines copy it themselves (a config written before the Gemfile is there). */
const withApp = (lines: string) => (lines.includes('COPY') ? lines : `COPY . .\n${lines}`);
const CMD = 'CMD ["bundle", "exec", "puma"]\n';

describe('Bundler settings', () => {
  it.each<[string, string, string[]]>([
    ['the default: GEM_HOME', 'RUN bundle install\n', ['/usr/local/bundle', '/app']],
    [
      '--local config lives in BUNDLE_APP_CONFIG (GEM_HOME in the official images)',
      "RUN bundle config set --local without 'test' && bundle install\n",
      ['/usr/local/bundle', '/app'],
    ],
    [
      'bundle config set inside the app (a Gemfile copied before) writes its local config',
      "RUN bundle config set without 'test' && bundle install\n",
      ['/usr/local/bundle', '/app'],
    ],
    [
      "bundle config set before the Gemfile is there writes the build user's global ~/.bundle",
      "RUN bundle config set without 'test'\nCOPY . .\nRUN bundle install\n",
      ['/usr/local/bundle', '/root/.bundle', '/app'],
    ],
    [
      'the legacy bundle config KEY VALUE, outside the app',
      'RUN bundle config without test\nCOPY . .\nRUN bundle install\n',
      ['/usr/local/bundle', '/root/.bundle', '/app'],
    ],
    [
      'a global config written by another user',
      "RUN useradd -m deploy\nUSER deploy\nRUN bundle config set path '/home/deploy/gems'\nCOPY . .\nRUN bundle install\n",
      ['/usr/local/bundle', '/home/deploy/gems', '/home/deploy/.bundle', '/app'],
    ],
    [
      'BUNDLE_PATH outside the app folder',
      'ENV BUNDLE_PATH=/opt/gems\nRUN bundle install\n',
      ['/usr/local/bundle', '/opt/gems', '/app'],
    ],
    [
      'a relative path inside the app folder comes with it',
      'RUN bundle config set --local path vendor/bundle && bundle install\n',
      ['/usr/local/bundle', '/app'],
    ],
    [
      'deployment mode installs into vendor/bundle',
      'RUN bundle config set --local deployment true && bundle install\n',
      ['/usr/local/bundle', '/app'],
    ],
    [
      'bundle install --path (remembered in the local config)',
      'RUN bundle install --path /srv/bundle --without development test\n',
      ['/usr/local/bundle', '/srv/bundle', '/app'],
    ],
    ['GEM_HOME moved by ENV', 'ENV GEM_HOME=/gems\nRUN bundle install\n', ['/gems', '/app']],
  ])('%s', (_name, lines, copies) => {
    const result = convert(`${HEAD}${withApp(lines)}${CMD}`);
    expect(result.status).toBe('converted');
    expect(copiesOf(result.output)).toEqual(copies);
  });

  it.each<[string, string, string]>([
    [
      'BUNDLE_WITHOUT leaves out the group the command runs',
      'ENV BUNDLE_WITHOUT=test\nRUN bundle install\nCMD ["bundle", "exec", "rspec"]\n',
      'the container runs rspec (gem rspec, group test), which Bundler leaves out',
    ],
    [
      '--without spelled as bundle install options',
      'RUN bundle install --without test\nCMD bundle exec rspec spec/\n',
      'which Bundler leaves out (without: test)',
    ],
    [
      'gems installed when the container starts',
      'CMD bundle check || bundle install && bundle exec puma\n',
      'installs gems when it starts',
    ],
    [
      'an entrypoint script that installs gems',
      'RUN bundle install\nENTRYPOINT ["./bin/docker-entrypoint.sh"]\nCMD ["bundle", "exec", "puma"]\n',
      'bin/docker-entrypoint.sh, which the container runs, installs gems when it starts',
    ],
    [
      'a bundle path msb cannot resolve',
      'ARG GEMS\nENV BUNDLE_PATH=$GEMS\nRUN bundle install\nCMD ["bundle", "exec", "puma"]\n',
      'a path msb cannot resolve',
    ],
    [
      'a git gem checked out from a local override',
      'RUN bundle config set local.pagination /src/pagination && bundle install\nCMD ["bundle", "exec", "puma"]\n',
      'checked out from a local override',
    ],
  ])('skips: %s', (_name, lines, reason) => {
    const result = convert(`${HEAD}${withApp(lines)}`, {
      'bin/docker-entrypoint.sh': '#!/bin/sh\nbundle check || bundle install\nexec "$@"\n',
      'Gemfile.lock': `GIT\n  remote: https://github.com/example/pagination.git\n  revision: 0123abc\n  specs:\n    pagination (0.4.0)\n\n${LOCK}`,
    });
    expect(result.status).toBe('skipped');
    expect(result.reason).toContain(reason);
  });

  it('removes the gem cache after the last install, once', () => {
    const result = convert(`${HEAD}COPY . .\nRUN bundle install\nRUN gem install foreman\n${CMD}`);
    const builder = result.output.slice(0, result.output.lastIndexOf('\nFROM '));
    expect(builder).toMatch(
      /RUN gem install foreman\n# msb: [^\n]*\nRUN rm -rf \/usr\/local\/bundle\/cache /,
    );
    expect(builder.match(/rm -rf/g)).toHaveLength(1);
  });

  it('leaves a build that cleans the cache itself alone', () => {
    const result = convert(
      `${HEAD}COPY . .\nRUN bundle install && rm -rf /usr/local/bundle/cache/*.gem\n${CMD}`,
    );
    expect(result.output).not.toContain('# msb: the runtime needs no downloaded');
  });
});
