/**
 * Root or distroless :nonroot for a Go program that ran as root: code that writes files or
 * listens below port 1024 keeps root (USER root in the runtime stage) with a warning.
 */
import { convertIn, runtimeOf } from '../../helpers/build-fixture';

const dockerfile = (extra = '') =>
  `FROM golang:1.21\nWORKDIR /app\nCOPY . .\nRUN go build -o server .\n${extra}CMD ["./server"]\n`;
const mainWith = (body: string) =>
  `package main\n\nimport (\n\t"net/http"\n\t"os"\n)\n\nfunc main() {\n${body}\n}\n`;
const ROOT = true;
const NONROOT = false;

describe('keepRoot (Go)', () => {
  it.each([
    [
      'os.WriteFile',
      '\tos.WriteFile("./message/index.json", nil, 0o644)',
      '',
      ROOT,
      'os.WriteFile in main.go',
    ],
    ['os.MkdirAll', '\t_ = os.MkdirAll("data", 0o755)', '', ROOT, 'os.MkdirAll in main.go'],
    [
      'os.OpenFile with O_RDWR on a path from the environment',
      '\tf, _ := os.OpenFile(os.Getenv("USERS_CONF"),\n\t\tos.O_RDWR, 0755)\n\t_ = f',
      '',
      ROOT,
      'os.OpenFile for writing in main.go',
    ],
    ['os.OpenFile read-only', '\tf, _ := os.OpenFile("x.txt", os.O_RDONLY, 0)\n\t_ = f', '', NONROOT, null],
    ['os.Create under /tmp', '\tos.Create("/tmp/cache")', '', NONROOT, null],
    ['a sqlite file DSN', '\tsql.Open("sqlite3", "./app.db")', '', ROOT, 'a SQLite database file in main.go'],
    ['an in-memory sqlite', '\tsql.Open("sqlite3", ":memory:")', '', NONROOT, null],
    ['listen on :80', '\thttp.ListenAndServe(":80", nil)', '', ROOT, 'listens on port 80 in main.go'],
    ['listen on :8080', '\thttp.ListenAndServe(":8080", nil)', '', NONROOT, null],
    ['EXPOSE 443', '\thttp.ListenAndServe(addr(), nil)', 'EXPOSE 443\n', ROOT, 'EXPOSE 443 (line 5)'],
    ['a write in a comment', '\t// os.WriteFile("x", nil, 0)', '', NONROOT, null],
  ])('%s', (_name, body, extra, keepsRoot, evidence) => {
    const result = convertIn(dockerfile(extra), {
      'go.mod': 'module m\n\ngo 1.21\n',
      'main.go': mainWith(body),
    });
    expect(result.runtimeImage).toBe('gcr.io/distroless/static-debian12:nonroot');
    expect(runtimeOf(result.output).includes('\nUSER root\n')).toBe(keepsRoot);
    const user = result.decisions.find((d) => d.subject === 'USER');
    if (evidence === null) {
      expect(user?.why).toContain('msb found no file writes and no port below 1024');
      expect(result.warnings.join('\n')).not.toContain('keeps USER root');
    } else {
      expect(result.warnings.find((w) => w.includes('keeps USER root'))).toContain(evidence);
    }
  });

  it('keeps the original USER whatever the code writes', () => {
    const result = convertIn(dockerfile('USER 1000\n'), {
      'go.mod': 'module m\n',
      'main.go': mainWith('\tos.WriteFile("x", nil, 0o644)'),
    });
    expect(runtimeOf(result.output)).toMatch(/\nUSER 1000\nCMD/);
    expect(result.warnings.join('\n')).not.toContain('keeps USER root');
  });
});
