/**
 * The renderer is the one place that quotes: each case is a node and the exact instruction it
 * becomes, or the reason it is refused. Docker would read every rendered line as one instruction
 * meaning the node (checked here by parsing the line back).
 */
import { DockerfileParser } from 'dockerfile-ast';
import type { BuilderInsertion } from '../../../src/plan/plan-types';
import { renderInsertion, renderNode, RenderContext } from '../../../src/render/render-stage';
import { TemplateRenderer } from '../../../src/render/templates';
import {
  arg,
  BUILDER,
  containerCommand,
  copy,
  env,
  expose,
  imageRef,
  original,
  PlanningError,
  shellRun,
  StageNode,
  user,
  workdir,
  writtenWorkdir,
} from '../../../src/plan/stage-model';

const backslash: RenderContext = { builder: 'build', stages: ['prod-deps'], escapeChar: '\\' };
const backtick: RenderContext = { ...backslash, escapeChar: '`' };
const exec = (keyword: string, ...argv: string[]) => containerCommand(keyword, { form: 'exec', argv });
const shell = (keyword: string, text: string) => containerCommand(keyword, { form: 'shell', text });

/** The line parses as exactly one instruction of the file's escape character. */
function oneInstruction(line: string, context: RenderContext): boolean {
  const directive = context.escapeChar === '\\' ? '' : `# escape=${context.escapeChar}\n`;
  return DockerfileParser.parse(`${directive}FROM a\n${line}\nLABEL end=1\n`).getInstructions().length === 3;
}

describe('renderNode', () => {
  it.each<[string, StageNode, RenderContext, string]>([
    [
      'a copy from the builder, named by the context',
      copy(BUILDER, '/app', '/app'),
      backslash,
      'COPY --from=build /app /app',
    ],
    [
      'a copy with owner and mode',
      copy(BUILDER, '/app', '/app', { chown: 'app:app', chmod: '755' }),
      backslash,
      'COPY --from=build --chown=app:app --chmod=755 /app /app',
    ],
    [
      'an empty owner is no flag',
      copy(BUILDER, '/app', '/app', { chown: null }),
      backslash,
      'COPY --from=build /app /app',
    ],
    [
      'a copy from a declared stage',
      copy({ kind: 'stage', name: 'prod-deps' }, '/app', '/app'),
      backslash,
      'COPY --from=prod-deps /app /app',
    ],
    [
      'a copy from an image',
      copy(imageRef('ghcr.io/astral-sh/uv:0.4'), '/uv', '/bin/'),
      backslash,
      'COPY --from=ghcr.io/astral-sh/uv:0.4 /uv /bin/',
    ],
    [
      'a path with a space: JSON form',
      copy(BUILDER, '/my app', '/my app'),
      backslash,
      'COPY --from=build ["/my app","/my app"]',
    ],
    [
      'a path with the escape character',
      copy(BUILDER, '/a\\b', '/c'),
      backslash,
      'COPY --from=build /a\\\\b /c',
    ],
    [
      'a path ending with the escape character: JSON form',
      copy(BUILDER, '/a', '/x\\'),
      backslash,
      'COPY --from=build ["/a","/x\\\\\\\\"]',
    ],
    [
      'a backtick path under escape=`',
      copy(BUILDER, '/a`', '/b'),
      backtick,
      'COPY --from=build ["/a``","/b"]',
    ],
    [
      'a backtick path under the default escape',
      copy(BUILDER, '/a`b', '/c'),
      backslash,
      'COPY --from=build /a`b /c',
    ],
    [
      'a variable in a path still expands',
      copy(BUILDER, '$APP_HOME', '$APP_HOME'),
      backslash,
      'COPY --from=build $APP_HOME $APP_HOME',
    ],
    [
      'plain ENV values',
      env([
        ['PORT', '3000'],
        ['HOSTNAME', '0.0.0.0'],
      ]),
      backslash,
      'ENV PORT=3000 HOSTNAME=0.0.0.0',
    ],
    [
      'an ENV value with a variable is quoted, still expands',
      env([['PATH', '/opt/venv/bin:$PATH']]),
      backslash,
      'ENV PATH="/opt/venv/bin:$PATH"',
    ],
    ['an ENV value with space and quote', env([['A', 'say "hi"']]), backslash, 'ENV A="say \\"hi\\""'],
    ['an ENV value ending with the escape character', env([['A', 'C:\\']]), backslash, 'ENV A="C:\\\\"'],
    ['an ENV value with a backtick under escape=`', env([['A', 'a`b']]), backtick, 'ENV A="a``b"'],
    ['an empty ENV value', env([['A', '']]), backslash, 'ENV A=""'],
    ['an ARG without default', arg('VERSION'), backslash, 'ARG VERSION'],
    ['an ARG with default', arg('VERSION', '1 2'), backslash, 'ARG VERSION="1 2"'],
    ['a WORKDIR msb chose', workdir('/go/src/app'), backslash, 'WORKDIR /go/src/app'],
    ['a WORKDIR with a space', workdir('/my app'), backslash, 'WORKDIR "/my app"'],
    [
      "the user's WORKDIR argument as written",
      writtenWorkdir('"$HOME/app"'),
      backslash,
      'WORKDIR "$HOME/app"',
    ],
    ["USER in the user's spelling", user('nonroot:nonroot', 'user'), backslash, 'user nonroot:nonroot'],
    ['exec form is a JSON array', exec('CMD', 'node', 'server.js'), backslash, 'CMD ["node", "server.js"]'],
    [
      'exec form keeps $ literal (no expansion in exec form)',
      exec('CMD', 'echo', '$HOME'),
      backslash,
      'CMD ["echo", "$HOME"]',
    ],
    [
      'exec form escapes quotes, backslashes and line breaks the JSON way',
      exec('ENTRYPOINT', 'a "b"', 'c\\', 'd\ne'),
      backslash,
      'ENTRYPOINT ["a \\"b\\"", "c\\\\", "d\\ne"]',
    ],
    ['an empty ENTRYPOINT', exec('ENTRYPOINT'), backslash, 'ENTRYPOINT []'],
    ['a backtick in exec form under escape=`', exec('CMD', 'a`'), backtick, 'CMD ["a`"]'],
    ['shell form as written', shell('cmd', './server -port $PORT'), backslash, 'cmd ./server -port $PORT'],
    [
      'a shell RUN with a continuation',
      shellRun('useradd app \\\n && mkdir /data'),
      backslash,
      'RUN useradd app \\\n && mkdir /data',
    ],
    ['EXPOSE', expose(8080), backslash, 'EXPOSE 8080'],
    [
      "the user's instruction, verbatim",
      original('COPY  --from=node:20 /usr/local/bin/node /usr/local/bin/'),
      backslash,
      'COPY  --from=node:20 /usr/local/bin/node /usr/local/bin/',
    ],
  ])('%s', (_name, node, context, expected) => {
    const line = renderNode(node, context);
    expect(line).toBe(expected);
    expect(oneInstruction(line, context)).toBe(true);
  });

  it.each<[string, () => StageNode, RenderContext, string]>([
    ['a line break in a path', () => copy(BUILDER, '/a\nRUN x', '/a'), backslash, 'would change the meaning'],
    ['a line break in an ENV value', () => env([['A', 'a\nRUN x']]), backslash, 'would change the meaning'],
    ['a carriage return in a WORKDIR', () => workdir('/a\rRUN x'), backslash, 'would change the meaning'],
    [
      'a written WORKDIR ending with the escape character',
      () => writtenWorkdir('/app \\'),
      backslash,
      'would change the meaning',
    ],
    [
      'a written WORKDIR ending with a backtick under escape=`',
      () => writtenWorkdir('/app`'),
      backtick,
      'would change the meaning',
    ],
    [
      'a shell line break that is no continuation',
      () => shell('CMD', 'a\nRUN x'),
      backslash,
      'would change the meaning',
    ],
    [
      'a shell continuation with the wrong escape character',
      () => shell('CMD', 'a \\\nb'),
      backtick,
      'would change the meaning',
    ],
    [
      'a shell command ending with the escape character',
      () => shell('CMD', 'run \\'),
      backslash,
      'would change the meaning',
    ],
    [
      'a shell command ending with a backtick under escape=`',
      () => shellRun('echo `'),
      backtick,
      'would change the meaning',
    ],
    ['a heredoc in a shell command', () => shellRun('cat <<EOF'), backslash, 'would change the meaning'],
    ['a quoted heredoc marker', () => shellRun("cat <<-'END' > /x"), backslash, 'would change the meaning'],
    [
      'shell text Docker would read as exec form',
      () => shell('CMD', '["evil"]'),
      backslash,
      'would change the meaning',
    ],
    ['an empty shell command', () => shellRun('  '), backslash, 'would change the meaning'],
    [
      'a copy from a stage the plan does not add',
      () => copy({ kind: 'stage', name: 'other' }, '/a', '/a'),
      backslash,
      'the stage "other", which the plan does not add',
    ],
    [
      'a path with a quote (Docker would read it as shell quoting)',
      () => copy(BUILDER, '/a"b', '/a"b'),
      backslash,
      'holds a quote',
    ],
    [
      'an owner with a space',
      () => copy(BUILDER, '/a', '/a', { chown: 'a b' }),
      backslash,
      'is not a --chown value',
    ],
  ])('refuses %s', (_name, build, context, reason) => {
    expect(() => renderNode(build(), context)).toThrow(PlanningError);
    expect(() => renderNode(build(), context)).toThrow(reason);
  });
});

describe('stage-model constructors', () => {
  it.each<[string, () => unknown, string]>([
    ["a copy of the builder's /", () => copy(BUILDER, '/', '/'), "copy the builder's whole filesystem"],
    [
      "a copy of the builder's //.",
      () => copy(BUILDER, ['/app', '//.'], '/'),
      "copy the builder's whole filesystem",
    ],
    [
      "a copy of an extra stage's /",
      () => copy({ kind: 'stage', name: 'prod-deps' }, '/', '/'),
      'copy the "prod-deps" stage\'s whole filesystem',
    ],
    ['a copy without sources', () => copy(BUILDER, [], '/app'), 'at least one source'],
    ['an ENV without variables', () => env([]), 'at least one variable'],
    ['an ENV name that is not a name', () => env([['A B', 'x']]), 'not a variable name'],
    ['an ARG name with a line break', () => arg('A\nRUN x'), 'not a variable name'],
    ['a USER with a line break', () => user('app\nRUN x'), 'not a user'],
    ['a USER keyword that is not USER', () => user('app', 'RUN'), 'is not USER'],
    [
      'a command keyword that is not CMD or ENTRYPOINT',
      () => containerCommand('RUN', { form: 'exec', argv: [] }),
      'is not CMD or ENTRYPOINT',
    ],
    ['a port out of range', () => expose(70000), 'is not a port'],
    ['an image with a space', () => imageRef('a b'), 'not an image reference'],
  ])('refuses %s', (_name, build, reason) => {
    expect(build).toThrow(PlanningError);
    expect(build).toThrow(reason);
  });

  it("copies an image's / (a whole-image copy is the user's choice, not a builder's toolchain)", () => {
    expect(copy(imageRef('busybox'), '/', '/rootfs').sources).toEqual(['/']);
  });
});

describe('renderInsertion', () => {
  const templates = new TemplateRenderer();
  const steps = (values: BuilderInsertion['values'], instructions: StageNode[]): BuilderInsertion => ({
    at: { kind: 'end' },
    template: 'builder-steps',
    values,
    instructions,
    reason: 'r',
  });

  it('lays the quoted instructions out with the values', () => {
    const text = renderInsertion(
      steps({ comment: 'build it once', user: 'app' }, [shellRun('go build -o /usr/local/bin/app .')]),
      backslash,
      templates,
    );
    expect(text).toBe('# msb: build it once\nUSER root\nRUN go build -o /usr/local/bin/app .\nUSER app\n');
  });

  it.each<[string, BuilderInsertion]>([
    ['a value with a line break', steps({ comment: 'x', user: 'app\nRUN touch /pwned' }, [])],
    ['an instruction that opens a heredoc', steps({ comment: 'x', user: null }, [shellRun('cat <<EOF')])],
    [
      'an instruction ending with the escape character',
      steps({ comment: 'x', user: null }, [shellRun('mvn package \\')]),
    ],
  ])('refuses %s', (_name, insertion) => {
    expect(() => renderInsertion(insertion, backslash, templates)).toThrow(PlanningError);
  });
});
