/** When the Go binary needs the C library at run time. */
import { splitShellCommands } from '../../../src/analyze/shell-commands';
import { openBuildContext } from '../../../src/context/build-context';
import { cgoUse } from '../../../src/languages/go/go-cgo';
import { parseGoCommand } from '../../../src/languages/go/go-commands';
import { settings } from './go-fixtures';
import { scanGoSources } from '../../../src/languages/go/go-sources';
import { contextDir } from '../../helpers/build-fixture';

const plain = { 'go.mod': 'module m\n', 'main.go': 'package main\nfunc main() {}\n' };
const withC = {
  'go.mod': 'module m\n',
  'main.go': 'package main\n// #include <stdio.h>\nimport "C"\nfunc main() {}\n',
};
const sqlite = {
  'go.mod': 'module m\nrequire github.com/mattn/go-sqlite3 v1.14.17\n',
  'main.go': 'package main\n',
};

function use(files: Record<string, string>, commands: string[], values: Record<string, string> = {}) {
  const sources = scanGoSources(openBuildContext(contextDir(files)));
  const parsed = commands.map((c) => parseGoCommand(splitShellCommands(c)[0], settings.goOptions)!);
  return cgoUse(parsed, new Map(Object.entries(values)), sources, ['github.com/mattn/go-sqlite3']);
}

describe('cgoUse', () => {
  it.each([
    ['pure Go', plain, ['go build -o app .'], {}, { dynamic: false, reasons: [] }],
    ['import "C"', withC, ['go build -o app .'], {}, { dynamic: true, reasons: ['import "C" in .'] }],
    [
      'a cgo module',
      sqlite,
      ['go build .'],
      {},
      { dynamic: true, reasons: ['github.com/mattn/go-sqlite3 needs cgo'] },
    ],
    [
      'CGO_ENABLED=1 on the command',
      plain,
      ['CGO_ENABLED=1 go build .'],
      {},
      { dynamic: true, reasons: ['CGO_ENABLED=1'] },
    ],
    ['CGO_ENABLED=1 from ENV', plain, ['go build .'], { CGO_ENABLED: '1' }, { dynamic: true }],
    ['-race', plain, ['go build -race .'], {}, { dynamic: true, reasons: ['-race needs cgo'] }],
    ['-linkmode external', plain, ['go build -ldflags "-linkmode external" .'], {}, { dynamic: true }],
    [
      'explicit CGO_ENABLED=0 wins',
      withC,
      ['CGO_ENABLED=0 go build .'],
      {},
      { dynamic: false, explicitlyStatic: true },
    ],
    [
      'ENV CGO_ENABLED=0 wins',
      sqlite,
      ['go build .'],
      { CGO_ENABLED: '0' },
      { dynamic: false, explicitlyStatic: true },
    ],
    // ENV CGO_ENABLED=0 (and the one msb would add) does not reach a build that drops it
    [
      'env -u CGO_ENABLED',
      plain,
      ['env -u CGO_ENABLED go build .'],
      { CGO_ENABLED: '0' },
      {
        dynamic: true,
        explicitlyStatic: false,
        reasons: ['"env -u CGO_ENABLED go build ." runs without CGO_ENABLED, so cgo is on by default'],
      },
    ],
    ['env -i', plain, ['env -i /usr/local/go/bin/go build .'], { CGO_ENABLED: '0' }, { dynamic: true }],
    ["sudo's env_reset", plain, ['sudo go build .'], { CGO_ENABLED: '0' }, { dynamic: true }],
    ['sudo -E keeps ENV', plain, ['sudo -E go build .'], { CGO_ENABLED: '0' }, { explicitlyStatic: true }],
    ['env -i CGO_ENABLED=0', sqlite, ['env -i CGO_ENABLED=0 go build .'], {}, { explicitlyStatic: true }],
    [
      'cgo linked statically',
      withC,
      ['go build -ldflags \'-linkmode external -extldflags "-static"\' .'],
      {},
      { dynamic: false, staticallyLinked: true },
    ],
  ])('%s', (_name, files, commands, values, expected) => {
    expect(use(files, commands, values)).toMatchObject(expected);
  });
});
