/** Go planning scenarios from the issue and PITFALLS.md, through the public convertText API. */
import { convertIn, runtimeOf } from '../../helpers/build-fixture';

const mod = {
  'go.mod': 'module example.com/app\n\ngo 1.19\n',
  'main.go': 'package main\n\nfunc main() {}\n',
};
const server = 'FROM golang:1.19\nWORKDIR /app\nCOPY . .\nRUN go build -o server .\nCMD ["./server"]\n';

describe('go planning', () => {
  it('builds statically (CGO_ENABLED=0 right after FROM) and runs on distroless static, non-root', () => {
    const result = convertIn(server, mod);
    expect(result.output).toMatch(
      /^FROM golang:1.19 AS builder\n# msb: [^\n]*\nENV CGO_ENABLED=0\nWORKDIR \/app/,
    );
    expect(runtimeOf(result.output)).toBe(
      'FROM gcr.io/distroless/static-debian12:nonroot AS runtime\nWORKDIR /app\nCOPY --from=builder /app/server /app/server\nCMD ["./server"]\n',
    );
  });

  it('adds nothing when the Dockerfile already disables cgo', () => {
    const result = convertIn(server.replace('RUN go build', 'RUN CGO_ENABLED=0 go build'), mod);
    expect(result.output).not.toContain('ENV CGO_ENABLED=0');
  });

  it('keeps cgo and runs a cgo binary on glibc, with a warning', () => {
    const result = convertIn(server, {
      ...mod,
      'go.mod': 'module m\nrequire github.com/mattn/go-sqlite3 v1.14.17\n',
    });
    expect(result.output).not.toContain('CGO_ENABLED');
    expect(runtimeOf(result.output)).toMatch(
      /^FROM debian:bookworm-slim AS runtime\n[\s\S]*COPY --from=builder \/etc\/ssl\/certs\/ca-certificates.crt/,
    );
    expect(result.warnings.join()).toContain('github.com/mattn/go-sqlite3 needs cgo');
  });

  it('copies CA certificates, zoneinfo and /etc/passwd into scratch for a non-root user', () => {
    const result = convertIn(server.replace('CMD', 'RUN useradd -u 10001 app\nUSER app\nCMD'), mod, {
      runtime: 'scratch',
    });
    const runtime = runtimeOf(result.output);
    for (const line of [
      '/etc/ssl/certs/ca-certificates.crt',
      '/usr/share/zoneinfo',
      '/etc/passwd',
      '/etc/group',
    ])
      expect(runtime).toContain(`COPY --from=builder ${line} ${line}`);
    expect(runtime).toContain('USER app');
  });

  it('skips zoneinfo when the program embeds time/tzdata', () => {
    const result = convertIn(
      server,
      { ...mod, 'main.go': 'package main\nimport _ "time/tzdata"\nfunc main() {}\n' },
      { runtime: 'scratch' },
    );
    expect(runtimeOf(result.output)).not.toContain('zoneinfo');
  });

  it('takes zoneinfo from the Go distribution on an Alpine builder', () => {
    const result = convertIn(server.replace('golang:1.19', 'golang:1.22-alpine'), mod, {
      runtime: 'scratch',
    });
    expect(runtimeOf(result.output)).toContain('ENV ZONEINFO=/usr/local/go/lib/time/zoneinfo.zip');
    expect(runtimeOf(result.output)).toContain(
      'COPY --from=builder /usr/local/go/lib/time/zoneinfo.zip /usr/local/go/lib/time/zoneinfo.zip',
    );
  });

  it('maps a created user to nonroot on distroless, with a warning', () => {
    const result = convertIn(
      server.replace('CMD', 'RUN groupadd -r app && useradd -r -g app app\nUSER app:app\nCMD'),
      mod,
    );
    expect(runtimeOf(result.output)).toContain('USER nonroot:nonroot');
    expect(result.warnings.join()).toContain('runs as nonroot');
  });

  it('replays the user with busybox adduser on alpine', () => {
    const result = convertIn(server.replace('CMD', 'RUN useradd -m -u 1001 app\nUSER app\nCMD'), mod, {
      runtime: 'alpine',
    });
    expect(runtimeOf(result.output)).toContain('RUN adduser -D -u 1001 app');
  });

  it('moves go run from the command into the builder', () => {
    const result = convertIn('FROM golang:1.19\nWORKDIR /app\nCOPY . .\nCMD go run . --port 8080\n', mod);
    expect(result.output).toContain('RUN go build -o /usr/local/bin/app .\n');
    expect(runtimeOf(result.output)).toContain('CMD ["/usr/local/bin/app", "--port", "8080"]');
  });

  it('builds as root when the builder runs as another user', () => {
    const result = convertIn(
      'FROM golang:1.19\nRUN useradd -m dev\nUSER dev\nWORKDIR /home/dev\nCOPY . .\nCMD ["go", "run", "."]\n',
      mod,
    );
    expect(result.output).toContain('USER root\nRUN go build -o /usr/local/bin/app .\nUSER dev\n');
  });

  it('names a $GOPATH/bin binary by its path (the runtime PATH lacks /go/bin)', () => {
    const result = convertIn(
      'FROM golang:1.10\nWORKDIR /go/src/github.com/acme/hello\nCOPY . .\nRUN go get -d -v ./...\nRUN go install -v ./...\nCMD ["hello"]\n',
      { 'main.go': 'package main\n' },
    );
    expect(result.detection?.packageManager).toBe('gopath');
    expect(runtimeOf(result.output)).toContain(
      'COPY --from=builder /go/bin/hello /go/bin/hello\nCMD ["/go/bin/hello"]',
    );
  });

  it('keeps the golang image WORKDIR when the Dockerfile sets none', () => {
    const result = convertIn('FROM golang:1.19\nCOPY . .\nRUN go build -o app .\nCMD ["./app"]\n', mod);
    expect(runtimeOf(result.output)).toContain('WORKDIR /go\nCOPY --from=builder /go/app /go/app');
  });

  it('copies every binary of a ./cmd/... build and the run-time files, not the sources', () => {
    const result = convertIn(
      'FROM golang:1.19\nWORKDIR /src\nCOPY . .\nCOPY config.yaml /etc/app/config.yaml\nRUN go build -o /out/ ./cmd/...\nENTRYPOINT ["/out/api"]\n',
      {
        'go.mod': 'module example.com/svc\n',
        'cmd/api/main.go': 'package main\nimport "os"\nfunc main() { os.ReadDir("db/migrations") }\n',
        'cmd/migrate/main.go': 'package main\n',
        'db/migrations/001_init.sql': 'create table t();\n',
        'db/db.go': 'package db\n',
        'templates/mail.tmpl': 'hi',
        'config.yaml': 'a: 1\n',
        'README.md': '# svc\n',
      },
    );
    const runtime = runtimeOf(result.output);
    expect(runtime).toContain(
      'COPY --from=builder /out/api /out/api\nCOPY --from=builder /out/migrate /out/migrate\n',
    );
    expect(runtime).toContain('COPY --from=builder /etc/app/config.yaml /etc/app/config.yaml');
    expect(runtime).toContain('COPY --from=builder /src/templates /src/templates');
    expect(runtime).toContain('COPY --from=builder /src/db/migrations /src/db/migrations');
    expect(runtime).not.toMatch(/README|\/src\/cmd|COPY --from=builder \/src \/src/);
  });

  it('switches to alpine when the command needs a shell', () => {
    const result = convertIn(server.replace('CMD ["./server"]', 'CMD ./server -port $PORT'), mod);
    expect(runtimeOf(result.output)).toMatch(/^FROM alpine:3.19 AS runtime/);
    expect(result.warnings.join()).toContain('needs a shell');
  });

  it('turns a simple shell-form command into exec form', () => {
    const result = convertIn(server.replace('CMD ["./server"]', 'CMD ./server -v'), mod);
    expect(runtimeOf(result.output)).toContain('CMD ["./server", "-v"]');
  });

  it('follows a binary moved after the build', () => {
    const result = convertIn(
      'FROM golang:1.19\nWORKDIR /src\nCOPY . .\nRUN go build -o app . && mv app /usr/local/bin/\nCMD ["app"]\n',
      mod,
    );
    expect(runtimeOf(result.output)).toContain(
      'COPY --from=builder /usr/local/bin/app /usr/local/bin/app\nCMD ["app"]',
    );
  });

  it('trusts the command path when the build is a make target', () => {
    const result = convertIn(
      'FROM golang:1.19\nWORKDIR /app\nCOPY . .\nRUN make build\nCMD ["./bin/api"]\n',
      mod,
    );
    expect(runtimeOf(result.output)).toContain('COPY --from=builder /app/bin/api /app/bin/api');
    expect(result.warnings.join()).toContain('assumes the build writes /app/bin/api');
  });

  it('skips, as broken, a HEALTHCHECK whose tools the runtime lacks', () => {
    const result = convertIn(server + 'HEALTHCHECK CMD curl -f http://localhost/ || exit 1\n', mod);
    expect(result.status).toBe('skipped');
    expect(result.reason).toContain('HEALTHCHECK needs "/bin/sh", "curl"');
  });

  it.each([
    ['FROM golang:1.19-windowsservercore\nRUN go build -o app.exe .\n', 'Windows'],
    ['FROM golang:1.19\nCOPY . .\nRUN go vet ./...\nCMD ["server"]\n', 'no go build'],
  ])('skips %j', (dockerfile, reason) => {
    const result = convertIn(dockerfile, mod);
    expect(result.status).toBe('skipped');
    expect(result.reason).toContain(reason);
  });

  it('rejects an unknown --runtime as a usage error naming the runtimes Go offers', () => {
    const result = convertIn(server, mod, { runtime: 'busybox' });
    expect(result).toMatchObject({ status: 'error', error: { kind: 'usage' } });
    expect(result.reason).toMatch(/--runtime busybox: go offers distroless, scratch, alpine/);
  });
});
