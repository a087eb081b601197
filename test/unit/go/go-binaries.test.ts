/** Where go build / go install write their binaries. */
import { splitShellCommands } from '../../../src/analyze/shell-commands';
import { goOutputs, GoProject } from '../../../src/languages/go/go-binaries';
import { parseGoCommand } from '../../../src/languages/go/go-commands';
import { settings } from './go-fixtures';
import { scanGoSources } from '../../../src/languages/go/go-sources';
import { stageFixture } from '../../helpers/build-fixture';

const files = {
  'go.mod': 'module github.com/acme/shop/v2\n',
  'main.go': 'package main\nfunc main() {}\n',
  'cmd/api/main.go': 'package main\nfunc main() {}\n',
  'cmd/worker/main.go': 'package main\nfunc main() {}\n',
  'internal/db/db.go': 'package db\n',
};

function outputs(text: string, values: Record<string, string> = {}, cwd = '/src') {
  const fixture = stageFixture('FROM golang:1.19\nWORKDIR /src\nCOPY . .\n', files);
  const project: GoProject = {
    sources: scanGoSources(fixture.context),
    paths: fixture.paths,
    gopath: '/go',
    values: new Map(Object.entries(values)),
  };
  return goOutputs(parseGoCommand(splitShellCommands(text)[0], settings.goOptions)!, cwd, project);
}

describe('goOutputs', () => {
  it.each([
    ['go build -o server .', ['/src/server']],
    ['go build -o /usr/local/bin/app ./cmd/api', ['/usr/local/bin/app']],
    ['go build .', ['/src/shop']],
    ['go build', ['/src/shop']],
    ['go build ./cmd/api', ['/src/api']],
    ['go build main.go', ['/src/main']],
    ['go build -o bin/ ./cmd/...', ['/src/bin/api', '/src/bin/worker']],
    ['go build -o /out ./cmd/...', ['/out/api', '/out/worker']],
    ['go build ./...', []],
    ['go build ./internal/db', []],
    ['go build -C cmd/api -o /app .', ['/app']],
    ['go install ./...', ['/go/bin/shop', '/go/bin/api', '/go/bin/worker']],
    ['go install github.com/acme/shop/v2/cmd/worker', ['/go/bin/worker']],
    ['go install github.com/golang-migrate/migrate/v4/cmd/migrate@v4.16.2', ['/go/bin/migrate']],
    ['GOBIN=/usr/local/bin go install ./cmd/api', ['/usr/local/bin/api']],
    ['go run .', []],
  ])('%s', (text, expected) => {
    expect(outputs(text)).toEqual(expected);
  });

  it('uses GOBIN / GOPATH from the Dockerfile', () => {
    expect(outputs('go install ./cmd/api', { GOBIN: '/opt/bin' })).toEqual(['/opt/bin/api']);
    expect(outputs('go install ./cmd/api', { GOPATH: '/root/go' })).toEqual(['/root/go/bin/api']);
    expect(outputs('go build -o $OUT/app .', { OUT: '/dist' })).toEqual(['/dist/app']);
  });

  // The shell expands `-o $OUT` before the command's own `OUT=...` takes effect.
  it.each([
    ['OUT=/a go build -o $OUT .', { OUT: '/dist' }, ['/dist']],
    ['env OUT=/a go build -o ${OUT}/app .', { OUT: '/dist' }, ['/dist/app']],
    ['OUT=/a go build -o $OUT .', {}, []],
    ['go build -o ${OUT:-/bin}/app .', {}, ['/bin/app']],
  ])('%s with the stage setting %j → %j', (text, values, expected) => {
    expect(outputs(text, values)).toEqual(expected);
  });

  it('names a GOPATH build without go.mod after its directory', () => {
    const fixture = stageFixture('FROM golang:1.10\nWORKDIR /go/src/github.com/acme/hello\nCOPY . .\n', {
      'main.go': 'package main\n',
    });
    const project: GoProject = {
      sources: scanGoSources(fixture.context),
      paths: fixture.paths,
      gopath: '/go',
      values: new Map(),
    };
    const command = (text: string) => parseGoCommand(splitShellCommands(text)[0], settings.goOptions)!;
    expect(goOutputs(command('go install -v ./...'), '/go/src/github.com/acme/hello', project)).toEqual([
      '/go/bin/hello',
    ]);
    expect(goOutputs(command('go install github.com/acme/hello'), '/', project)).toEqual(['/go/bin/hello']);
  });
});
