/** PHP planning scenarios through the public convertText API (fixtures: a build context + Dockerfile). */
import { convertIn, runtimeOf } from '../../helpers/build-fixture';

const composerJson = JSON.stringify({ require: { php: '^8.2', 'slim/slim': '^4.0' } });

describe('php planning', () => {
  it("copies Apache's configuration whole when the build copies a site into it (a replayed a2ensite would run before the file arrives)", () => {
    const result = convertIn(
      'FROM php:8.2-apache\nRUN apt-get update && apt-get install -y git unzip\nCOPY --from=composer:2 /usr/bin/composer /usr/bin/composer\nCOPY docker/site.conf /etc/apache2/sites-available/site.conf\nRUN a2dissite 000-default && a2ensite site && a2enmod rewrite\nWORKDIR /var/www/html\nCOPY . .\nRUN composer install --no-dev\n',
      { 'composer.json': composerJson, 'docker/site.conf': '<VirtualHost *:80></VirtualHost>\n' },
    );
    expect(result.status).toBe('converted');
    const runtime = runtimeOf(result.output);
    expect(runtime).toContain('COPY --from=builder /etc/apache2 /etc/apache2');
    expect(runtime).not.toContain('a2ensite');
    expect(runtime).not.toContain('site.conf');
    expect(runtime).not.toContain('composer:2');
  });

  it('replays only the Apache commands of a RUN that also installs packages', () => {
    const result = convertIn(
      'FROM php:8.2-apache\nRUN apt-get update && apt-get install -y git unzip && a2enmod rewrite headers && rm -rf /var/lib/apt/lists/*\nWORKDIR /var/www/html\nCOPY . .\nRUN composer install\n',
      { 'composer.json': composerJson },
    );
    const runtime = runtimeOf(result.output);
    expect(runtime).toContain('RUN a2enmod rewrite headers\n');
    expect(runtime).not.toMatch(/git|unzip/);
  });

  it('names the runtime libraries for the Debian release of the tag', () => {
    const dockerfile = (tag: string) =>
      `FROM php:${tag}\nRUN apt-get update && apt-get install -y libzip-dev libicu-dev && docker-php-ext-install zip intl\nWORKDIR /app\nCOPY . .\n`;
    expect(runtimeOf(convertIn(dockerfile('8.2-cli-bookworm'), {}).output)).toContain('libzip4 libicu72');
    expect(runtimeOf(convertIn(dockerfile('8.3-cli'), {}).output)).toContain('libzip5 libicu76');
    expect(runtimeOf(convertIn(dockerfile('7.4-fpm'), {}).output)).toContain('libzip4 libicu67');
  });

  it('skips a patch tag whose Debian release msb cannot tell when a library is named per release', () => {
    const result = convertIn(
      'FROM php:8.2.12-apache\nRUN apt-get update && apt-get install -y libzip-dev && docker-php-ext-install zip\nCOPY . /var/www/html\n',
      {},
    );
    expect(result.status).toBe('skipped');
    expect(result.reason).toMatch(/libzip4.*name the release in the tag/);
  });

  it('keeps dev dependencies as the original installs them, and says so', () => {
    const result = convertIn(
      'FROM php:8.2-cli\nRUN apt-get update && apt-get install -y git unzip\nCOPY --from=composer:2 /usr/bin/composer /usr/bin/composer\nWORKDIR /app\nCOPY . .\nRUN composer install\nCMD ["php", "app.php"]\n',
      { 'composer.json': composerJson },
    );
    expect(result.status).toBe('converted');
    expect(result.output).toContain('RUN composer install\n');
    expect(result.decisions.map((d) => d.why).join('\n')).toMatch(
      /dev dependencies included.*does not add --no-dev/,
    );
  });

  it.each([
    ['CMD ["composer", "start"]', 'the container runs composer when it starts'],
    ['ENTRYPOINT ["/entrypoint.sh"]', 'start script runs composer'],
  ])('skips when the container runs composer: %s', (command, reason) => {
    const result = convertIn(
      `FROM php:8.2-cli\nCOPY --from=composer:2 /usr/bin/composer /usr/bin/composer\nWORKDIR /app\nCOPY . .\nRUN composer install --no-dev\n${command}\n`,
      { 'composer.json': composerJson, 'entrypoint.sh': '#!/bin/sh\ncomposer install\nexec php app.php\n' },
    );
    expect(result.status).toBe('skipped');
    expect(result.reason).toContain(reason);
  });

  it('skips a packaged app unpacked into /usr/src for its entrypoint to copy at start', () => {
    const result = convertIn(
      'FROM php:8.4-apache\nRUN apt-get update && apt-get install -y libzip-dev && docker-php-ext-install zip\nRUN curl -fsSL -o app.tar.gz https://example.org/app.tar.gz && tar -xzf app.tar.gz -C /usr/src/ && rm app.tar.gz\nCOPY docker-entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["apache2-foreground"]\n',
      {
        'docker-entrypoint.sh':
          '#!/bin/sh\ntar cf - -C /usr/src/app . | tar xf - -C /var/www/html\nexec "$@"\n',
      },
    );
    expect(result.status).toBe('skipped');
    expect(result.reason).toContain('unpacks into /usr/src/');
  });

  it("replays a chown of the app's storage folders after the copy that brings them (no WORKDIR in the file)", () => {
    const result = convertIn(
      'FROM php:8.2-apache\nRUN apt-get update && apt-get install -y git unzip\nCOPY . /var/www/html\nRUN chown -R www-data:www-data /var/www/html/storage /var/www/html/bootstrap/cache\nRUN a2enmod rewrite\n',
      { 'composer.json': composerJson, 'storage/logs/.gitkeep': '', 'bootstrap/cache/.gitkeep': '' },
    );
    const runtime = runtimeOf(result.output);
    expect(runtime.indexOf('RUN chown -R www-data')).toBeGreaterThan(
      runtime.indexOf('COPY --from=builder /var/www/html /var/www/html'),
    );
  });

  it('skips a composer.json that is not JSON', () => {
    const result = convertIn('FROM php:8.2-cli\nWORKDIR /app\nCOPY . .\nRUN composer install\n', {
      'composer.json': '{ "require": ',
    });
    expect(result.status).toBe('skipped');
    expect(result.reason).toContain('composer.json is not valid JSON');
  });
});
