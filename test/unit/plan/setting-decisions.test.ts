/** One decision per run-time setting of the user's stage (src/plan/setting-decisions.ts), through the conversion. */
import * as path from 'path';
import { convertFileSync } from '../../../src/convert';
import type { Decision } from '../../../src/plan/plan-types';
import { convertIn } from '../../helpers/build-fixture';

const settingsOf = (decisions: readonly Decision[]) =>
  decisions.filter((d) => /^[A-Z]+ \(line \d+\)$/.test(d.subject) && !/^(RUN|COPY|ADD) /.test(d.subject));

const example = (name: string) =>
  convertFileSync(path.join(__dirname, '..', '..', '..', 'examples', name, 'Dockerfile'));

describe('what became of each run-time setting', () => {
  it('kept, declared again, or build only, line by line', () => {
    const result = convertIn(
      [
        'ARG PY=3.11',
        'ARG UNUSED=1',
        'FROM python:${PY}',
        'ARG BUILD_ONLY=1',
        'ARG GREETING=hi',
        'USER root',
        'WORKDIR /src',
        'COPY requirements.txt .',
        'RUN pip install -r requirements.txt',
        'ENV GREETING=${GREETING}',
        'CMD ["python", "old.py"]',
        'WORKDIR /app',
        'COPY . .',
        'LABEL team=web',
        'EXPOSE 8000',
        'HEALTHCHECK CMD python -c "print(1)"',
        'USER nobody',
        'CMD ["python", "app.py"]',
        '',
      ].join('\n'),
      { 'requirements.txt': 'flask\n', 'app.py': 'print(1)\n' },
    );
    expect(result.status).toBe('converted');
    expect(settingsOf(result.decisions).map((d) => [d.subject, d.placement, d.why])).toEqual([
      [
        'ARG (line 1)',
        'both',
        "before the first FROM, where every FROM line sees it: the runtime stage's FROM uses it too",
      ],
      ['ARG (line 2)', 'builder', 'before the first FROM, where every FROM line sees it'],
      [
        'ARG (line 4)',
        'builder',
        'only the build uses it: no line of the runtime stage refers to $BUILD_ONLY',
      ],
      [
        'ARG (line 5)',
        'both',
        'declared again in the runtime stage, whose lines use $GREETING (ARG scope ends at FROM)',
      ],
      [
        'USER (line 6)',
        'builder',
        'the later USER (line 17) is the one the image runs with; this one applies to the build only',
      ],
      [
        'WORKDIR (line 7)',
        'builder',
        'the later WORKDIR (line 12) is the one the image runs with; this one applies to the build only',
      ],
      ['ENV (line 10)', 'both', 'kept in the runtime stage as written'],
      [
        'CMD (line 11)',
        'builder',
        'the later CMD (line 18) is the one the image runs with; this one applies to the build only',
      ],
      ['WORKDIR (line 12)', 'both', 'kept in the runtime stage as written'],
      ['LABEL (line 14)', 'both', 'kept in the runtime stage as written'],
      ['EXPOSE (line 15)', 'both', 'kept in the runtime stage as written'],
      ['HEALTHCHECK (line 16)', 'both', 'kept in the runtime stage as written'],
      ['USER (line 17)', 'both', 'kept in the runtime stage as written'],
      ['CMD (line 18)', 'both', 'kept in the runtime stage as written'],
    ]);
  });

  it.each([
    [
      'a user distroless cannot create is rewritten, with the strategy`s reason folded in',
      'go-scratch-user',
      'USER (line 9)',
      'runtime',
      /^rewritten in the runtime stage as USER nonroot: runs as nonroot instead of appuser/,
    ],
    [
      'a build at container start becomes the binary',
      'go-run-command',
      'CMD (line 10)',
      'runtime',
      /^rewritten in the runtime stage as (CMD|ENTRYPOINT) \[/,
    ],
    [
      'nginx serves the bundle: the dev server command is dropped, with why',
      'node-cra-nginx',
      'CMD (line 15)',
      'dropped',
      /^not in the runtime stage: .*replaced by nginx/,
    ],
    [
      'nginx has no working directory to keep',
      'node-cra-nginx',
      'WORKDIR (line 4)',
      'dropped',
      /^not in the runtime stage: /,
    ],
  ])('%s', (_name, name, subject, placement, why) => {
    const result = example(name);
    expect(result.status).toBe('converted');
    const decision = result.decisions.find((d) => d.subject === subject);
    expect(decision).toMatchObject({ placement, why: expect.stringMatching(why) });
    // The strategy's own decision about that keyword is folded into the line's, not repeated.
    const keyword = subject.split(' ')[0];
    expect(
      result.decisions.filter((d) => d.subject.split(' ')[0] === keyword && !/\(line/.test(d.subject)),
    ).toEqual([]);
  });
});
