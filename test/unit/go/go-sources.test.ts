/** What the Go sources say: go.mod, packages, cgo, tzdata, embeds and path literals. */
import { openBuildContext } from '../../../src/context/build-context';
import { moduleOf, parseGoMod, scanGoSources } from '../../../src/languages/go/go-sources';
import { contextDir } from '../../helpers/build-fixture';

describe('parseGoMod', () => {
  it.each([
    ['module example.com/app\n\ngo 1.19\n', { path: 'example.com/app', requires: [] }],
    [
      'module "example.com/q"\nrequire github.com/gin-gonic/gin v1.9.1\n',
      { path: 'example.com/q', requires: ['github.com/gin-gonic/gin'] },
    ],
    [
      'module m\n\nrequire (\n\tgithub.com/mattn/go-sqlite3 v1.14.17\n\tgolang.org/x/text v0.3.0 // indirect\n)\n',
      { path: 'm', requires: ['github.com/mattn/go-sqlite3', 'golang.org/x/text'] },
    ],
  ])('%j', (text, expected) => {
    expect(parseGoMod(text)).toEqual(expected);
  });

  it('returns null without a module line', () => {
    expect(parseGoMod('go 1.19\n')).toBeNull();
  });
});

describe('scanGoSources', () => {
  const sources = scanGoSources(
    openBuildContext(
      contextDir({
        'go.mod': 'module example.com/shop/v2\n',
        'main.go':
          'package main\n\nimport (\n\t"embed"\n\t_ "time/tzdata"\n\t"os"\n)\n\n//go:embed static/*.css "web/a b.txt"\nvar files embed.FS\n\nfunc main() { os.ReadFile("config/app.yaml"); os.Open("/etc/shop.toml"); println("hello world", "net/http") }\n',
        'main_test.go': 'package main\nimport "C"\n',
        'native/sum.go': 'package native\n\n/*\n#include <stdlib.h>\n*/\nimport "C"\n',
        'cmd/worker/main.go': '// Command worker.\npackage main\n\nfunc main() {}\n',
        'tools/gen.go': '//go:build ignore\n\npackage main\n',
        'static/site.css': 'body{}',
        'static/img/logo.png': 'x',
        'templates/index.html': '<p>',
        'vendor/modules.txt': '# github.com/mattn/go-sqlite3 v1.14.17\n',
      }),
    ),
  );

  it('finds packages, their names and imports (tests, ignored files and vendor left out)', () => {
    expect(sources.packages.map((p) => [p.dir, p.name])).toEqual([
      ['', 'main'],
      ['cmd/worker', 'main'],
      ['native', 'native'],
    ]);
    expect(sources.packages[0].imports.has('time/tzdata')).toBe(true);
    expect(sources.packages[0].imports.has('C')).toBe(false);
    expect(sources.packages[2].imports.has('C')).toBe(true);
  });

  it('adds vendored modules to the requirements', () => {
    expect(sources.modules[0].requires).toContain('github.com/mattn/go-sqlite3');
    expect(sources.vendored).toBe(true);
    expect(moduleOf(sources, 'cmd/worker')?.path).toBe('example.com/shop/v2');
  });

  it.each([
    ['static/site.css', true],
    ['static/img/logo.png', false],
    ['web/a b.txt', true],
    ['templates/index.html', false],
  ])('embedded(%s) = %s', (file, embedded) => {
    expect(sources.isEmbedded(file)).toBe(embedded);
  });

  it('keeps string literals that look like paths', () => {
    expect(sources.packages[0].pathLiterals).toEqual(
      expect.arrayContaining(['config/app.yaml', '/etc/shop.toml', 'net/http']),
    );
    expect(sources.packages[0].pathLiterals).not.toContain('hello world');
  });
});
