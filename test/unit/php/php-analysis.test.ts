import { readComposerJson } from '../../../src/languages/php/php-analysis';

describe('readComposerJson', () => {
  it.each([
    [
      'requirements and dev requirements, lower case',
      JSON.stringify({
        require: { php: '^8.2', 'ext-intl': '*', 'ext-PDO_PGSQL': '*', 'Laravel/Framework': '^11.0' },
        'require-dev': { 'phpunit/phpunit': '^11' },
        scripts: { 'post-autoload-dump': ['@php artisan package:discover'] },
      }),
      {
        require: ['php', 'ext-intl', 'ext-pdo_pgsql', 'laravel/framework'],
        requireDev: ['phpunit/phpunit'],
      },
    ],
    ['an empty object', '{}', { require: [], requireDev: [] }],
    [
      'require given as a list (invalid for composer): nothing read from it',
      JSON.stringify({ require: ['slim/slim'] }),
      { require: [], requireDev: [] },
    ],
    ['not JSON', '{ "require": ', null],
    ['a JSON array', '[]', null],
    ['a JSON string', '"composer"', null],
  ])('%s', (_name, text, expected) => {
    expect(readComposerJson(text)).toEqual(expected);
  });
});
