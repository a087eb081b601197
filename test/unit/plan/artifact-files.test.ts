import {
  artifactFileCopies,
  artifactRuntimeFiles,
  imageCopies,
  runtimeFileCopies,
} from '../../../src/plan/artifact-files';
import type { FileUse } from '../../../src/plan/settle-runtime-files';
import { renderNode } from '../../../src/render/render-stage';
import { stageFixture } from '../../helpers/build-fixture';

const files = {
  'main.go': 'package main',
  'config/app.yaml': 'a: 1',
  'seed.json': '{}',
  'cmd/tool/main.go': 'package main',
  '.env': 'A=1',
};

function settle(cmd: string, useOf: () => FileUse = () => null) {
  const fixture = stageFixture(
    `FROM golang\nWORKDIR /app\nCOPY . .\nRUN go build -o /app/server .\nCMD ${cmd}\n`,
    files,
  );
  const found = [{ path: '/app/.env', chown: null, why: '.env is read at run time' }];
  return artifactRuntimeFiles(fixture.facts, fixture.paths, fixture.context, found, {
    workdir: '/app',
    artifacts: ['/app/server'],
    isSource: (f) => f.endsWith('.go'),
    useOf,
  });
}

describe('artifactRuntimeFiles', () => {
  it.each([
    [
      'files the command names, by word and by --name=value',
      '["./server", "-c", "config/app.yaml", "--data=seed.json"]',
      ['/app/config/app.yaml', '/app/seed.json'],
    ],
    ['a source folder is a build input', '["./server", "cmd/tool"]', []],
    ['the artifact itself is not a file to copy', '["./server", "./server"]', []],
  ])('%s', (_name, cmd, named) => {
    expect(settle(cmd).files.map((f) => f.path)).toEqual(['/app/.env', ...named]);
  });

  it('leaves out a secret-looking file the application does not read', () => {
    const settled = settle('["./server"]', () => ({
      required: false,
      unused: true,
      why: 'nothing reads it',
    }));
    expect(settled.files).toEqual([]);
    expect(settled.decisions.map((d) => d.subject)).toEqual(['/app/.env']);
  });
});

describe('runtime file COPY lines', () => {
  it('copies each file from the builder with the runtime owner, and replays COPY --from=image as written', () => {
    const fixture = stageFixture('FROM golang\nCOPY --from=busybox:1.36 /bin/busybox /bin/\nCOPY . .\n', {});
    const { copies, decisions } = runtimeFileCopies(
      [{ path: '/app/config', chown: 'app', why: 'config/ is read at run time' }],
      (chown) => (chown ? `${chown}:${chown}` : null),
    );
    expect(
      [...copies, ...imageCopies(fixture.facts)].map((n) =>
        renderNode(n, { builder: 'builder', stages: [], escapeChar: '\\' }),
      ),
    ).toEqual([
      'COPY --from=builder --chown=app:app /app/config /app/config',
      'COPY --from=busybox:1.36 /bin/busybox /bin/',
    ]);
    expect(decisions).toEqual([
      { subject: '/app/config', placement: 'runtime', why: 'config/ is read at run time' },
    ]);
  });
});

describe('artifactFileCopies', () => {
  it.each([
    ['every runtime file gets its COPY', ['/app/server'], ['/app/.env', '/app/config']],
    ["a folder holding an artifact is left to the artifact's COPY", ['/app/config/bin'], ['/app/.env']],
  ])('%s', (_name, artifacts, copied) => {
    const fixture = stageFixture(
      'FROM golang\nWORKDIR /app\nCOPY . .\nRUN go build -o /app/server .\nCMD ["./server", "-c", "./config"]\n',
      files,
    );
    const found = [{ path: '/app/.env', chown: null, why: '.env is read at run time' }];
    const result = artifactFileCopies(
      fixture.facts,
      fixture.paths,
      fixture.context,
      found,
      { workdir: '/app', artifacts, isSource: (f) => f.endsWith('.go'), useOf: () => null },
      (chown) => chown,
    );
    const rendered = result.copies.map((n) =>
      renderNode(n, { builder: 'builder', stages: [], escapeChar: '\\' }),
    );
    expect(rendered).toEqual(copied.map((p) => `COPY --from=builder ${p} ${p}`));
    expect(result.decisions.map((d) => d.subject)).toEqual(copied);
  });
});
