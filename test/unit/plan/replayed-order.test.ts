/** Replayed RUNs keep their place relative to WORKDIR and the copies (issue 11, class 7). */
import { analyzeStage } from '../../../src/analyze/stage-facts';
import { parseDockerfile } from '../../../src/parse/parse-dockerfile';
import {
  baseRuntimeModel,
  dropCoveredChowns,
  keepReplayedOrder,
  userSetupRuns,
} from '../../../src/plan/runtime-stage';
import { renderRuntimeLines, runtimeInstructionTexts } from '../../../src/render/render-stage';
import { BUILDER, copy } from '../../../src/plan/stage-model';

function runtimeOf(dockerfile: string): string[] {
  const parsed = parseDockerfile(dockerfile);
  const facts = analyzeStage(parsed, parsed.stages[0]);
  const model = baseRuntimeModel(facts, 'python:3.12-slim', []);
  model.setup = userSetupRuns(facts).runs;
  model.copies = [copy(BUILDER, '/app', '/app')];
  keepReplayedOrder(model, facts);
  const lines = renderRuntimeLines(model, { builder: 'builder', stages: [], escapeChar: '\\' });
  return runtimeInstructionTexts(lines);
}

describe('keepReplayedOrder', () => {
  it.each([
    [
      'a user created before WORKDIR stays first',
      'FROM p\nRUN useradd app\nWORKDIR /app\nCOPY . .\n',
      ['RUN useradd app', 'WORKDIR /app', 'COPY --from=builder /app /app'],
    ],
    [
      'a user created after WORKDIR comes after it, before the copies',
      'FROM p\nWORKDIR /app\nRUN useradd app && chown -R app /app\nCOPY . .\n',
      ['WORKDIR /app', 'RUN useradd app && chown -R app /app', 'COPY --from=builder /app /app'],
    ],
    [
      'a user created after a COPY still precedes the copies (COPY --chown may name it)',
      'FROM p\nWORKDIR /app\nCOPY . .\nRUN useradd app && chown -R app /app\n',
      ['WORKDIR /app', 'RUN useradd app && chown -R app /app', 'COPY --from=builder /app /app'],
    ],
    [
      'a chown of copied files comes after the copies',
      'FROM p\nWORKDIR /app\nCOPY . .\nRUN chown -R nobody /app/data\n',
      ['WORKDIR /app', 'COPY --from=builder /app /app', 'RUN chown -R nobody /app/data'],
    ],
    [
      'a mkdir after WORKDIR and before any COPY comes right after WORKDIR',
      'FROM p\nWORKDIR /app\nRUN mkdir data\nCOPY . .\n',
      ['WORKDIR /app', 'RUN mkdir data', 'COPY --from=builder /app /app'],
    ],
    [
      'without WORKDIR nothing moves',
      'FROM p\nCOPY . /app\nRUN chown -R nobody /app\n',
      ['RUN chown -R nobody /app', 'COPY --from=builder /app /app'],
    ],
  ])('%s', (_name, dockerfile, expected) => {
    expect(runtimeOf(dockerfile)).toEqual(expected);
  });
});

describe('dropCoveredChowns', () => {
  function chowned(dockerfile: string, copyChown: string): { lines: string[]; why: string[] } {
    const parsed = parseDockerfile(dockerfile);
    const facts = analyzeStage(parsed, parsed.stages[0]);
    const model = baseRuntimeModel(facts, 'php:8.3-apache', []);
    model.setup = userSetupRuns(facts).runs;
    model.copies = [copy(BUILDER, '/app', '/app', { chown: copyChown })];
    keepReplayedOrder(model, facts);
    const decisions = dropCoveredChowns(model, facts);
    const lines = renderRuntimeLines(model, { builder: 'builder', stages: [], escapeChar: '\\' });
    return { lines: runtimeInstructionTexts(lines), why: decisions.map((d) => `${d.placement}: ${d.why}`) };
  }

  it.each<[string, string, string, string[], string[]]>([
    [
      'chown -R of the copied folder becomes a chown of the folder itself',
      'FROM p\nWORKDIR /app\nCOPY . .\nRUN chown -R www-data:www-data /app\n',
      'www-data:www-data',
      [
        'WORKDIR /app',
        'COPY --from=builder --chown=www-data:www-data /app /app',
        'RUN chown www-data:www-data /app',
      ],
      [
        'runtime: the runtime\'s COPY --chown=www-data:www-data already gives the copied files that owner: the runtime runs "chown www-data:www-data /app" for the folders themselves instead of chowning every file a second time',
      ],
    ],
    [
      'a chown of paths inside the copied folder goes',
      'FROM p\nWORKDIR /app\nCOPY . .\nRUN chown -R app storage cache\n',
      'app',
      ['WORKDIR /app', 'COPY --from=builder --chown=app /app /app'],
      [
        "builder: the runtime's COPY --chown=app already gives the copied files that owner: replaying the chown would store them a second time",
      ],
    ],
    [
      'another owner is replayed',
      'FROM p\nWORKDIR /app\nCOPY . .\nRUN chown -R nobody /app\n',
      'app',
      ['WORKDIR /app', 'COPY --from=builder --chown=app /app /app', 'RUN chown -R nobody /app'],
      [],
    ],
    [
      'a RUN that also creates a user is replayed',
      'FROM p\nWORKDIR /app\nCOPY . .\nRUN useradd app && chown -R app /app\n',
      'app',
      ['WORKDIR /app', 'RUN useradd app && chown -R app /app', 'COPY --from=builder --chown=app /app /app'],
      [],
    ],
    [
      'a path outside the copy is replayed',
      'FROM p\nWORKDIR /app\nCOPY . .\nRUN mkdir -p /data && chown -R app /app /data\n',
      'app',
      [
        'WORKDIR /app',
        'COPY --from=builder --chown=app /app /app',
        'RUN mkdir -p /data && chown -R app /app /data',
      ],
      [],
    ],
  ])('%s', (_name, dockerfile, copyChown, lines, why) => {
    expect(chowned(dockerfile, copyChown)).toEqual({ lines, why });
  });
});
