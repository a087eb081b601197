import { analyzeStage } from '../../../src/analyze/stage-facts';
import { parseDockerfile } from '../../../src/parse/parse-dockerfile';
import { builderSideEffects } from '../../../src/plan/builder-side-effects';
import { runtimeCommands } from '../../../src/plan/runtime-stage';
import { BUILDER, copy } from '../../../src/plan/stage-model';

function effects(dockerfile: string) {
  const parsed = parseDockerfile(dockerfile);
  const facts = analyzeStage(parsed, parsed.stages[0]);
  const result = builderSideEffects(facts, BUILDER, runtimeCommands(facts), [copy(BUILDER, '/app', '/app')]);
  return {
    copied: result.copies.flatMap((c) => (c.kind === 'copy' ? [c.dest] : [])),
    replayed: result.setup.flatMap(({ node: r }) =>
      r.kind === 'run' && r.command.form === 'shell' ? [r.command.text] : [],
    ),
    problem: result.problem,
    decisions: result.decisions,
  };
}

describe('builder side effects the runtime needs', () => {
  it.each([
    [
      'a download saved into /usr/local/bin that the command runs',
      'RUN curl -fsSL https://example.org/dl/waitfor -o /usr/local/bin/waitfor && chmod +x /usr/local/bin/waitfor\nCMD ["waitfor", "db:5432", "--", "python", "app.py"]',
      ['/usr/local/bin/waitfor'],
    ],
    [
      'an archive unpacked into a PATH folder, named by its download',
      'ENV V=1.0\nRUN wget https://example.org/waitfor-$V.tar.gz && tar -C /usr/local/bin -xzvf waitfor-$V.tar.gz\nCMD waitfor -t 30 db:5432 && node index.js',
      ['/usr/local/bin/waitfor'],
    ],
    [
      'a program the command does not run stays in the builder',
      'RUN curl -fsSL https://example.org/dl/migrate -o /usr/local/bin/migrate\nCMD ["python", "app.py"]',
      [],
    ],
    [
      'an archive that does not name the program',
      'RUN wget https://example.org/tools.tar.gz && tar -C /usr/local/bin -xzf tools.tar.gz\nCMD ["waitfor"]',
      [],
    ],
    [
      'a program inside a folder the runtime copies',
      'RUN curl -o /app/bin/waitfor https://example.org/waitfor\nCMD ["/app/bin/waitfor"]',
      [],
    ],
  ])('%s', (_name, lines, copied) => {
    expect(effects(`FROM python:3.12\nWORKDIR /app\n${lines}\n`).copied).toEqual(copied);
  });

  it.each([
    [
      'a log folder made in an apt RUN, with its mode',
      'RUN apt-get update && apt-get install -y gcc && mkdir -p /var/log/app && chmod 775 /var/log/app',
      ['mkdir -p /var/log/app && chmod 775 /var/log/app'],
    ],
    [
      'chown of the created folder comes along, chown of others does not',
      'RUN pip install x && mkdir /data && chown app:app /data && chown app /etc/passwd',
      ['mkdir /data && chown app:app /data'],
    ],
    ['a folder under the copied WORKDIR needs nothing', 'RUN pip install x && mkdir -p static', []],
    [
      'build-only folders stay behind',
      'RUN mkdir -p /root/.ssh && ssh-keyscan github.com >> /root/.ssh/known_hosts',
      [],
    ],
    [
      'a folder named by an unknown variable is not guessed',
      'RUN apt-get install -y x && mkdir -p $LOGS',
      [],
    ],
    [
      'a setup-only RUN is left to userSetupRuns',
      'RUN mkdir -p /var/log/app && chown nobody /var/log/app',
      [],
    ],
  ])('%s', (_name, run, replayed) => {
    expect(effects(`FROM python:3.12\nWORKDIR /app\n${run}\nCMD ["python", "app.py"]\n`).replayed).toEqual(
      replayed,
    );
  });

  it.each([
    [
      'a chmod of a file an earlier RUN unpacked outside the copies',
      'RUN mkdir -p /opt/t && tar -xzf /tmp/t.tgz -C /opt/t\nRUN chmod 4755 /opt/t/bin/t && chown root /opt/t/bin/t',
      'RUN (line 4) changes /opt/t/bin/t, which RUN (line 3) put there in the builder only: the runtime stage does not have what it holds, so "chmod 4755 /opt/t/bin/t" cannot be replayed there',
    ],
    [
      'a download saved under a name, then chowned',
      'RUN curl -o /usr/local/lib/t.jar https://example.org/t.jar\nRUN useradd app && chown app /usr/local/lib/t.jar',
      'RUN (line 4) changes /usr/local/lib/t.jar, which RUN (line 3) put there in the builder only: the runtime stage does not have what it holds, so "chown app /usr/local/lib/t.jar" cannot be replayed there',
    ],
    [
      'a folder the same RUN creates',
      'RUN tar -xzf /tmp/t.tgz -C /opt/t\nRUN mkdir -p /opt/t/cache && chown app /opt/t/cache',
      undefined,
    ],
    [
      'a path inside the copied WORKDIR',
      'RUN curl -o /app/t https://example.org/t\nRUN chmod +x /app/t',
      undefined,
    ],
    [
      'a path no RUN writes (the base image has it)',
      'RUN pip install x\nRUN chown -R app /var/www',
      undefined,
    ],
    [
      'a folder an earlier RUN only creates (replayed)',
      'RUN pip install x && mkdir /data\nRUN chown app /data',
      undefined,
    ],
  ])('setup RUN: %s', (_name, runs, problem) => {
    expect(effects(`FROM python:3.12\nWORKDIR /app\n${runs}\nCMD ["python", "app.py"]\n`).problem).toEqual(
      problem,
    );
  });

  it('explains why a program is copied', () => {
    const result = effects(
      'FROM node:20\nRUN wget -O /usr/local/bin/waitfor https://example.org/w\nCMD ["waitfor", "node", "x.js"]\n',
    );
    expect(result.decisions).toEqual([
      {
        subject: '/usr/local/bin/waitfor',
        placement: 'runtime',
        why: 'the container runs waitfor, which RUN (line 2) put there in the builder',
      },
    ]);
  });
});
