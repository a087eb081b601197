import {
  commandForm,
  expandVariables,
  stripFlags,
  variableReferences,
} from '../../src/analyze/instruction-args';

describe('instruction arguments', () => {
  it.each([
    ['["python", "app.py"]', { form: 'exec', argv: ['python', 'app.py'] }],
    ['python app.py', { form: 'shell', script: 'python app.py' }],
    ['[python, app.py]', { form: 'shell', script: '[python, app.py]' }],
    ['["a", 1]', { form: 'shell', script: '["a", 1]' }],
  ])('commandForm(%j)', (args, expected) => {
    expect(commandForm(args)).toEqual(expected);
  });

  it('strips leading flags', () => {
    const { flags, rest } = stripFlags('--from=builder --chown="app:app" --link src dest');
    expect(Object.fromEntries(flags)).toEqual({ from: 'builder', chown: 'app:app', link: 'true' });
    expect(rest).toBe('src dest');
  });

  it.each([
    ['${A} $B \\$C ${D:-x}', ['A', 'B', 'D']],
    ['no vars', []],
    ['$A$B', ['A', 'B']],
  ])('variableReferences(%j)', (text, names) => {
    expect(variableReferences(text)).toEqual(names);
  });

  it('expands known variables and defaults, keeps unknown ones', () => {
    const values = new Map([['HOME', '/root']]);
    expect(expandVariables('$HOME/${APP:-app}/$UNKNOWN', values)).toBe('/root/app/$UNKNOWN');
  });
});
