import { homeOf, nonRoot, nonRootName } from '../../../src/plan/run-user';

describe('run-user', () => {
  it.each([
    [null, null, null, '/root'],
    ['root', null, null, '/root'],
    ['0', null, null, '/root'],
    ['root:staff', null, null, '/root'],
    ['0:0', null, null, '/root'],
    ['app', 'app', 'app', '/home/app'],
    ['app:app', 'app:app', 'app', '/home/app'],
    ['1000:1000', '1000:1000', '1000', '/home/1000'],
    ['rootless', 'rootless', 'rootless', '/home/rootless'],
  ])('%s', (user, expectedUser, name, home) => {
    expect(nonRoot(user)).toBe(expectedUser);
    expect(nonRootName(user)).toBe(name);
    expect(homeOf(user)).toBe(home);
  });
});
