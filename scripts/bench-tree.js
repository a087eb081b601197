/**
 * Generates a tree of fake repositories for `npm run bench`: a handful of Dockerfile and manifest
 * templates (Python, Node, Go, Java, Rust, PHP, Ruby, .NET, static sites, already multi-stage) with seeded variations
 * (versions, ports, package managers, extra steps, comments, sub-services), not copies of a corpus.
 */
'use strict';
const fs = require('fs');
const path = require('path');

function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const pick = (r, list) => list[Math.floor(r() * list.length)];

const TEMPLATES = [
  // Python, requirements.txt
  (r, name) => {
    const version = pick(r, ['3.9', '3.10', '3.11', '3.12']);
    const framework = pick(r, ['flask', 'django', 'fastapi', 'celery', 'requests']);
    const port = pick(r, [5000, 8000, 8080]);
    const apt =
      r() < 0.4
        ? `RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\\n    && rm -rf /var/lib/apt/lists/*\n`
        : '';
    const user = r() < 0.5 ? 'RUN useradd --create-home appuser\nUSER appuser\n' : '';
    return {
      Dockerfile: `FROM python:${version}${r() < 0.3 ? '-bookworm' : ''}\n\n# ${name}: ${framework} service\nENV PYTHONDONTWRITEBYTECODE=1 \\\n    PYTHONUNBUFFERED=1\nWORKDIR /app\n${apt}COPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n${user}EXPOSE ${port}\nCMD ["python", "-m", "${name.replace(/-/g, '_')}"]\n`,
      'requirements.txt': `${framework}==${Math.floor(r() * 4) + 1}.${Math.floor(r() * 10)}.0\nrequests>=2.31\n${r() < 0.4 ? 'psycopg2==2.9.9\n' : ''}`,
      [`${name.replace(/-/g, '_')}/__main__.py`]: 'print("hello")\n',
      '.gitignore': '__pycache__/\n*.pyc\n.venv/\n',
    };
  },
  // Python, pyproject + poetry
  (r, name) => ({
    Dockerfile: `FROM python:${pick(r, ['3.11', '3.12'])}-slim\nWORKDIR /srv\nRUN pip install --no-cache-dir poetry==1.8.3\nCOPY pyproject.toml poetry.lock ./\nRUN poetry config virtualenvs.create false && poetry install --no-root --only main\nCOPY . .\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "${name.replace(/-/g, '_')}.wsgi:app"]\n`,
    'pyproject.toml': `[tool.poetry]\nname = "${name}"\nversion = "0.1.0"\n\n[tool.poetry.dependencies]\npython = "^3.11"\nflask = "^3.0"\ngunicorn = "^22.0"\n`,
    'poetry.lock': '# generated\n',
  }),
  // Node
  (r, name) => {
    const pm = pick(r, ['npm', 'yarn']);
    const install =
      pm === 'npm'
        ? 'COPY package*.json ./\nRUN npm ci'
        : 'COPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile';
    return {
      Dockerfile: `FROM node:${pick(r, ['18', '20', '22'])}${r() < 0.3 ? '-bookworm' : ''}\nWORKDIR /usr/src/app\n${install}\nCOPY . .\nRUN ${pm} run build\nEXPOSE ${pick(r, [3000, 8080])}\nCMD ["node", "dist/server.js"]\n`,
      'package.json': JSON.stringify(
        {
          name,
          version: '1.0.0',
          scripts: { build: 'tsc', start: 'node dist/server.js' },
          dependencies: { express: '^4.19.2' },
          devDependencies: { typescript: '^5.4.0' },
        },
        null,
        2,
      ),
      ...(pm === 'yarn'
        ? { 'yarn.lock': '# yarn lockfile v1\n' }
        : { 'package-lock.json': '{"lockfileVersion":3}\n' }),
      'src/server.ts': 'console.log("hi");\n',
      '.gitignore': 'node_modules/\ndist/\n',
    };
  },
  // Go
  (r, name) => ({
    Dockerfile: `FROM golang:${pick(r, ['1.21', '1.22', '1.19'])}\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /bin/${name} ./cmd/${name}\nEXPOSE 8080\nENTRYPOINT ["/bin/${name}"]\n`,
    'go.mod': `module github.com/example/${name}\n\ngo 1.21\n`,
    'go.sum': '',
    [`cmd/${name}/main.go`]: 'package main\n\nfunc main() {}\n',
  }),
  // Java, Maven
  (r, name) => ({
    Dockerfile: `FROM maven:3.9-eclipse-temurin-${pick(r, ['17', '21'])}\nWORKDIR /build\nCOPY pom.xml .\nRUN mvn -B dependency:go-offline\nCOPY src ./src\nRUN mvn -B package -DskipTests\nEXPOSE 8080\nCMD ["java", "-jar", "target/${name}-1.0.0.jar"]\n`,
    'pom.xml': `<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId><artifactId>${name}</artifactId><version>1.0.0</version></project>\n`,
    'src/main/java/App.java': 'class App {}\n',
  }),
  // Static site on nginx (nothing to do)
  () => ({
    Dockerfile: 'FROM nginx:alpine\nCOPY public/ /usr/share/nginx/html/\n',
    'public/index.html': '<h1>hi</h1>\n',
  }),
  // Already multi-stage
  (r, name) => ({
    Dockerfile: `FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/${name} .\n\nFROM gcr.io/distroless/base-debian12\nCOPY --from=build /out/${name} /\nENTRYPOINT ["/${name}"]\n`,
    'go.mod': `module example.com/${name}\n`,
  }),
  // Rust: dependency-cache layer, cargo build --release, the binary from target/release
  (r, name) => ({
    Dockerfile: `FROM rust:${pick(r, ['1.79', '1.83-slim', '1-bookworm'])}\nWORKDIR /app\nCOPY Cargo.toml Cargo.lock ./\nRUN mkdir src && echo 'fn main() {}' > src/main.rs && cargo build --release && rm -rf src\nCOPY . .\nRUN touch src/main.rs && cargo build --release\nEXPOSE 8080\nCMD ["./target/release/${name}"]\n`,
    'Cargo.toml': `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\naxum = "0.7"\ntokio = { version = "1", features = ["full"] }\n`,
    'Cargo.lock': `version = 3\n\n[[package]]\nname = "${name}"\nversion = "0.1.0"\n`,
    'src/main.rs': 'fn main() {}\n',
  }),
  // PHP: composer from its image, extensions compiled against -dev headers, Apache's document root
  (r, name) => {
    const tag = pick(r, ['8.2-apache', '8.3-apache-bookworm', '8.3-fpm']);
    const intl = r() < 0.5;
    const apache = tag.includes('apache')
      ? "ENV APACHE_DOCUMENT_ROOT=/var/www/html/public\nRUN sed -ri -e 's!/var/www/html!${APACHE_DOCUMENT_ROOT}!g' /etc/apache2/sites-available/*.conf && a2enmod rewrite\n"
      : '';
    return {
      Dockerfile: `FROM php:${tag}\nRUN apt-get update && apt-get install -y --no-install-recommends git unzip libzip-dev${intl ? ' libicu-dev' : ''} \\\n    && docker-php-ext-install -j$(nproc) zip pdo_mysql${intl ? ' intl' : ''} \\\n    && rm -rf /var/lib/apt/lists/*\nCOPY --from=composer:2 /usr/bin/composer /usr/bin/composer\n${apache}WORKDIR /var/www/html\nCOPY composer.json composer.lock ./\nRUN composer install --no-dev --no-scripts --no-autoloader\nCOPY . .\nRUN composer dump-autoload --optimize && chown -R www-data:www-data storage\nUSER www-data\n`,
      'composer.json': JSON.stringify(
        { name: `example/${name}`, require: { php: '^8.2', 'slim/slim': '^4.12' } },
        null,
        2,
      ),
      'composer.lock': '{"packages": []}\n',
      'public/index.php': '<?php\necho "hi";\n',
      'storage/.gitkeep': '',
    };
  },
  // Ruby, Bundler (Sinatra/Rails/Sidekiq shapes)
  (r, name) => {
    const framework = pick(r, ['sinatra', 'rails', 'sidekiq']);
    const command = {
      sinatra: '["bundle", "exec", "puma", "-b", "tcp://0.0.0.0:9292", "config.ru"]',
      rails: '["./bin/rails", "server", "-b", "0.0.0.0"]',
      sidekiq: '["bundle", "exec", "sidekiq"]',
    }[framework];
    const assets = framework === 'rails' ? 'RUN SECRET_KEY_BASE_DUMMY=1 ./bin/rails assets:precompile\n' : '';
    const without = r() < 0.5 ? "bundle config set --local without 'development test' && " : '';
    return {
      Dockerfile: `FROM ruby:${pick(r, ['3.1', '3.2', '3.3'])}\n# ${name}: ${framework} service\nENV RACK_ENV=production\nWORKDIR /app\nCOPY Gemfile Gemfile.lock ./\nRUN ${without}bundle install --jobs 4\nCOPY . .\n${assets}CMD ${command}\n`,
      Gemfile: `source "https://rubygems.org"\n\ngem "${framework}"\ngem "puma"\ngem "pg"\n\ngroup :test do\n  gem "rspec"\nend\n`,
      'Gemfile.lock': `GEM\n  remote: https://rubygems.org/\n  specs:\n    pg (1.5.6)\n    puma (6.4.2)\n    ${framework} (${Math.floor(r() * 4) + 4}.0.0)\n\nPLATFORMS\n  x86_64-linux\n`,
      'config.ru': 'run ->(env) { [200, {}, ["ok"]] }\n',
    };
  },
  // .NET: restore layer, dotnet publish -o out, the DLL (web API or worker)
  (r, name) => {
    const web = r() < 0.7;
    const project = name.replace(/-/g, '.');
    const tag = pick(r, ['6.0', '8.0', '8.0-alpine', '9.0']);
    return {
      Dockerfile: `FROM mcr.microsoft.com/dotnet/sdk:${tag}\nWORKDIR /src\nCOPY ${project}.csproj ./\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish -c Release -o /app/out --no-restore\nWORKDIR /app/out\n${web ? 'EXPOSE 8080\n' : ''}ENTRYPOINT ["dotnet", "${project}.dll"]\n`,
      [`${project}.csproj`]: `<Project Sdk="Microsoft.NET.Sdk${web ? '.Web' : '.Worker'}">\n  <PropertyGroup>\n    <TargetFramework>net${tag.slice(0, 3)}</TargetFramework>\n  </PropertyGroup>\n</Project>\n`,
      'Program.cs': 'Console.WriteLine("hello");\n',
      'appsettings.json': '{ "Logging": { "LogLevel": { "Default": "Information" } } }\n',
    };
  },
];
const WEIGHTS = [4, 1, 3, 1, 1, 1, 1, 1, 1, 1, 1]; // Python-heavy, like the shipped profiles

/** Writes `count` repositories under `root`; returns the relative paths of every Dockerfile. */
function generateTree(root, count, seed = 42) {
  const r = rng(seed);
  const table = WEIGHTS.flatMap((w, i) => Array(w).fill(i));
  const dockerfiles = [];
  for (let i = 0; i < count; i++) {
    const name = `svc-${i.toString(36)}`;
    const repo = path.join(root, `repo-${String(i).padStart(5, '0')}`);
    const files = TEMPLATES[pick(r, table)](r, name);
    if (r() < 0.15) {
      // a second service in a sub-folder, and sometimes an ignored or vendored Dockerfile
      const sub = TEMPLATES[pick(r, table)](r, `${name}-worker`);
      for (const [rel, text] of Object.entries(sub)) files[`services/worker/${rel}`] = text;
    }
    if (r() < 0.1) files['node_modules/some-dep/Dockerfile'] = 'FROM alpine\n';
    for (const [rel, text] of Object.entries(files)) {
      const file = path.join(repo, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      if (/(^|\/)Dockerfile$/.test(rel) && !rel.startsWith('node_modules/'))
        dockerfiles.push(path.join(repo, rel));
    }
  }
  return dockerfiles;
}

module.exports = { generateTree };
