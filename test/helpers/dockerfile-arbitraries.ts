/**
 * fast-check generators of hostile Dockerfiles for the fuzz test and `npm run fuzz`: random
 * instruction sequences with continuations, comments, heredocs, parser directives, odd
 * whitespace, CRLF, BOM, very long lines and unicode; and mutations of the golden examples.
 */
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { EXAMPLES_DIR } from './examples';

export interface FuzzInput {
  text: string;
  /** Build context: an example folder (so that detection finds manifests) or none. */
  context: string;
  lang?: string;
}

const EXAMPLES = readdirSync(EXAMPLES_DIR)
  .map((name) => path.join(EXAMPLES_DIR, name))
  .filter((dir) => existsSync(path.join(dir, 'Dockerfile')))
  .sort()
  .map((dir) => ({ dir, text: readFileSync(path.join(dir, 'Dockerfile'), 'utf8') }));
const PYTHON_CONTEXT =
  EXAMPLES.find((e) => e.dir.endsWith('python-requirements-console-script'))?.dir ?? EXAMPLES[0].dir;
// Rust: a cargo project (Cargo.toml, Cargo.lock, src/, templates/, config/) for --lang rust inputs
const RUST_CONTEXT =
  EXAMPLES.find((e) => e.dir.endsWith('rust-release-runtime-files'))?.dir ?? PYTHON_CONTEXT;
// PHP: a composer project (composer.json, public/, storage/, a path-repository package) for --lang php inputs
const PHP_CONTEXT = EXAMPLES.find((e) => e.dir.endsWith('php-apache-laravel-like'))?.dir ?? PYTHON_CONTEXT;

// Ruby: its images, Bundler's words and a Bundler project as the build context.
const RUBY_CONTEXT = EXAMPLES.find((e) => e.dir.endsWith('ruby-sinatra-puma'))?.dir ?? PYTHON_CONTEXT;
const RUBY_IMAGES = ['ruby:3.3', 'ruby:3.2-slim-bookworm', 'ruby:${RUBY_VERSION}-alpine'];
const RUBY_WORDS = [
  'bundle',
  'exec',
  'config',
  'set',
  '--local',
  'without',
  "'development test'",
  'BUNDLE_PATH=vendor/bundle',
  'gem',
  'puma',
  'config.ru',
  './bin/rails',
  'assets:precompile',
  '/usr/local/bundle',
];

// .NET: SDK images, dotnet's words and a web project with a launch profile as the build context.
const DOTNET_CONTEXT =
  EXAMPLES.find((e) => e.dir.endsWith('dotnet-run-launch-profile'))?.dir ?? PYTHON_CONTEXT;
const DOTNET_IMAGES = [
  'mcr.microsoft.com/dotnet/sdk:8.0',
  'mcr.microsoft.com/dotnet/sdk:6.0-alpine',
  'mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}-bookworm-slim',
];
const DOTNET_WORDS = [
  'dotnet',
  'publish',
  'restore',
  'run',
  '-c',
  'Release',
  '-o',
  'out',
  '-r',
  'linux-x64',
  '--self-contained',
  '-p:PublishAot=true',
  'Orders.csproj',
  'out/Orders.dll',
  '["dotnet", "out/Orders.dll"]',
  'ASPNETCORE_URLS=http://+:80',
];

const KEYWORDS = [
  'RUN',
  'CMD',
  'ENTRYPOINT',
  'COPY',
  'ADD',
  'ENV',
  'ARG',
  'WORKDIR',
  'USER',
  'EXPOSE',
  'LABEL',
  'HEALTHCHECK',
  'SHELL',
  'STOPSIGNAL',
  'VOLUME',
  'ONBUILD',
  'MAINTAINER',
  'FROM',
];
const IMAGES = [
  'python:3.12-slim',
  'python:3.11',
  'python',
  'python:latest',
  'node:20',
  'golang:1.22',
  // Rust
  'rust:1.79',
  'rust:1-alpine',
  // PHP
  'php:8.2-apache',
  'php:8.3-fpm-alpine',
  'composer:2',
  'alpine',
  'ubuntu:22.04',
  'scratch',
  'python:${PY}-slim',
  'builder',
  '--platform=$BUILDPLATFORM python:3.12',
  'ghcr.io/o/p@sha256:' + 'a'.repeat(64),
  ...RUBY_IMAGES,
  ...DOTNET_IMAGES,
];
const WORDS = [
  'pip',
  'install',
  '-r',
  'requirements.txt',
  '--no-cache-dir',
  'apt-get',
  'update',
  '&&',
  '-y',
  'gcc',
  'libpq-dev',
  'rm',
  '-rf',
  '/var/lib/apt/lists/*',
  'python',
  'app.py',
  '-m',
  'gunicorn',
  'app:app',
  '.',
  '/app',
  '/',
  './',
  'src/',
  '$HOME',
  '${APP_DIR}',
  '${V:-1}',
  '\\$X',
  '"quoted word"',
  "'single'",
  '|',
  ';',
  '||',
  '#',
  '# not a comment',
  '--from=builder',
  '--from=ghcr.io/x/y:1',
  '--chown=app:app',
  '--mount=type=cache,target=/root/.cache',
  '8000',
  '8000/udp',
  'useradd',
  '-m',
  'app',
  'chown',
  'mkdir',
  '-p',
  'EOF',
  '<<EOF',
  '<<-"END"',
  '\\',
  '`',
  'ü',
  'é',
  '日本語',
  '\u00a0',
  '\u200b',
  '🐳',
  'KEY=value',
  // Rust
  'cargo',
  'build',
  '--release',
  'Cargo.toml',
  './target/release/app',
  // PHP
  'composer',
  '--no-dev',
  'docker-php-ext-install',
  '-j$(nproc)',
  'pdo_pgsql',
  'pecl',
  'a2enmod',
  'rewrite',
  '"$PHP_INI_DIR/php.ini-production"',
  '/etc/apache2/sites-available/000-default.conf',
  '--from=composer:2',
  'A="b c"',
  '["python", "app.py"]',
  '["sh", "-c", "echo $X"]',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '\t',
  'FROM',
  'AS',
  'RUN',
  ...RUBY_WORDS,
  ...DOTNET_WORDS,
];

const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);
const word = fc.oneof(
  { weight: 8, arbitrary: pick(WORDS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
const keywordCase = (keyword: string) =>
  pick([keyword, keyword.toLowerCase(), keyword[0] + keyword.slice(1).toLowerCase()]);
const space = pick([' ', ' ', ' ', '  ', '\t', ' \t ', '\u00a0']);

/** One instruction's text, possibly spanning lines (continuations, heredocs, interleaved comments). */
const instruction = (escape: string) =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(pick(KEYWORDS).chain(keywordCase), space, fc.array(word, { minLength: 0, maxLength: 8 }))
        .map(([k, s, ws]) => `${k}${s}${ws.join(' ')}`),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          pick(['RUN', 'COPY', 'CMD', 'ENV']).chain(keywordCase),
          fc.array(fc.array(word, { maxLength: 4 }), { minLength: 2, maxLength: 4 }),
          fc.boolean(),
        )
        .map(
          ([k, parts, comment]) =>
            `${k} ${parts.map((p) => p.join(' ')).join(` ${escape}\n${comment ? '# inner comment\n' : ''}  `)}`,
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          pick(['RUN', 'COPY']),
          pick(['EOF', 'END', '"EOT"']),
          fc.array(fc.array(word, { maxLength: 5 }), { maxLength: 4 }),
        )
        .map(
          ([k, marker, lines]) =>
            `${k} <<${marker}${k === 'COPY' ? ' /app/file.txt' : ''}\n${lines.map((l) => l.join(' ')).join('\n')}\n${marker.replace(/"/g, '')}`,
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          pick(['CMD', 'ENTRYPOINT', 'RUN', 'SHELL']),
          fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
        )
        .map(([k, argv]) => `${k} ${JSON.stringify(argv)}`),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((s) => `# ${s}`) },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.nat({ max: 5000 }).map((n) => `RUN echo ${'x'.repeat(n)}`) },
  );

const directives = fc.subarray(
  ['# syntax=docker/dockerfile:1', '# escape=`', '# check=skip=all', '#escape=\\'],
  { maxLength: 2 },
);

/** A whole generated Dockerfile: directives, global ARGs, one or more FROMs and random instructions. */
export const generatedDockerfile: fc.Arbitrary<FuzzInput> = directives.chain((dirs) => {
  const escape = dirs.includes('# escape=`') ? '`' : '\\';
  return fc
    .record({
      bom: fc.boolean(),
      crlf: fc.boolean(),
      finalNewline: fc.boolean(),
      globalArgs: fc.subarray(['ARG PY=3.12', 'ARG BASE', 'ARG TOKEN=abc'], { maxLength: 2 }),
      from: pick(IMAGES),
      fromKeyword: keywordCase('FROM'),
      stageName: pick(['', ' AS build', ' as builder', ' AS runtime']),
      indent: pick(['', ' ', '\t']),
      body: fc.array(instruction(escape), { maxLength: 14 }),
      lang: pick([undefined, undefined, 'python', 'rust', 'ruby', 'php', 'dotnet']),
    })
    .map((r) => {
      const lines = [
        ...dirs,
        ...r.globalArgs,
        `${r.fromKeyword} ${r.from}${r.stageName}`,
        ...r.body.map((l) => r.indent + l),
      ];
      const eol = r.crlf ? '\r\n' : '\n';
      const text =
        (r.bom ? '\uFEFF' : '') + lines.join('\n').replace(/\r?\n/g, eol) + (r.finalNewline ? eol : '');
      const contexts: Record<string, string> = {
        rust: RUST_CONTEXT,
        ruby: RUBY_CONTEXT,
        php: PHP_CONTEXT,
        dotnet: DOTNET_CONTEXT,
      };
      const context = (r.lang && contexts[r.lang]) || PYTHON_CONTEXT;
      return { text, context, lang: r.lang };
    });
});

type Mutation = (lines: string[], rand: number, extra: string) => string[];
const MUTATIONS: Mutation[] = [
  (l, r) => l.filter((_x, i) => i !== r % Math.max(1, l.length)),
  (l, r) => {
    const i = r % Math.max(1, l.length);
    return [...l.slice(0, i + 1), l[i] ?? '', ...l.slice(i + 1)];
  },
  (l, r, extra) => {
    const i = r % (l.length + 1);
    return [...l.slice(0, i), extra, ...l.slice(i)];
  },
  (l, r) => l.map((x, i) => (i === r % Math.max(1, l.length) ? `${x} \\` : x)),
  (l, r, extra) =>
    l.map((x, i) =>
      i === r % Math.max(1, l.length)
        ? x.slice(0, r % (x.length + 1)) + extra + x.slice(r % (x.length + 1))
        : x,
    ),
  (l, r) => {
    const a = r % Math.max(1, l.length);
    const b = (r >> 3) % Math.max(1, l.length);
    const c = [...l];
    [c[a], c[b]] = [c[b], c[a]];
    return c;
  },
  (l) => l.map((x) => x.toLowerCase()),
  (l) => l.map((x) => `  ${x}`),
];

/** A golden example's Dockerfile with a few random edits, converted in its own folder. */
export const mutatedExample: fc.Arbitrary<FuzzInput> = fc
  .record({
    example: pick(EXAMPLES),
    steps: fc.array(
      fc.tuple(fc.nat({ max: MUTATIONS.length - 1 }), fc.nat(), fc.oneof(word, instruction('\\'))),
      { minLength: 1, maxLength: 4 },
    ),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    truncate: fc.option(fc.nat(), { freq: 5 }),
  })
  .map(({ example, steps, crlf, bom, truncate }) => {
    let lines = example.text.split('\n');
    for (const [m, r, extra] of steps) lines = MUTATIONS[m](lines, r, extra);
    let text = lines.join(crlf ? '\r\n' : '\n');
    if (truncate !== null) text = text.slice(0, truncate % (text.length + 1));
    return { text: (bom ? '\uFEFF' : '') + text, context: example.dir };
  });

export const fuzzInput: fc.Arbitrary<FuzzInput> = fc.oneof(generatedDockerfile, mutatedExample);
