/** Context files a compiled program reads at run time. */
import { copiedRuntimeFiles } from '../../../src/plan/runtime-files';
import { stageFixture } from '../../helpers/build-fixture';

const rules = {
  runtimeFiles: ['.env', 'config.yaml'],
  runtimeDirs: ['config', 'templates'],
  notRuntimeFiles: ['**/*.md', '**/*.go', 'go.mod'],
  isSource: (f: string) => f.endsWith('.go'),
};

function files(dockerfile: string, context: Record<string, string>) {
  const fixture = stageFixture(dockerfile, context);
  return copiedRuntimeFiles(fixture.paths, fixture.facts.runs, rules).files.map((f) => f.path);
}

describe('copiedRuntimeFiles', () => {
  it('takes run-time directories from a broad copy, dedicated non-source copies, and skips what a build step reads', () => {
    const context = {
      'main.go': 'p',
      'go.mod': 'm',
      '.env': 'A=1',
      'sub/.env': 'B=2',
      'config/a.yaml': 'a',
      'templates/x.html': 'x',
      'docs/README.md': '#',
      'proto/a.proto': 'p',
      'assets/logo.png': 'x',
    };
    const dockerfile =
      'FROM golang\nWORKDIR /app\nCOPY go.mod .\nCOPY . .\nCOPY assets /srv/assets\nCOPY proto ./proto\nRUN protoc -I proto/ x\n';
    expect(files(dockerfile, context)).toEqual(['/app/.env', '/app/config', '/app/templates', '/srv/assets']);
  });

  it('skips copies that hold sources or only non-run-time files', () => {
    expect(
      files('FROM golang\nWORKDIR /app\nCOPY cmd ./cmd\nCOPY docs ./docs\n', {
        'cmd/a/main.go': 'p',
        'docs/x.md': '#',
      }),
    ).toEqual([]);
  });
});
