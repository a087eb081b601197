/** go build / go install / go run line parsing. */
import { splitShellCommands } from '../../../src/analyze/shell-commands';
import { buildFlagsText, flagValue, parseGoCommand } from '../../../src/languages/go/go-commands';
import { settings } from './go-fixtures';

const parse = (text: string) => parseGoCommand(splitShellCommands(text)[0], settings.goOptions);

describe('parseGoCommand', () => {
  it.each([
    ['go build -o server .', { verb: 'build', output: 'server', packages: ['.'] }],
    ['go build -o=/out/ ./cmd/...', { verb: 'build', output: '/out/', packages: ['./cmd/...'] }],
    ['go build', { verb: 'build', output: null, packages: [] }],
    ['go build -C app -o ../bin/app', { verb: 'build', output: '../bin/app', chdir: 'app', packages: [] }],
    [
      'go build -ldflags "-s -w -X main.version=1.2.3" -o /usr/local/bin/app ./cmd/app',
      { output: '/usr/local/bin/app', packages: ['./cmd/app'] },
    ],
    ['go build -v -trimpath -tags netgo,osusergo -o app main.go', { output: 'app', packages: ['main.go'] }],
    ['go install -v ./...', { verb: 'install', packages: ['./...'] }],
    [
      'go install github.com/golang-migrate/migrate/v4/cmd/migrate@latest',
      { verb: 'install', packages: ['github.com/golang-migrate/migrate/v4/cmd/migrate@latest'] },
    ],
    ['go run . --port 8080', { verb: 'run', packages: ['.'], programArgs: ['--port', '8080'] }],
    ['go run main.go util.go -v', { verb: 'run', packages: ['main.go', 'util.go'], programArgs: ['-v'] }],
    ['go run -tags prod ./cmd/server', { verb: 'run', packages: ['./cmd/server'], programArgs: [] }],
  ])('%s', (text, expected) => {
    expect(parse(text)).toMatchObject(expected);
  });

  it.each(['go test ./...', 'go mod download', 'gofmt -l .', 'echo go build'])('ignores %s', (text) => {
    expect(parse(text)).toBeNull();
  });

  it('reads flag values and assignments before the command', () => {
    const command = parse('CGO_ENABLED=1 GOOS=linux go build -ldflags="-linkmode external" -race -o app .')!;
    expect(command.env.assignments).toEqual([
      { name: 'CGO_ENABLED', value: '1' },
      { name: 'GOOS', value: 'linux' },
    ]);
    expect(flagValue(command, 'ldflags')).toBe('-linkmode external');
    expect(flagValue(command, 'race')).toBe('true');
    expect(flagValue(command, 'tags')).toBeNull();
  });

  it('rewrites go run flags for a go build, quoting values', () => {
    expect(buildFlagsText(parse('go run -tags prod -ldflags "-s -w" -exec foo .')!)).toBe(
      "-tags=prod -ldflags='-s -w'",
    );
  });
});
