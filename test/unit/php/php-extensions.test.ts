import { analyzeStage } from '../../../src/analyze/stage-facts';
import { parseDockerfile } from '../../../src/parse/parse-dockerfile';
import { loadProfiles } from '../../../src';
import { classifyPhpCommand } from '../../../src/languages/php/php-commands';
import { extensionRuntime } from '../../../src/languages/php/php-extensions';
import type { PhpSettings } from '../../../src/languages/php/php-settings';

const settings = loadProfiles().find((p) => p.id === 'php')?.settings as PhpSettings;

function runtimeOf(dockerfile: string, manager: 'apt' | 'apk' = 'apt') {
  const parsed = parseDockerfile(dockerfile);
  const facts = analyzeStage(parsed, parsed.stages[0]);
  const classified = facts.runs.map((run) => ({
    run,
    commands: run.commands.map((c) => classifyPhpCommand(c, settings)),
  }));
  return extensionRuntime(classified, settings, manager);
}

describe('extensionRuntime: extension → the runtime libraries it links', () => {
  it.each([
    [
      'docker-php-ext-install -j$(nproc) gd',
      'apt',
      ['gd'],
      ['libpng16-16', 'libjpeg62-turbo', 'libfreetype6'],
    ],
    [
      'docker-php-ext-install intl zip pdo_pgsql',
      'apt',
      ['intl', 'zip', 'pdo_pgsql'],
      ['libicu72', 'libzip4', 'libpq5'],
    ],
    [
      'docker-php-ext-install intl zip pdo_pgsql',
      'apk',
      ['intl', 'zip', 'pdo_pgsql'],
      ['icu-libs', 'libzip', 'libpq'],
    ],
    [
      'docker-php-ext-install pdo_mysql bcmath opcache pcntl',
      'apt',
      ['pdo_mysql', 'bcmath', 'opcache', 'pcntl'],
      [],
    ],
    ['pecl install imagick && docker-php-ext-enable imagick', 'apt', ['imagick'], ['libmagickwand-6.q16-6']],
    ['pecl install memcached-3.2.0 redis', 'apk', ['memcached', 'redis'], ['libmemcached-libs']],
    ['install-php-extensions amqp yaml @composer', 'apt', ['amqp', 'yaml'], ['librabbitmq4', 'libyaml-0-2']],
    // an unknown extension built against headers the Dockerfile installs: those headers' mapping applies
    ['docker-php-ext-install sodium_plus', 'apt', ['sodium_plus'], []],
    ['docker-php-ext-configure gd --with-jpeg', 'apt', [], []],
  ])('%s (%s)', (script, manager, extensions, libraries) => {
    const result = runtimeOf(`FROM php:8.2-fpm\nRUN ${script}\n`, manager as 'apt' | 'apk');
    expect(result.extensions).toEqual(extensions);
    expect(result.libraries).toEqual(libraries);
    expect(result.problem).toBeUndefined();
  });

  it('refuses an extension install-php-extensions builds when msb does not know what it links', () => {
    const result = runtimeOf('FROM php:8.2-fpm\nRUN install-php-extensions gd excimer\n');
    expect(result.problem).toMatch(/"excimer" with install-php-extensions/);
  });

  it('counts an extension installed twice once', () => {
    const result = runtimeOf('FROM php:8.2-fpm\nRUN pecl install redis\nRUN docker-php-ext-enable redis\n');
    expect(result.extensions).toEqual(['redis']);
  });
});
