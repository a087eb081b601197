/** The original USER in images with and without a shell. */
import { runtimeUser, RuntimeUserSupport } from '../../../src/plan/runtime-users';
import { renderNode } from '../../../src/render/render-stage';
import type { StageNode } from '../../../src/plan/stage-model';
import { stageFixture } from '../../helpers/build-fixture';

const text = (node: StageNode) => renderNode(node, { builder: 'builder', stages: [], escapeChar: '\\' });

const distroless: RuntimeUserSupport = {
  image: 'distroless',
  userTool: 'none',
  users: ['root', 'nonroot', 'nobody'],
  nonrootUser: 'nonroot',
};
const scratch: RuntimeUserSupport = { image: 'scratch', userTool: 'none', users: [] };
const alpine: RuntimeUserSupport = { image: 'alpine', userTool: 'busybox', users: ['root', 'nobody'] };
const debian: RuntimeUserSupport = { image: 'debian', userTool: 'shadow', users: ['root', 'nobody'] };

function plan(tail: string, support: RuntimeUserSupport) {
  return runtimeUser(stageFixture(`FROM golang:1.19\n${tail}\n`, {}).facts, support);
}

describe('runtimeUser', () => {
  it.each([
    ['USER 1000:1000', distroless, 'USER 1000:1000', []],
    ['USER nobody', distroless, 'USER nobody', []],
    ['RUN useradd app\nUSER app', distroless, 'USER nonroot', []],
    ['RUN useradd app\nUSER app', scratch, 'USER app', []],
    ['RUN useradd -u 5 app\nUSER app', alpine, 'USER app', ['RUN adduser -D -u 5 -H app']],
    [
      'RUN useradd -u 5 app && mkdir /data && chown app /data\nUSER app',
      debian,
      'USER app',
      ['RUN useradd -u 5 app && mkdir /data && chown app /data'],
    ],
    ['RUN adduser --disabled-password app\nUSER app', debian, 'USER app', ['RUN useradd --create-home app']],
    [
      'USER gradle:gradle',
      debian,
      'USER gradle:gradle',
      ['RUN groupadd --system gradle && useradd --system --gid gradle --create-home gradle'],
    ],
  ])('%j on %j', (tail, support, user, setup) => {
    const result = plan(tail, support);
    expect(result.user && text(result.user)).toBe(user);
    expect(result.setup.map(text)).toEqual(setup);
  });

  it('copies /etc/passwd and /etc/group into an image without users', () => {
    expect(plan('RUN useradd app\nUSER app', scratch).copies.map(text)).toEqual([
      'COPY --from=builder /etc/passwd /etc/passwd',
      'COPY --from=builder /etc/group /etc/group',
    ]);
  });

  it('maps --chown owners with the user, and drops them when the container runs as root', () => {
    expect(plan('RUN useradd app\nUSER app', distroless).owner('app:app')).toBe('nonroot:nonroot');
    expect(plan('COPY --chown=app . .', debian).owner('app')).toBeNull();
  });
});
