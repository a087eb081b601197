/** Container commands as data: forms, shells, rewriting. */
import { commandForm } from '../../../src/analyze/instruction-args';
import { execFormText, needsShell, replaceShellWord, shellWrapperScript, simpleShellArgv, splitInstruction } from '../../../src/plan/container-command';

describe('container commands', () => {
  it.each([
    ['./server -port 8080', ['./server', '-port', '8080']],
    ['exec java -jar "my app.jar"', ['java', '-jar', 'my app.jar']],
    ['java $JAVA_OPTS -jar app.jar', null],
    ['./a && ./b', null],
    ['PORT=1 ./server', null],
    ['java -jar target/*.jar', null],
  ])('simpleShellArgv(%s)', (script, argv) => {
    expect(simpleShellArgv(script)).toEqual(argv);
  });

  it.each([
    ['CMD ./server', true],
    ['CMD ["sh", "-c", "./server"]', true],
    ['CMD ["/entrypoint.sh"]', true],
    ['CMD ["./server"]', false],
  ])('needsShell(%s) = %s', (text, expected) => {
    expect(needsShell(splitInstruction(text).form)).toBe(expected);
  });

  it('splits keyword and form, and writes exec form back', () => {
    expect(splitInstruction('cmd ["a", "b"]')).toEqual({ keyword: 'cmd', form: { form: 'exec', argv: ['a', 'b'] } });
    expect(execFormText('ENTRYPOINT', ['java', '-jar', 'a "b".jar'])).toBe('ENTRYPOINT ["java", "-jar", "a \\"b\\".jar"]');
    expect(shellWrapperScript(['/bin/bash', '-c', 'run'])).toBe('run');
    expect(shellWrapperScript((commandForm('["java"]') as { argv: string[] }).argv)).toBeNull();
  });

  it.each([
    ['java -jar target/*.jar', 'target/*.jar', 'app.jar', 'java -jar app.jar'],
    ['java -jar app.jar --spring.config=app.jar.yml', 'app.jar', '/app/app.jar', 'java -jar /app/app.jar --spring.config=app.jar.yml'],
    ['exec java -jar "x.jar"', 'x.jar', 'y.jar', 'exec java -jar "y.jar"'],
  ])('replaceShellWord(%s)', (script, from, to, expected) => {
    expect(replaceShellWord(script, from, to)).toBe(expected);
  });
});
