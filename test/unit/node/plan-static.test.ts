/** Static front ends: nginx on the original port, the built folder only, the original's index.html fallback. */
import { addedStages, convert, pkg } from './node-fixtures';

const vite = {
  'package.json': pkg({ devDependencies: { vite: '5' }, scripts: { build: 'vite build' } }),
  'package-lock.json': '{}',
};
const cra = {
  'package.json': pkg({
    dependencies: { react: '18', 'react-scripts': '5' },
    scripts: { start: 'react-scripts start', build: 'react-scripts build' },
  }),
};
const built = (cmd: string, extra = '') =>
  `FROM node:18\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n${extra}${cmd}\n`;

describe('static front ends', () => {
  it.each([
    [
      'serve -s',
      built('CMD ["npx", "serve", "-s", "build", "-l", "3000"]'),
      cra,
      3000,
      '/app/build',
      // serve -s answers /about with index.html even when about.html exists: no clean URLs
      'try_files $uri $uri/ /index.html;',
    ],
    [
      'serve without -s keeps 404s',
      built('CMD ["npx", "serve", "build"]'),
      cra,
      3000,
      '/app/build',
      'try_files $uri $uri.html $uri/ =404;',
    ],
    [
      'vite preview serves outDir',
      built('CMD ["npx", "vite", "preview", "--port", "4173", "--host"]'),
      { ...vite, 'vite.config.js': "export default { build: { outDir: 'site' } }" },
      4173,
      '/app/site',
      'try_files $uri $uri/ /index.html;',
    ],
    [
      'through an npm script',
      built('CMD ["npm", "run", "preview"]'),
      {
        'package.json': pkg({
          devDependencies: { vite: '5' },
          scripts: { build: 'vite build', preview: 'vite preview --port 8080' },
        }),
      },
      8080,
      '/app/dist',
      'listen 8080;',
    ],
    [
      'http-server with the --proxy fallback',
      built('CMD ["npx", "http-server", "dist", "-p", "8081", "--proxy", "http://localhost:8081?"]'),
      vite,
      8081,
      '/app/dist',
      '/index.html;',
    ],
    [
      'serve port from ENV PORT',
      built('CMD serve -s build', 'ENV PORT=5000\n'),
      cra,
      5000,
      '/app/build',
      'listen 5000;',
    ],
  ])('%s', (_name, dockerfile, files, port, dir, config) => {
    const result = convert(dockerfile, files);
    expect(result.status).toBe('converted');
    const runtime = addedStages(result);
    expect(runtime).toContain('FROM nginx:alpine AS runtime');
    expect(runtime).toContain(`'    listen ${port};'`);
    expect(runtime).toContain(`COPY --from=builder ${dir} /usr/share/nginx/html`);
    expect(runtime).toContain(config);
    expect(runtime).not.toMatch(/^(CMD|WORKDIR|ENTRYPOINT)/m);
    expect(runtime).toMatch(new RegExp(`^EXPOSE ${port}$`, 'm'));
  });

  it('keeps ENV and the EXPOSE of the original, and adds none when the port is exposed', () => {
    const runtime = addedStages(
      convert(built('ENV APP_NAME=shop\nEXPOSE 3000\nCMD ["npx", "serve", "-s", "build"]'), cra),
    );
    expect(runtime).toContain('ENV APP_NAME=shop');
    expect(runtime.match(/^EXPOSE/gm)).toHaveLength(1);
  });

  it('runs nginx as its own user when the original was non-root', () => {
    const runtime = addedStages(
      convert(built('CMD ["npx", "serve", "-s", "build", "-l", "8080"]', 'USER node\n'), cra),
    );
    expect(runtime).toContain("'client_body_temp_path /tmp/client_temp;'");
    expect(runtime).toContain(
      "sed -i -e 's,^pid[[:space:]].*,pid /tmp/nginx.pid;,' -e '/^user[[:space:]]/d' /etc/nginx/nginx.conf",
    );
    expect(runtime).toMatch(/^USER nginx$/m);
    expect(runtime).not.toContain('USER node');
  });

  it('turns a development server into the production build, with a warning', () => {
    const dockerfile =
      'FROM node:18\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\n# the dev server\nEXPOSE 3000\nCMD ["npm", "start"]\n';
    const result = convert(dockerfile, cra);
    expect(result.output).toContain(
      'COPY . .\n# msb: build the production bundle that the runtime stage serves (the original only ran a development server)\nRUN npm run build\n# the dev server\nEXPOSE 3000\n',
    );
    expect(addedStages(result)).toContain('COPY --from=builder /app/build /usr/share/nginx/html');
    expect(result.warnings.join('\n')).toMatch(
      /ran a development server \("react-scripts start"\).*nginx on port 3000/,
    );
  });

  // CRA's BUILD_PATH as the build step sees it: ENV, the RUN's own assignment, the script's own.
  const craBuild = (build: string) => ({
    'package.json': pkg({
      dependencies: { react: '18', 'react-scripts': '5' },
      scripts: { start: 'react-scripts start', build },
    }),
  });
  it.each([
    ['RUN npm ci && npm run build', 'react-scripts build', '/app/build'],
    ['ENV BUILD_PATH=www\nRUN npm ci && npm run build', 'react-scripts build', '/app/www'],
    ['RUN npm ci && BUILD_PATH=www npm run build', 'react-scripts build', '/app/www'],
    ['RUN npm ci && npm run build', 'BUILD_PATH=./www react-scripts build', '/app/www'],
    [
      'ENV BUILD_PATH=www\nRUN npm ci && env -u BUILD_PATH npm run build',
      'react-scripts build',
      '/app/build',
    ],
  ])('%s with "build": "%s" serves %s', (run, build, dir) => {
    const result = convert(
      `FROM node:18\nWORKDIR /app\nCOPY . .\n${run}\nCMD ["npm", "start"]\n`,
      craBuild(build),
    );
    expect(result.status).toBe('converted');
    expect(addedStages(result)).toContain(`COPY --from=builder ${dir} `);
  });

  it('does not add a build step when the builder already builds', () => {
    const result = convert(built('CMD ["npm", "start"]'), cra);
    expect(result.output.match(/npm run build/g)).toHaveLength(1);
  });

  it.each([
    ['yarn', 'RUN yarn install', { 'yarn.lock': '' }, 'RUN yarn build'],
    ['pnpm', 'RUN pnpm install', { 'pnpm-lock.yaml': '' }, 'RUN pnpm run build'],
  ])('builds with %s', (_name, install, lockfile, build) => {
    const result = convert(`FROM node:18\nWORKDIR /app\nCOPY . .\n${install}\nCMD ["npm", "start"]\n`, {
      ...cra,
      ...lockfile,
    });
    expect(result.output).toContain(`${build}\nCMD`);
  });

  it.each([
    [
      'a dev server without a build script',
      'FROM node:18\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["npx", "vite"]\n',
      { 'package.json': pkg({ devDependencies: { vite: '5' } }) },
      /no build script/,
    ],
    [
      'a build at container start',
      'FROM node:18\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD npm run build && npx serve -s build\n',
      cra,
      /builds the app when it starts/,
    ],
    [
      'a script that edits the build at start',
      built('CMD node env.js && npx serve -s build'),
      cra,
      /runs "node env.js" before serving/,
    ],
    [
      'serving the project folder itself',
      'FROM node:18\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["npx", "serve", "."]\n',
      cra,
      /holds the project's node_modules/,
    ],
    [
      'a proxy to another service',
      built('CMD ["npx", "http-server", "dist", "--proxy", "http://api:8080"]'),
      vite,
      /forwards unknown paths/,
    ],
  ])('skips %s', (_name, dockerfile, files, reason) => {
    const result = convert(dockerfile, files);
    expect(result.status).toBe('skipped');
    expect(result.reason).toMatch(reason);
  });

  it('warns when the served folder is not the one the build writes, and keeps the served one', () => {
    const result = convert(built('CMD ["npx", "serve", "-s", "build"]'), vite);
    expect(addedStages(result)).toContain('COPY --from=builder /app/build /usr/share/nginx/html');
    expect(result.warnings.join('\n')).toContain(
      'the container serves /app/build, but the build writes /app/dist',
    );
  });

  it('warns when EXPOSE and the real port disagree, and when the port is a run-time variable', () => {
    expect(convert(built('EXPOSE 80\nCMD ["npx", "serve", "-s", "build"]'), cra).warnings.join('\n')).toMatch(
      /EXPOSEs 80 but the original server listened on 3000/,
    );
    const variable = convert(built('EXPOSE 8080\nCMD npx serve -s build -l $PORT'), cra);
    expect(variable.warnings.join('\n')).toMatch(/comes from \$PORT at run time; nginx listens on 8080/);
    expect(addedStages(variable)).toContain("'    listen 8080;'");
  });

  it('skips, as broken, a HEALTHCHECK that needs node (nginx has none)', () => {
    const result = convert(
      built('HEALTHCHECK CMD node healthcheck.js\nCMD ["npx", "serve", "-s", "build"]'),
      cra,
    );
    expect(result.status).toBe('skipped');
    expect(result.broken?.map((b) => b.kind)).toEqual(['program-missing']);
    expect(result.reason).toMatch(/HEALTHCHECK runs node, which the nginx runtime does not have/);
  });

  it.each([
    [
      'preview.port',
      'export default { preview: { port: 8081 }, server: { port: 3000 } }',
      'CMD ["npx", "vite", "preview", "--host"]',
      8081,
    ],
    [
      'server.port for the dev server',
      'export default { server: { host: true, port: 3001 } }',
      'CMD ["npx", "vite", "--host"]',
      3001,
    ],
    [
      'a flag wins over the config',
      'export default { preview: { port: 8081 } }',
      'CMD ["npx", "vite", "preview", "--port", "9000"]',
      9000,
    ],
  ])('reads the port vite takes from vite.config: %s', (_name, config, cmd, port) => {
    const result = convert(built(cmd), { ...vite, 'vite.config.js': config });
    expect(addedStages(result)).toContain(`'    listen ${port};'`);
  });

  it('keeps vite base URLs: the files go under the base and the fallback is its index.html', () => {
    const runtime = addedStages(
      convert(built('CMD ["npx", "vite", "preview"]'), {
        ...vite,
        'vite.config.js': "export default { base: '/shop/' }",
      }),
    );
    expect(runtime).toContain('COPY --from=builder /app/dist /usr/share/nginx/html/shop');
    expect(runtime).toContain('try_files $uri $uri/ /shop/index.html;');
  });

  it.each([
    [
      'SvelteKit renders vite preview on the server',
      'CMD ["npm", "run", "preview"]',
      { '@sveltejs/kit': '2', vite: '5' },
      { build: 'vite build', preview: 'vite preview' },
    ],
    [
      'Angular SSR renders ng serve on the server',
      'CMD ["npx", "ng", "serve"]',
      { '@angular/core': '17', '@angular/ssr': '17', '@angular/cli': '17' },
      { build: 'ng build' },
    ],
  ])('%s: stays a node server', (_name, cmd, devDependencies, scripts) => {
    const result = convert(built(cmd), { 'package.json': pkg({ devDependencies, scripts }) });
    expect(addedStages(result)).not.toContain('nginx');
    expect(result.warnings.join('\n')).toMatch(/from devDependencies/);
  });

  it('leaves a build container (no command, a front-end framework) alone', () => {
    const result = convert('FROM node:18\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n', cra);
    expect(result).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/looks like a build container/),
    });
  });

  it('reads an entrypoint script from the build context: a script that only execs the command is fine', () => {
    const files = { ...cra, 'entrypoint.sh': '#!/bin/sh\nset -e\necho "starting"\nexec "$@"\n' };
    const result = convert(
      built('ENTRYPOINT ["./entrypoint.sh"]\nCMD ["npx", "serve", "-s", "build"]'),
      files,
    );
    expect(addedStages(result)).toContain('FROM nginx:alpine');
  });

  it('skips when the entrypoint script changes the files before serving them', () => {
    const files = { ...cra, 'entrypoint.sh': '#!/bin/sh\nnode inject-env.js build/index.html\nexec "$@"\n' };
    const result = convert(
      built('ENTRYPOINT ["./entrypoint.sh"]\nCMD ["npx", "serve", "-s", "build"]'),
      files,
    );
    expect(result).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/runs "node inject-env.js build\/index.html" before serving/),
    });
  });
});
