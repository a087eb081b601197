/** Where build-context files land in the image. */
import { stageFixture } from '../../helpers/build-fixture';

const files = {
  'go.mod': 'm',
  'main.go': 'p',
  'cmd/app/main.go': 'p',
  'web/index.html': 'x',
  'config.yaml': 'a',
  '.env': 'E=1',
  'secret.txt': 's',
  '.dockerignore': 'secret.txt\n',
};

describe('contextPaths', () => {
  const { paths } = stageFixture(
    'FROM golang:1.19\nCOPY go.mod ./\nWORKDIR /src\nCOPY go.mod .\nCOPY cmd ./cmd\nCOPY web /srv/www/\nCOPY config.yaml .env /etc/app/\nCOPY *.go ./\nCOPY . /full\n',
    files,
    '/go',
  );

  it.each([
    ['/go/go.mod', 'go.mod'],
    ['/src/go.mod', 'go.mod'],
    ['/src/cmd/app/main.go', 'cmd/app/main.go'],
    ['/src/cmd', 'cmd'],
    ['/srv/www/index.html', 'web/index.html'],
    ['/etc/app/.env', '.env'],
    ['/src/main.go', 'main.go'],
    ['/full/web', 'web'],
    ['/full', ''],
    ['/full/secret.txt', null],
    ['/src/nope', null],
  ])('toContext(%s) = %s', (container, context) => {
    expect(paths.toContext(container)).toBe(context);
  });

  it.each([
    ['web/index.html', '/full/web/index.html'],
    ['config.yaml', '/full/config.yaml'],
  ])('toContainer(%s) = %s', (context, container) => {
    expect(paths.toContainer(context)).toBe(container);
  });

  it('leaves .dockerignored files out', () => {
    expect(paths.filesUnder('')).not.toContain('secret.txt');
    expect(paths.isDirectory('cmd')).toBe(true);
  });
});
