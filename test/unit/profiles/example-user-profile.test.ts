/**
 * The documented user profile (docs/profiles/corp-python.yaml) loads, replaces the shipped
 * python profile, and converts a Dockerfile on the internal-registry image exactly as the
 * official image converts, with the registry kept in both stages.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { convertText, createEnvironment } from '../../../src';

const root = path.join(__dirname, '..', '..', '..');
const userProfile = path.join(root, 'docs', 'profiles', 'corp-python.yaml');
const example = path.join(root, 'examples', 'python-requirements-console-script');
const official = 'FROM python:3.11';
const internal = 'FROM registry.corp.example/base/python:3.11';

describe('docs/profiles/corp-python.yaml', () => {
  const environment = createEnvironment([userProfile]);
  const convert = (text: string, env = environment) =>
    convertText(text, { file: path.join(example, 'Dockerfile'), context: example, environment: env });
  const dockerfile = readFileSync(path.join(example, 'Dockerfile'), 'utf8');

  it('replaces the shipped python profile (it extends python and gives no id)', () => {
    expect(environment.profiles.filter((p) => p.id === 'python').map((p) => p.source)).toEqual([userProfile]);
  });

  it('converts the internal-registry image as the official one, keeping the registry', () => {
    expect(dockerfile).toContain(official);
    const result = convert(dockerfile.replace(official, internal));
    const golden = readFileSync(path.join(example, 'Dockerfile.expected'), 'utf8');
    expect(result.status).toBe('converted');
    expect(result.output).toBe(
      golden.replace(/^FROM python:3\.11(-slim)?\b/gm, (line) =>
        line.replace('python:', 'registry.corp.example/base/python:'),
      ),
    );
    expect(result.runtimeImage).toBe('registry.corp.example/base/python:3.11-slim');
  });

  it('is needed: without it the image is skipped with a hint naming --profile', () => {
    const result = convert(dockerfile.replace(official, internal), createEnvironment());
    expect(result).toMatchObject({ status: 'skipped', reason: expect.stringContaining('--profile FILE') });
  });

  it('maps the company base image by its own runtime rule', () => {
    const result = convert(
      dockerfile.replace(official, 'FROM registry.corp.example/platform/python-service:3.11'),
    );
    expect(result.runtimeImage).toBe('registry.corp.example/platform/python-service:3.11-slim');
  });
});
