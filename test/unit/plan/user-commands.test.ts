/** useradd / adduser / addgroup, read and written back for another image family. */
import { splitShellCommands } from '../../../src/analyze/shell-commands';
import { parseUserCommand, renderUserOperations } from '../../../src/plan/user-commands';

const translate = (script: string, tool: 'shadow' | 'busybox') =>
  renderUserOperations(
    splitShellCommands(script).map((c) => parseUserCommand(c)!),
    tool,
  ).join(' && ');

describe('user commands', () => {
  it.each([
    ['useradd -m -u 1001 app', 'busybox', 'adduser -D -u 1001 app'],
    ['useradd -ms /bin/bash app', 'busybox', 'adduser -D -s /bin/bash app'],
    ['useradd -r -s /sbin/nologin svc', 'busybox', 'adduser -D -S -H -s /sbin/nologin svc'],
    [
      'groupadd -g 2000 app && useradd -u 2000 -g app app',
      'busybox',
      'addgroup -g 2000 app && adduser -D -u 2000 -G app -H app',
    ],
    [
      'groupadd -r app && useradd -r -g app app',
      'shadow',
      'groupadd --system app && useradd --system --gid app app',
    ],
    [
      'adduser --disabled-password --gecos "" --uid 1000 app',
      'shadow',
      'useradd --uid 1000 --create-home app',
    ],
    ['adduser --system --group app', 'shadow', 'useradd --system app'],
    [
      'addgroup -S app && adduser -S -G app app',
      'shadow',
      'groupadd --system app && useradd --system --gid app --create-home app',
    ],
    ['addgroup --system --gid 999 docker', 'busybox', 'addgroup -S -g 999 docker'],
    ['adduser -D app && addgroup app wheel', 'shadow', 'useradd --create-home app && usermod -aG wheel app'],
    ['groupadd web && useradd web', 'shadow', 'groupadd web && useradd --gid web web'],
    ['useradd -m app && usermod -aG wheel app', 'busybox', 'adduser -D app && addgroup app wheel'],
    ['useradd --uid=7 --home=/srv app', 'busybox', 'adduser -D -u 7 -h /srv -H app'],
    ['useradd -u1000 app', 'busybox', 'adduser -D -u 1000 -H app'],
    ['groupadd --gid=5 g', 'busybox', 'addgroup -g 5 g'],
  ])('%s → %s: %s', (script, tool, expected) => {
    expect(translate(script, tool as 'shadow' | 'busybox')).toBe(expected);
  });

  it('is null for commands it does not know', () => {
    expect(parseUserCommand(splitShellCommands('usermod -u 5 y')[0])).toBeNull();
    expect(parseUserCommand(splitShellCommands('usermod -aG a,b y')[0])).toBeNull();
    expect(parseUserCommand(splitShellCommands('useradd')[0])).toBeNull();
  });
});
