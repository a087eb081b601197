import { mkdtempSync, writeFileSync, mkdirSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { detectText } from '../../src';

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'msb-detect-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function detect(dockerfile: string, files: Record<string, string> = {}, lang?: string) {
  const dir = repo(files);
  return detectText(dockerfile, { file: path.join(dir, 'Dockerfile'), context: dir, lang });
}

describe('detector', () => {
  it.each([
    [
      'requirements + pip',
      'FROM python:3.11\nRUN pip install -r requirements.txt\n',
      { 'requirements.txt': 'flask==3.0\n' },
      'python',
      'flask',
      'pip',
    ],
    [
      'poetry',
      'FROM python:3.11\nRUN pip install poetry && poetry install\n',
      {
        'pyproject.toml': '[tool.poetry]\nname="x"\n[tool.poetry.dependencies]\nfastapi="*"\n',
        'poetry.lock': '',
      },
      'python',
      'fastapi',
      'poetry',
    ],
    [
      'pipenv',
      'FROM python:3.9\nRUN pipenv install --system --deploy\n',
      { Pipfile: '[packages]\ndjango = "*"\n' },
      'python',
      'django',
      'pipenv',
    ],
    [
      'uv',
      'FROM python:3.12-slim\nRUN uv sync --locked\n',
      { 'pyproject.toml': '[project]\nname="x"\ndependencies=["streamlit>=1"]\n', 'uv.lock': '' },
      'python',
      'streamlit',
      'uv',
    ],
    [
      'Django by manage.py',
      'FROM python:3\nCOPY . .\n',
      { 'manage.py': '', 'requirements.txt': '' },
      'python',
      'django',
      'pip',
    ],
    [
      'ARG-driven python base, no manifests',
      'ARG V=3.11\nFROM python:${V}\nCMD ["python", "x.py"]\n',
      {},
      'python',
      null,
      'pip',
    ],
    // Rust: an application built with cargo, and lookalikes that only use cargo for a tool or an extension.
    [
      'rust: cargo build on a rust image',
      'FROM rust:1.79\nCOPY . .\nRUN cargo build --release\nCMD ["./target/release/app"]\n',
      { 'Cargo.toml': '[package]\nname = "app"\n[dependencies]\naxum = "0.7"\n', 'src/main.rs': '' },
      'rust',
      'axum',
      'cargo',
    ],
    [
      'rust lookalike: a Python image that cargo-installs a tool',
      'FROM python:3.11\nRUN apt-get install -y cargo && cargo install just\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n',
      { 'requirements.txt': 'flask\n' },
      'python',
      'flask',
      'pip',
    ],
    [
      'rust lookalike: a maturin extension in a Python project',
      'FROM python:3.12\nCOPY . .\nRUN pip install .\nCMD ["python", "-m", "app"]\n',
      {
        'pyproject.toml': '[build-system]\nbuild-backend = "maturin"\n[project]\nname = "x"\n',
        'Cargo.toml': '[package]\nname = "x"\n[lib]\ncrate-type = ["cdylib"]\n',
        'Cargo.lock': '',
        'src/lib.rs': '',
      },
      'python',
      null,
      'pip',
    ],
  ])('%s', (_name, dockerfile, files, language, framework, packageManager) => {
    const detection = detect(dockerfile, files);
    expect(detection).toMatchObject({ language, framework, packageManager });
    expect(detection.confidence).toBeGreaterThanOrEqual(0.5);
    expect(detection.evidence.length).toBeGreaterThan(0);
  });

  // .NET: a project or dotnet commands make an app; the SDK image or a dotnet tool alone do not.
  it.each<[string, string, Record<string, string>, string | null]>([
    [
      'ASP.NET Core project published on the SDK image',
      'FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY . .\nRUN dotnet publish -o out\nCMD ["dotnet", "out/Api.dll"]\n',
      { 'Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>' },
      'dotnet',
    ],
    [
      'a solution in a subfolder with dotnet restore',
      'FROM mcr.microsoft.com/dotnet/sdk:6.0\nRUN dotnet restore src/All.sln\n',
      { 'src/All.sln': '', 'src/A/A.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>' },
      'dotnet',
    ],
    [
      'a dotnet tool installed in a Python image',
      'FROM python:3.11\nRUN apt-get update && apt-get install -y dotnet-sdk-8.0 && dotnet tool install -g dotnet-reportgenerator-globaltool\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n',
      { 'requirements.txt': 'flask\n', 'app.py': '' },
      'python',
    ],
    [
      'a Node app whose build calls a .NET code generator',
      'FROM node:20\nCOPY . .\nRUN npm ci && dotnet nswag run\nCMD ["node", "server.js"]\n',
      { 'package.json': '{"name":"x","dependencies":{"express":"4"}}', 'server.js': '' },
      'node',
    ],
    [
      'the SDK image as a build agent, nothing .NET in it',
      'FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN apt-get update && apt-get install -y zip\n',
      {},
      null,
    ],
  ])('.NET: %s', (_name, dockerfile, files, language) => {
    expect(detect(dockerfile, files).language).toBe(language);
  });

  it('says unknown when nothing matches, keeping the candidates', () => {
    const detection = detect('FROM debian:bookworm-slim\nRUN ./build.sh\n');
    expect(detection.language).toBeNull();
  });

  it('keeps every candidate with its evidence', () => {
    const detection = detect('FROM python:3.11\nRUN pip install -r requirements.txt\n', {
      'requirements.txt': '',
    });
    expect(detection.candidates[0]).toMatchObject({ language: 'python' });
    expect(detection.candidates[0].evidence.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['file', 'base-image', 'command']),
    );
  });

  it('lets --lang override the detection, and says so', () => {
    const detection = detect('FROM debian:bookworm-slim\n', {}, 'python');
    expect(detection).toMatchObject({ language: 'python', overridden: true, confidence: 1 });
    expect(detection.evidence[0]).toMatchObject({ kind: 'override' });
  });

  it('rejects an unknown --lang', () => {
    expect(() => detect('FROM x\n', {}, 'cobol')).toThrow(/unknown language "cobol"/);
  });

  it('ignores manifests in subfolders for top-level rules', () => {
    const detection = detect('FROM debian:bookworm-slim\n', { 'docs/requirements.txt': 'sphinx\n' });
    expect(detection.language).toBeNull();
  });
});

describe('detector: PHP', () => {
  const laravel = JSON.stringify({ require: { php: '^8.2', 'laravel/framework': '^11.0' } });
  it.each([
    [
      'Laravel on php-fpm',
      'FROM php:8.3-fpm\nCOPY --from=composer:2 /usr/bin/composer /usr/bin/composer\nCOPY . .\nRUN composer install --no-dev\n',
      { 'composer.json': laravel, 'composer.lock': '{}', artisan: '' },
      'php',
      'laravel',
      'composer',
    ],
    [
      'Slim on php-apache',
      'FROM php:8.2-apache\nCOPY . /var/www/html\nRUN composer install\n',
      { 'composer.json': JSON.stringify({ require: { 'slim/slim': '^4.0' } }) },
      'php',
      'slim',
      'composer',
    ],
    [
      'Symfony by symfony.lock, composer.json listing nothing',
      'FROM php:8.2-cli\nCOPY . /app\nCMD ["php", "/app/bin/console"]\n',
      { 'composer.json': '{}', 'symfony.lock': '{}' },
      'php',
      'symfony',
      'composer',
    ],
    [
      'plain pages, no composer',
      'FROM php:8.2-apache\nCOPY src/ /var/www/html/\n',
      { 'src/index.php': '<?php echo 1;' },
      'php',
      null,
      null,
    ],
    // Lookalikes: composer or PHP only as a tool in another language's image.
    [
      'composer fetching a code sniffer in a Python image',
      'FROM python:3.11\nCOPY --from=composer:2 /usr/bin/composer /usr/bin/composer\nRUN composer global require squizlabs/php_codesniffer\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n',
      { 'requirements.txt': 'flask\n' },
      'python',
      'flask',
      'pip',
    ],
    [
      'php-cli and composer for a build-time linter in a Node image',
      'FROM node:20\nRUN apt-get update && apt-get install -y php-cli composer && composer global require phpstan/phpstan\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n',
      { 'package.json': JSON.stringify({ dependencies: { express: '^4' } }), 'package-lock.json': '{}' },
      'node',
      'express',
      'npm',
    ],
  ])('%s', (_name, dockerfile, files, language, framework, packageManager) => {
    const detection = detect(dockerfile, files);
    expect(detection).toMatchObject({ language, framework, packageManager });
    expect(detection.confidence).toBeGreaterThanOrEqual(0.5);
  });
});

// Ruby: apps with their evidence, and Ruby tools inside other languages' images that are not Ruby apps.
describe('detector: ruby', () => {
  const LOCK = 'GEM\n  remote: https://rubygems.org/\n  specs:\n    rails (7.1.3)\n    railties (7.1.3)\n';
  it.each([
    [
      'Rails by Gemfile.lock and bin/rails',
      'FROM ruby:3.3\nRUN bundle install\nCMD ["./bin/rails", "server"]\n',
      { Gemfile: 'gem "rails"\n', 'Gemfile.lock': LOCK, 'bin/rails': '' },
      'ruby',
      'rails',
    ],
    [
      'Sidekiq worker on a private mirror of the ruby image',
      'FROM mirror.gcr.io/library/ruby:3.2-slim\nRUN bundle install\nCMD bundle exec sidekiq\n',
      { Gemfile: 'gem "sidekiq"\n' },
      'ruby',
      'sidekiq',
    ],
    [
      'Rack app by config.ru without a lock',
      'FROM ruby:3.1\nRUN gem install rack puma\nCMD ["puma", "config.ru"]\n',
      { 'config.ru': 'run ->(env) { [200, {}, ["ok"]] }\n' },
      'ruby',
      'rack',
    ],
    [
      'a Node app that installs asciidoctor for its docs',
      'FROM node:20\nRUN apt-get update && apt-get install -y ruby && gem install asciidoctor\nRUN npm ci && npm run build\nCMD ["node", "server.js"]\n',
      { 'package.json': '{"dependencies":{"express":"4"}}\n', 'package-lock.json': '{}\n' },
      'node',
      'express',
    ],
    [
      'a Python app with a Jekyll site (Gemfile) for its documentation',
      'FROM python:3.11\nRUN pip install -r requirements.txt\nCMD ["gunicorn", "app:app"]\n',
      { 'requirements.txt': 'flask\n', Gemfile: 'gem "jekyll"\n', 'Gemfile.lock': '' },
      'python',
      'flask',
    ],
    [
      'sass installed with gem in a Python image',
      'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y ruby && gem install sass\nCOPY . .\nCMD ["python", "main.py"]\n',
      {},
      'python',
      null,
    ],
  ])('%s', (_name, dockerfile, files, language, framework) => {
    expect(detect(dockerfile, files)).toMatchObject({ language, framework });
  });
});
