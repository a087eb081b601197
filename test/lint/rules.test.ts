/**
 * One case table per lint rule (typescript-eslint style): `valid` Dockerfiles give no finding
 * of the rule, `invalid` ones give exactly the listed findings (line, severity, subject).
 */
import { existsSync } from 'fs';
import * as path from 'path';
import { lintText } from '../../src/lint/lint';
import { RULES } from '../../src/lint/rules';

type Expected = { line: number; severity: 'error' | 'warning'; subject: string };
interface RuleCases {
  valid: string[];
  invalid: { code: string; findings: Expected[] }[];
}

const error = (line: number, subject: string): Expected => ({ line, severity: 'error', subject });
const warning = (line: number, subject: string): Expected => ({ line, severity: 'warning', subject });

const CASES: Record<string, RuleCases> = {
  MSB001: {
    valid: [
      'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=build /app /app\n',
      'FROM golang:1.22 AS Build\nFROM alpine:3.20\nCOPY --from=BUILD /app /app\n',
      'FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /app /app\n',
      'FROM python:3.12\nCOPY --from=ghcr.io/astral-sh/uv:0.4 /uv /bin/\n',
      'FROM python:3.12\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n',
      'ARG SRC=build\nFROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=$SRC /app /app\n',
    ],
    invalid: [
      {
        code: 'FROM alpine:3.20 AS runtime\nCOPY --from=build /app /app\nFROM golang:1.22 AS build\n',
        findings: [error(2, 'build')],
      },
      { code: 'FROM alpine:3.20 AS runtime\nCOPY --from=runtime /a /b\n', findings: [error(2, 'runtime')] },
      { code: 'FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=1 /app /app\n', findings: [error(3, '1')] },
      { code: 'FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=7 /app /app\n', findings: [error(3, '7')] },
      {
        code: 'FROM golang:1.22 AS builder\nFROM alpine:3.20\nCOPY --from=buidler /app /app\n',
        findings: [warning(3, 'buidler')],
      },
    ],
  },
  MSB002: {
    valid: [
      'FROM golang:1.22 AS build\nFROM alpine:3.20 AS runtime\n',
      'FROM golang:1.22\nFROM alpine:3.20\n',
    ],
    invalid: [
      {
        code: 'FROM golang:1.22 AS build\nFROM node:20 AS build\nFROM alpine:3.20\n',
        findings: [error(2, 'build')],
      },
      { code: 'FROM golang:1.22 AS build\nFROM node:20 AS BUILD\n', findings: [error(2, 'build')] },
    ],
  },
  MSB003: {
    valid: [
      'FROM python:3.12-slim\n',
      'FROM golang:1.22 AS build\nFROM scratch\n',
      'FROM python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
      'ARG BASE=python:3.12\nFROM $BASE\n',
      'FROM python:latest AS build\nFROM python:3.12-slim\n',
      'FROM python:3.12 AS base\nFROM base\n',
    ],
    invalid: [
      { code: 'FROM golang:1.22 AS build\nFROM alpine\n', findings: [warning(2, 'alpine')] },
      { code: 'FROM python:latest\n', findings: [warning(1, 'python')] },
      {
        code: 'FROM registry.example.com:5000/team/app\n',
        findings: [warning(1, 'registry.example.com:5000/team/app')],
      },
    ],
  },
  MSB004: {
    valid: [
      'ARG V=3.12\nFROM python:${V}\n',
      'ARG V=3.12\nFROM python:${V}\nARG V\nRUN echo $V\n',
      'FROM python:3.12\nARG APP=/app\nWORKDIR $APP\n',
      'FROM python:3.12\nRUN echo $HOME $PATH\n',
      'ARG V\nFROM python:3.12\nRUN echo ${V:-default}\n',
      'ARG V\nFROM python:3.12\nRUN echo \\$V\n',
      'FROM python:3.12\nENV V=1\nRUN echo $V\n',
      'FROM python:3.12 AS base\nARG V=1\nENV V=$V\nFROM base\nRUN echo $V\n',
      'FROM python:3.12 AS base\nARG V=1\nENV V=$V\nFROM base AS mid\nENV W=2\nFROM mid\nRUN echo $V $W\n',
      'ARG V\nFROM python:3.12\nCMD echo $V\n',
    ],
    invalid: [
      { code: 'ARG V=3.12\nFROM python:${V}\nRUN echo $V\n', findings: [error(3, 'V')] },
      {
        code: 'FROM python:3.12 AS build\nARG GREETING=hi\nFROM python:3.12-slim\nENV GREETING=${GREETING}\n',
        findings: [error(4, 'GREETING')],
      },
      {
        code: 'FROM python:3.12 AS build\nARG A\nARG B\nFROM alpine:3.20\nRUN echo $A$B && echo $A\n',
        findings: [error(5, 'A'), error(5, 'B')],
      },
      { code: 'ARG V\nFROM python:3.12\nRUN echo $V\nARG V\nRUN echo $V\n', findings: [error(3, 'V')] },
      {
        code: 'FROM python:3.12 AS base\nARG V=1\nFROM base AS other\nENV V=$V\nFROM base\nRUN echo $V\n',
        findings: [error(4, 'V'), error(6, 'V')],
      },
    ],
  },
  MSB005: {
    valid: [
      'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      'FROM python:3.12\nRUN pip install --no-cache-dir flask\n',
      'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n',
      'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache pip install flask\n',
      'FROM python:3.12 AS build\nRUN pip install flask\nFROM python:3.12-slim\n',
    ],
    invalid: [
      {
        code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
        findings: [warning(2, 'apt-lists')],
      },
      { code: 'FROM alpine:3.20\nRUN apk add curl\n', findings: [warning(2, 'apk-cache')] },
      { code: 'FROM python:3.12\nRUN python -m pip install flask\n', findings: [warning(2, 'pip-cache')] },
      {
        code: 'FROM python:3.12\nRUN pip3 install -r requirements.txt \\\n  && apt-get install -y libpq5\n',
        findings: [warning(2, 'pip-cache'), warning(2, 'apt-lists')],
      },
    ],
  },
  MSB006: {
    valid: [
      'FROM python:3.12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n',
      'FROM python:3.12\nENV KEYCLOAK_URL=http://kc TOKENIZERS_PARALLELISM=false\n',
      'FROM python:3.12\nENV API_TOKEN=\n',
      'FROM python:3.12 AS build\nARG NPM_TOKEN\nENV NPM_TOKEN=$NPM_TOKEN\nFROM python:3.12-slim\n',
      'FROM python:3.12\nENV PUBLIC_KEY=ssh-ed25519\n',
    ],
    invalid: [
      { code: 'FROM python:3.12\nENV SECRET_KEY=dev\n', findings: [error(2, 'SECRET_KEY')] },
      { code: 'FROM python:3.12\nENV DB_PASSWORD pw\n', findings: [error(2, 'DB_PASSWORD')] },
      {
        code: 'FROM python:3.12\nARG GITHUB_TOKEN\nENV A=1 AWS_SECRET_ACCESS_KEY=x\n',
        findings: [warning(2, 'GITHUB_TOKEN'), error(3, 'AWS_SECRET_ACCESS_KEY')],
      },
      { code: 'FROM python:3.12\nENV STRIPE_APIKEY=sk\n', findings: [error(2, 'STRIPE_APIKEY')] },
    ],
  },
  MSB007: {
    valid: [
      'FROM python:3.12\nCOPY .env.example /app/\n',
      'FROM python:3.12\nCOPY . /app\n',
      'FROM python:3.12 AS build\nCOPY .env /app/\nFROM python:3.12-slim\n',
      'FROM python:3.12\nCOPY .gitignore /app/\n',
    ],
    invalid: [
      { code: 'FROM python:3.12\nCOPY .env /app/\n', findings: [error(2, '.env')] },
      {
        code: 'FROM python:3.12\nCOPY app.py config/.env.production /app/\n',
        findings: [error(2, '.env.production')],
      },
      {
        code: 'FROM python:3.12 AS build\nFROM python:3.12-slim\nCOPY --from=build /src/.git/ /app/.git\n',
        findings: [error(3, '.git')],
      },
      { code: 'FROM python:3.12\nADD [".env", "/app/"]\n', findings: [error(2, '.env')] },
    ],
  },
  MSB008: {
    valid: [
      'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n',
      'FROM alpine:3.20\nCOPY / /dest\n',
    ],
    invalid: [
      {
        code: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build / /\n',
        findings: [error(3, 'build')],
      },
      {
        code: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /. /root\n',
        findings: [error(3, 'build')],
      },
    ],
  },
};

describe.each(RULES.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
  const cases = CASES[id];

  it('has a case table, a module named after its id and a description', () => {
    expect(cases).toBeDefined();
    expect(cases.valid.length).toBeGreaterThan(0);
    expect(cases.invalid.length).toBeGreaterThan(0);
    expect(existsSync(path.join(__dirname, '..', '..', 'src', 'lint', 'rules', `${id}.ts`))).toBe(true);
    expect(rule.description).toMatch(/\S/);
  });

  it.each((cases?.valid ?? []).map((code) => [JSON.stringify(code), code]))('valid: %s', (_name, code) => {
    expect(lintText(code).filter((f) => f.rule === id)).toEqual([]);
  });

  it.each((cases?.invalid ?? []).map((c) => [JSON.stringify(c.code), c] as const))(
    'invalid: %s',
    (_name, c) => {
      const found = lintText(c.code)
        .filter((f) => f.rule === id)
        .map(({ line, severity, subject }) => ({ line, severity, subject }));
      expect(found).toEqual(c.findings);
      for (const f of lintText(c.code).filter((x) => x.rule === id)) expect(f.message).toMatch(/\S/);
    },
  );
});

it('rule ids are unique and sequential', () => {
  expect(RULES.map((r) => r.id)).toEqual(RULES.map((_r, i) => `MSB${String(i + 1).padStart(3, '0')}`));
});

it('--ignore leaves a rule out', () => {
  expect(lintText('FROM python:latest\n', 'Dockerfile', { ignore: ['msb003'] })).toEqual([]);
});

it('MSB007 reports a copy the conversion carried over from the original image as a warning', () => {
  const code =
    'FROM golang:1.22 AS builder\nCOPY . /app\nFROM alpine:3.20\nCOPY --from=builder /app/.env /app/.env\nCOPY --from=builder /app/.env.local /app/\n';
  const found = lintText(code, 'Dockerfile', { carriedOver: new Set(['/app/.env']) }).filter(
    (f) => f.rule === 'MSB007',
  );
  expect(found.map(({ line, severity, subject }) => ({ line, severity, subject }))).toEqual([
    warning(4, '.env'),
    error(5, '.env.local'),
  ]);
  expect(found[0].message).toContain('as the original image had it');
});
