/** Replayed RUNs keep their place relative to WORKDIR and the copies (issue 11, class 7). */
import { analyzeStage } from '../../../src/analyze/stage-facts';
import { parseDockerfile } from '../../../src/parse/parse-dockerfile';
import { baseRuntimeModel, keepReplayedOrder, userSetupRuns } from '../../../src/plan/runtime-stage';
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
