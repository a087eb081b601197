import { splitShellCommands } from '../../../src/analyze/shell-commands';
import { findFrontEndServer } from '../../../src/languages/node/front-end-server';
import { expandScripts } from '../../../src/languages/node/run-scripts';
import { settings } from './node-fixtures';

function find(command: string, env: Record<string, string> = {}) {
  return findFrontEndServer(
    expandScripts(splitShellCommands(command), null, settings),
    settings,
    new Map(Object.entries(env)),
  );
}

describe('front-end servers', () => {
  it.each([
    ['serve -s build -l 3000', { dir: 'build', spa: true, port: 3000 }],
    ['serve -s build -l tcp://0.0.0.0:5000', { dir: 'build', spa: true, port: 5000 }],
    ['serve --single dist --listen=8080', { dir: 'dist', spa: true, port: 8080 }],
    ['serve build', { dir: 'build', spa: false, port: 3000 }],
    ['serve -s', { dir: '.', spa: true, port: 3000 }],
    ['serve -s build -l $PORT', { dir: 'build', port: 4000 }, { PORT: '4000' }],
    ['serve -s build', { port: 4000 }, { PORT: '4000' }],
    // PORT as the server sees it: its own assignment wins over ENV; `env -u` drops ENV's.
    ['PORT=5000 serve -s build', { port: 5000 }, { PORT: '4000' }],
    ['env PORT=5000 serve -s build', { port: 5000 }],
    ['env -u PORT serve -s build', { port: 3000 }, { PORT: '4000' }],
    [
      'http-server dist/shop/browser -p 8080 --proxy http://localhost:8080?',
      { dir: 'dist/shop/browser', spa: true, port: 8080 },
    ],
    ['http-server ./public -c-1', { dir: './public', spa: false, port: 8080 }],
    ['http-server', { dir: 'public', port: 8080 }],
    ['vite preview --port 4173 --host', { dir: null, spa: true, port: 4173 }],
    ['vite preview --host 0.0.0.0 --outDir out', { dir: 'out', port: 4173 }],
    ['sirv public --single --port 5000', { dir: 'public', spa: true, port: 5000 }],
    ['angular-http-server --path dist/app -p 9000', { dir: 'dist/app', spa: true, port: 9000 }],
    ['cd dist && serve', { dir: 'dist', spa: false, port: 3000 }],
    ['cd /srv/site && serve -s', { dir: '/srv/site', spa: true, port: 3000 }],
    ['cd web && serve -s build', { dir: 'web/build', spa: true, port: 3000 }],
    ['npx serve dist', { dir: 'dist', spa: false, port: 3000 }],
    ['npx serve -s dist -l 5000', { dir: 'dist', spa: true, port: 5000 }],
    ['serve -s -l 3000 dist', { dir: 'dist', spa: true, port: 3000 }],
  ])(
    '%s serves files',
    (command, { port, ...expected }: { port?: number }, env: Record<string, string> = {}) => {
      expect(find(command, env)).toMatchObject({
        kind: 'static',
        ...expected,
        ...(port ? { port: { port } } : {}),
      });
    },
  );

  it('remembers a port that only exists at run time', () => {
    expect(find('serve -s build -l $PORT')).toMatchObject({
      kind: 'static',
      port: { port: 3000, runTimeVariable: 'PORT' },
    });
  });

  it.each([
    ['react-scripts start', { framework: 'react' }, 3000],
    ['vite', { framework: 'vite' }, 5173],
    ['vite --host 0.0.0.0 --port 3000', { framework: 'vite' }, 3000],
    ['vite dev --port 8000', { framework: 'vite' }, 8000],
    ['ng serve --host 0.0.0.0', { framework: 'angular' }, 4200],
    ['vue-cli-service serve --port 8081', { framework: 'vue' }, 8081],
  ])('%s is a development server', (command, rule, port) => {
    expect(find(command)).toMatchObject({ kind: 'dev', rule, port: { port } });
  });

  it.each([['node server.js'], ['vite build'], ['next start'], ['pm2-runtime ecosystem.config.js']])(
    '%s is not a front-end server',
    (command) => {
      expect(find(command)).toBeNull();
    },
  );

  it.each([
    ['http-server dist --proxy http://api:3000', /forwards unknown paths to http:\/\/api:3000/],
    ['vite build && vite preview --port 80', /builds the app when it starts \("vite build"\)/],
    ['node inject-env.js && serve -s build', /runs "node inject-env.js" before serving/],
  ])('%s cannot become nginx', (command, reason) => {
    const found = find(command);
    expect(found?.kind).toBe('problem');
    expect(found && 'reason' in found ? found.reason : '').toMatch(reason);
  });

  it('lets harmless commands sit beside the server', () => {
    expect(find('echo starting && exec serve -s build')).toMatchObject({ kind: 'static', dir: 'build' });
  });
});
