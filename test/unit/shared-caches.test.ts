/**
 * The analysis caches hand every caller the same object, so their types are readonly: each
 * `@ts-expect-error` below fails the type check (ts-jest, tsc) when a field becomes writable again.
 */
import { containerCommand } from '../../src/analyze/container-command';
import { parseCopy } from '../../src/analyze/instruction-args';
import { analyzeStage } from '../../src/analyze/stage-facts';
import { parseDockerfile } from '../../src/parse/parse-dockerfile';
import { stageFixture } from '../helpers/build-fixture';

const DOCKERFILE = 'FROM node:20\nENV A=1\nCOPY . /app\nRUN A=1 npm ci\nCMD ["node", "app.js"]\n';

describe('shared caches', () => {
  it('return the same object to every caller', () => {
    const parsed = parseDockerfile(DOCKERFILE);
    const facts = analyzeStage(parsed, parsed.stages[0]);
    expect(analyzeStage(parsed, parsed.stages[0])).toBe(facts);
    expect(parseCopy(facts.copies[0].instruction)).toBe(facts.copies[0].spec);
    expect(containerCommand(facts)).toBe(containerCommand(facts));
  });

  it('are readonly to the compiler', () => {
    const { facts, paths } = stageFixture(DOCKERFILE, { 'app.js': '' });
    const command = containerCommand(facts);
    const spec = facts.copies[0].spec;
    const run = facts.runs[0];
    // Never called: these lines only have to fail to compile.
    const mutations = () => {
      // @ts-expect-error stage facts
      facts.workdir = '/';
      // @ts-expect-error stage facts
      facts.runs.push(run);
      // @ts-expect-error stage facts
      facts.values.set('A', '2');
      // @ts-expect-error stage facts
      facts.envNames.add('B');
      // @ts-expect-error a RUN's commands
      run.commands[0].words.push('--omit=dev');
      // @ts-expect-error a RUN's commands
      run.commands[0].env = [];
      // @ts-expect-error a COPY's parse
      spec.sources.push('x');
      // @ts-expect-error the container command
      command.argv.push('--inspect');
      // @ts-expect-error the container command
      command.lines[0].rewritten = true;
      // @ts-expect-error context paths
      paths.filesUnder('').push('x');
    };
    expect(mutations).toBeInstanceOf(Function);
    expect(facts.runs[0].commands[0].words).toEqual(['npm', 'ci']);
  });
});
