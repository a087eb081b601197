/** Secret-looking and git-ignored files a runtime stage copies, through the conversion. */
import { convertIn, runtimeOf } from '../../helpers/build-fixture';

const dockerfile =
  'FROM golang:1.22\nWORKDIR /app\nCOPY . .\nRUN go build -o /app/server .\nCMD ["/app/server"]\n';
const goMain = (body: string) =>
  `package main\n\nimport "github.com/joho/godotenv"\n\nfunc main() {\n${body}\n}\n`;

describe('runtime files of a conversion', () => {
  it.each([
    [
      'kept when the program needs it, as a carried-over warning, not a lint error',
      goMain('if err := godotenv.Load(); err != nil {\n\tpanic(err)\n}'),
      true,
      'as the original image had it',
    ],
    [
      'kept when msb cannot tell how it is read',
      goMain('println("hi")'),
      true,
      'as the original image had it',
    ],
    [
      'left out when the program goes on without it',
      goMain('_ = godotenv.Load()'),
      false,
      '/app/.env is left out of the runtime image',
    ],
  ])('.env is %s', (_name, main, kept, warning) => {
    const result = convertIn(dockerfile, { 'go.mod': 'module m\n', 'main.go': main, '.env': 'TOKEN=x\n' });
    expect(result.status).toBe('converted');
    expect(runtimeOf(result.output).includes('COPY --from=builder /app/.env /app/.env')).toBe(kept);
    expect(result.warnings.join('\n')).toContain(warning);
  });

  it('names a run-time file git ignores (a fresh clone lacks it)', () => {
    const result = convertIn(dockerfile, {
      'go.mod': 'module m\n',
      'main.go': goMain('println("x")'),
      'config.yaml': 'a: 1\n',
      '.gitignore': 'config.yaml\n',
    });
    expect(runtimeOf(result.output)).toContain('COPY --from=builder /app/config.yaml /app/config.yaml');
    expect(result.warnings).toContain(
      "config.yaml is ignored by git: it exists in this checkout but not in a fresh clone or CI, where the original image lacks it too and the runtime stage's copy of /app/config.yaml fails the build",
    );
  });
});
