/** Go builds the container did at start-up, moved into the builder. */
import { GoProject } from '../../../src/languages/go/go-binaries';
import { moveGoStartupBuilds } from '../../../src/languages/go/go-container-command';
import type { StageNode } from '../../../src/plan/stage-model';
import { renderNode } from '../../../src/render/render-stage';
import { scanGoSources } from '../../../src/languages/go/go-sources';
import { stageFixture } from '../../helpers/build-fixture';
import { settings } from './go-fixtures';

const text = (node: StageNode) => renderNode(node, { builder: 'builder', stages: [], escapeChar: '\\' });
const files = {
  'go.mod': 'module example.com/hello\n',
  'main.go': 'package main\n',
  'cmd/api/main.go': 'package main\n',
};

function startup(tail: string) {
  const fixture = stageFixture(`FROM golang:1.19\nWORKDIR /app\nCOPY . .\n${tail}\n`, files);
  const project: GoProject = {
    sources: scanGoSources(fixture.context),
    paths: fixture.paths,
    gopath: '/go',
    values: new Map(),
  };
  return moveGoStartupBuilds(fixture.facts, '/app', project, '/usr/local/bin', {
    ...settings,
    generators: [],
  });
}

describe('moveGoStartupBuilds', () => {
  it.each([
    ['CMD ["go", "run", "."]', ['RUN go build -o /usr/local/bin/hello .'], ['/usr/local/bin/hello']],
    [
      'CMD go run main.go --port 80',
      ['RUN go build -o /usr/local/bin/hello main.go'],
      ['/usr/local/bin/hello', '--port', '80'],
    ],
    [
      'CMD ["go", "run", "-tags", "prod", "./cmd/api", "-v"]',
      ['RUN go build -tags=prod -o /usr/local/bin/api ./cmd/api'],
      ['/usr/local/bin/api', '-v'],
    ],
    [
      'CMD CGO_ENABLED=0 go run ./cmd/api',
      ['RUN CGO_ENABLED=0 go build -o /usr/local/bin/api ./cmd/api'],
      ['/usr/local/bin/api'],
    ],
    [
      'ENTRYPOINT go mod download && go build -o app . && ./app',
      ['RUN go mod download', 'RUN go build -o app .'],
      ['./app'],
    ],
  ])('%s', (tail, runs, argv) => {
    const result = startup(tail);
    expect(result.builderRuns.map(text)).toEqual(runs);
    expect(result.lines[0].form).toEqual({ form: 'exec', argv });
  });

  it('keeps shell syntax the program arguments need', () => {
    expect(startup('CMD go run . -port $PORT').lines[0].form).toEqual({
      form: 'shell',
      script: '/usr/local/bin/hello -port $PORT',
    });
  });

  it('leaves a command without go alone', () => {
    const result = startup('CMD ["./server"]');
    expect(result.builderRuns).toEqual([]);
    expect(result.lines[0].form).toEqual({ form: 'exec', argv: ['./server'] });
  });

  it('cannot run a container that only builds', () => {
    expect(startup('CMD go build -o app .').problem).toContain('only builds');
  });
});
