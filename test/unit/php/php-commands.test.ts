import { splitShellCommands } from '../../../src/analyze/shell-commands';
import { classifyPhpCommand, extensionName } from '../../../src/languages/php/php-commands';
import type { PhpSettings } from '../../../src/languages/php/php-settings';
import { loadProfiles } from '../../../src';

const settings = loadProfiles().find((p) => p.id === 'php')?.settings as PhpSettings;
const classify = (script: string) => splitShellCommands(script).map((c) => classifyPhpCommand(c, settings));

describe('classifyPhpCommand', () => {
  it.each([
    ['composer install', { kind: 'composer', verb: 'install' }],
    ['composer install --no-dev --optimize-autoloader', { kind: 'composer-no-dev', verb: 'install' }],
    ['composer -d /app install --no-dev', { kind: 'composer-no-dev', verb: 'install' }],
    ['/usr/bin/composer update --no-interaction', { kind: 'composer', verb: 'update' }],
    ['php composer.phar install --no-dev', { kind: 'composer-no-dev', verb: 'install' }],
    ['php /usr/local/bin/composer dump-autoload -o', { kind: 'composer', verb: 'dump-autoload' }],
    ['COMPOSER_ALLOW_SUPERUSER=1 composer require monolog/monolog', { kind: 'composer', verb: 'require' }],
    ['composer run-script post-install-cmd', { kind: 'composer-other', verb: 'run-script' }],
    ['composer --version', { kind: 'composer-other', verb: '' }],
    [
      'docker-php-ext-install -j$(nproc) gd intl zip',
      { kind: 'extension', tool: 'docker-php-ext-install', extensions: ['gd', 'intl', 'zip'] },
    ],
    [
      'docker-php-ext-install -j "$(nproc)" pdo_pgsql',
      { kind: 'extension', tool: 'docker-php-ext-install', extensions: ['pdo_pgsql'] },
    ],
    [
      'docker-php-ext-enable redis opcache',
      { kind: 'extension', tool: 'docker-php-ext-enable', extensions: ['redis', 'opcache'] },
    ],
    [
      'docker-php-ext-configure gd --with-freetype --with-jpeg',
      { kind: 'extension', tool: 'docker-php-ext-configure', extensions: [] },
    ],
    ['pecl install -o -f redis-6.0.2', { kind: 'extension', tool: 'pecl', extensions: ['redis'] }],
    ['pecl install xdebug-3.3.1 apcu', { kind: 'extension', tool: 'pecl', extensions: ['xdebug', 'apcu'] }],
    ['pecl channel-update pecl.php.net', { kind: 'other' }],
    [
      'install-php-extensions gd intl @composer imagick/imagick@master',
      { kind: 'extension', tool: 'install-php-extensions', extensions: ['gd', 'intl', 'imagick'] },
    ],
    ['a2enmod rewrite headers', { kind: 'apache-config' }],
    [
      "sed -ri -e 's!/var/www/html!${APACHE_DOCUMENT_ROOT}!g' /etc/apache2/sites-available/*.conf",
      { kind: 'apache-config' },
    ],
    ['echo "ServerName localhost" >> /etc/apache2/apache2.conf', { kind: 'apache-config' }],
    ['sed -i "s/80/8080/" "$APACHE_CONFDIR/ports.conf"', { kind: 'apache-config' }],
    [
      'mv "$PHP_INI_DIR/php.ini-production" "$PHP_INI_DIR/php.ini"',
      { kind: 'php-config', dirs: ['/usr/local/etc/php'] },
    ],
    [
      'cp /usr/local/etc/php/php.ini-production /usr/local/etc/php/php.ini',
      { kind: 'php-config', dirs: ['/usr/local/etc/php'] },
    ],
    [
      "sed -i 's/pm.max_children = 5/pm.max_children = 20/' /usr/local/etc/php-fpm.d/www.conf",
      // The prefix /usr/local/etc/php matches too: both folders are copied, as before.
      { kind: 'php-config', dirs: ['/usr/local/etc/php', '/usr/local/etc/php-fpm.d'] },
    ],
    ['rm -rf /var/www/html/tests', { kind: 'other' }],
    ['php artisan config:cache', { kind: 'other' }],
  ])('%s', (script, expected) => {
    expect(classify(script)[0]).toEqual(expected);
  });

  it('reads every command of a RUN line', () => {
    expect(
      classify('apt-get install -y libzip-dev && docker-php-ext-install zip && a2enmod rewrite').map(
        (c) => c.kind,
      ),
    ).toEqual(['other', 'extension', 'apache-config']);
  });
});

describe('extensionName', () => {
  it.each([
    ['redis', 'redis'],
    ['redis-6.0.2', 'redis'],
    ['xdebug-3.3.0alpha3', 'xdebug'],
    ['mongodb@1.17.0', 'mongodb'],
    ['channel://pecl.php.net/APCu-5.1.23', 'apcu'],
    ['pdo_pgsql', 'pdo_pgsql'],
  ])('%s → %s', (word, name) => {
    expect(extensionName(word)).toBe(name);
  });
});
