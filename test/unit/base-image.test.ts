import { imageRef } from '../../src/analyze/stage-facts';
import { parseDockerfile } from '../../src/parse/parse-dockerfile';
import { chooseRuntimeImage } from '../../src/plan/base-image';
import { loadProfiles } from '../../src';

const python = loadProfiles().find((p) => p.id === 'python')!;

function runtimeFor(fromLine: string, globals: Record<string, string> = {}) {
  const stage = parseDockerfile(`${fromLine}\n`).stages[0];
  return chooseRuntimeImage(imageRef(stage.image), python, new Map(Object.entries(globals)));
}

describe('python runtime image', () => {
  it.each([
    ['FROM python:3.9', 'python:3.9-slim'],
    ['FROM python:3.11.4', 'python:3.11.4-slim'],
    ['FROM python:3', 'python:3-slim'],
    ['FROM python', 'python:slim'],
    ['FROM python:latest', 'python:slim'],
    ['FROM python:3.11-bookworm', 'python:3.11-slim-bookworm'],
    ['FROM python:3.8.13-slim-bullseye', 'python:3.8.13-slim-bullseye'],
    ['FROM python:3.9-alpine3.13', 'python:3.9-alpine3.13'],
    ['FROM docker.io/library/python:3.10', 'docker.io/library/python:3.10-slim'],
    ['FROM registry.example.com:5000/python:3.12', 'registry.example.com:5000/python:3.12-slim'],
    ['FROM --platform=linux/amd64 python:3.11', 'python:3.11-slim'],
  ])('%s → %s', (line, expected) => {
    expect(runtimeFor(line)).toMatchObject({ ok: true, image: expected });
  });

  it('keeps an ARG-driven tag ARG-driven', () => {
    expect(runtimeFor('FROM python:${PY}', { PY: '3.11' })).toMatchObject({
      ok: true,
      image: 'python:${PY}-slim',
    });
    expect(runtimeFor('FROM python:${PY}-bookworm', { PY: '3.11' })).toMatchObject({
      ok: true,
      image: 'python:${PY}-slim-bookworm',
    });
  });

  it('drops a digest with a warning', () => {
    const choice = runtimeFor('FROM python:3.11@sha256:' + 'a'.repeat(64));
    expect(choice).toMatchObject({ ok: true, image: 'python:3.11-slim' });
    expect(choice.ok && choice.warnings.join()).toMatch(/digest/);
  });

  it.each([
    ['FROM python:${PY}', /build argument without a default/],
    ['FROM ${BASE}', /build argument without a default/],
    ['FROM bitnami/python:3.11', /no runtime image is known/],
    ['FROM cimg/python:3.11', /no runtime image is known/],
    ['FROM ghcr.io/astral-sh/uv:0.4.20', /no runtime variant/],
    ['FROM python:3.11-weird', /no runtime variant/],
  ])('%s is not converted', (line, reason) => {
    const choice = runtimeFor(line);
    expect(choice.ok).toBe(false);
    expect(!choice.ok && choice.reason).toMatch(reason);
  });
});

describe('third-party images built on the official ones', () => {
  const java = loadProfiles().find((p) => p.id === 'java')!;
  const choose = (profile: typeof python, fromLine: string, runs: string[] = []) =>
    chooseRuntimeImage(imageRef(parseDockerfile(`${fromLine}\n`).stages[0].image), profile, new Map(), runs);

  it.each<[string, string[], string]>([
    [
      'FROM tiangolo/uvicorn-gunicorn-fastapi:python3.11',
      [],
      'tiangolo/uvicorn-gunicorn-fastapi:python3.11-slim',
    ],
    ['FROM tiangolo/uvicorn-gunicorn:python3.9', [], 'tiangolo/uvicorn-gunicorn:python3.9-slim'],
    [
      'FROM tiangolo/uvicorn-gunicorn-fastapi:python3.10-slim',
      [],
      'tiangolo/uvicorn-gunicorn-fastapi:python3.10-slim',
    ],
    ['FROM tiangolo/uvicorn-gunicorn-fastapi', [], 'tiangolo/uvicorn-gunicorn-fastapi:slim'],
    ['FROM ghcr.io/astral-sh/uv:python3.12-bookworm', [], 'python:3.12-slim-bookworm'],
    ['FROM ghcr.io/astral-sh/uv:0.5.4-python3.11-bookworm-slim', ['python'], 'python:3.11-slim-bookworm'],
    ['FROM ghcr.io/astral-sh/uv:python3.12-alpine', [], 'python:3.12-alpine'],
    [
      'FROM ghcr.io/astral-sh/uv:python3.12-bookworm',
      ['uv'],
      'ghcr.io/astral-sh/uv:python3.12-bookworm-slim',
    ],
    [
      'FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim',
      ['uv'],
      'ghcr.io/astral-sh/uv:python3.12-bookworm-slim',
    ],
    ['FROM nikolaik/python-nodejs:python3.11-nodejs20', ['gunicorn'], 'python:3.11-slim'],
    ['FROM nikolaik/python-nodejs:python3.12-nodejs22-bookworm', [], 'python:3.12-slim-bookworm'],
    [
      'FROM nikolaik/python-nodejs:python3.11-nodejs20',
      ['node'],
      'nikolaik/python-nodejs:python3.11-nodejs20-slim',
    ],
    [
      'FROM nikolaik/python-nodejs:python3.11-nodejs20-slim',
      ['npm'],
      'nikolaik/python-nodejs:python3.11-nodejs20-slim',
    ],
    ['FROM public.ecr.aws/docker/library/python:3.11', [], 'public.ecr.aws/docker/library/python:3.11-slim'],
    [
      'FROM mirror.gcr.io/library/python:3.12-bookworm',
      [],
      'mirror.gcr.io/library/python:3.12-slim-bookworm',
    ],
  ])('%s (the container runs %j) → %s', (line, runs, expected) => {
    expect(choose(python, line, runs)).toMatchObject({ ok: true, image: expected });
  });

  it.each([
    ['FROM amazoncorretto:17', 'eclipse-temurin:17-jre'],
    ['FROM amazoncorretto:21-al2023', 'eclipse-temurin:21-jre'],
    ['FROM amazoncorretto:8u392-al2', 'eclipse-temurin:8-jre'],
    ['FROM amazoncorretto:17-alpine3.19', 'eclipse-temurin:17-jre-alpine'],
    ['FROM public.ecr.aws/docker/library/eclipse-temurin:21', 'eclipse-temurin:21-jre'],
  ])('%s → %s with a note', (line, expected) => {
    const choice = choose(java, line);
    expect(choice).toMatchObject({ ok: true, image: expected });
    if (line.includes('amazoncorretto')) expect(choice.ok && choice.notes.join()).toMatch(/full JDK/);
  });
});

describe('registry prefixes: mirrors of the official images', () => {
  const corp = {
    ...python,
    registryPrefixes: [
      { prefix: 'registry.corp.example/base/' },
      { prefix: 'mirror.example.com/hub', note: 'runtime image from the hub mirror' },
    ],
  };
  const choose = (fromLine: string) =>
    chooseRuntimeImage(imageRef(parseDockerfile(`${fromLine}\n`).stages[0].image), corp, new Map());

  it.each([
    ['FROM registry.corp.example/base/python:3.11', 'registry.corp.example/base/python:3.11-slim'],
    [
      'FROM registry.corp.example/base/library/python:3.11-bookworm',
      'registry.corp.example/base/library/python:3.11-slim-bookworm',
    ],
    ['FROM mirror.example.com/hub/python:3.12-alpine', 'mirror.example.com/hub/python:3.12-alpine'],
    ['FROM registry.example.com/library/python:3.11', 'registry.example.com/library/python:3.11-slim'],
  ])('%s → %s', (line, expected) => {
    expect(choose(line)).toMatchObject({ ok: true, image: expected });
  });

  it('adds the prefix note to the notes', () => {
    expect(choose('FROM mirror.example.com/hub/python:3.12')).toMatchObject({
      ok: true,
      notes: ['runtime image from the hub mirror'],
    });
  });

  it.each([
    ['a path that only starts like the prefix', 'FROM registry.corp.example/basement/python:3.11'],
    ['another registry', 'FROM registry.other.example/base/python:3.11'],
    ['the prefix alone', 'FROM registry.corp.example/base:3.11'],
  ])('does not read %s as the official image', (_name, line) => {
    expect(choose(line)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no runtime image is known/),
    });
  });

  it('without the prefix, the skip reason says how to add one', () => {
    const choice = runtimeFor('FROM registry.corp.example/base/python:3.11');
    expect(!choice.ok && choice.reason).toBe(
      'no runtime image is known for the base image "registry.corp.example/base/python:3.11"; if it mirrors an official image or is an image of your own, map it in a profile that extends the shipped one: --profile FILE (see docs/profiles.md)',
    );
  });
});
