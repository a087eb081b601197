import { readComposerJson } from '../../../src/languages/php/php-analysis';

describe('readComposerJson', () => {
  it.each([
    [
      'requirements, dev requirements, extensions and scripts',
      JSON.stringify({
        require: { php: '^8.2', 'ext-intl': '*', 'ext-PDO_PGSQL': '*', 'Laravel/Framework': '^11.0' },
        'require-dev': { 'phpunit/phpunit': '^11' },
        scripts: { 'post-autoload-dump': ['@php artisan package:discover'] },
      }),
      {
        require: ['php', 'ext-intl', 'ext-pdo_pgsql', 'laravel/framework'],
        requireDev: ['phpunit/phpunit'],
        extensions: ['intl', 'pdo_pgsql'],
        scripts: ['post-autoload-dump'],
      },
    ],
    ['an empty object', '{}', { require: [], requireDev: [], extensions: [], scripts: [] }],
    [
      'require given as a list (invalid for composer): nothing read from it',
      JSON.stringify({ require: ['slim/slim'] }),
      { require: [], requireDev: [], extensions: [], scripts: [] },
    ],
    ['not JSON', '{ "require": ', null],
    ['a JSON array', '[]', null],
    ['a JSON string', '"composer"', null],
  ])('%s', (_name, text, expected) => {
    expect(readComposerJson(text)).toEqual(expected);
  });
});
