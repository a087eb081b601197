/** The CA bundle and time-zone data copied into a runtime that lacks them. */
import { certificatesZoneinfo, FilesNeeded } from '../../../src/plan/certificates-zoneinfo';
import { renderNode } from '../../../src/render/render-stage';

const paths = {
  certificates: '/etc/ssl/certs/ca-certificates.crt',
  zoneinfo: [
    { builder: 'alpine', path: '/usr/local/go/lib/time/zoneinfo.zip', env: 'ZONEINFO' },
    { builder: '.*', path: '/usr/share/zoneinfo' },
  ],
};
const needsBoth: FilesNeeded = { certificates: ': clients need it', zoneinfo: ' and none is embedded' };

describe('certificatesZoneinfo', () => {
  it.each([
    ['the image has both', { certificates: true, zoneinfo: true }, needsBoth, paths, []],
    [
      'the image has neither',
      { certificates: false, zoneinfo: false },
      { ...needsBoth, builder: '1.22-bookworm' },
      paths,
      [
        'COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt',
        'COPY --from=builder /usr/share/zoneinfo /usr/share/zoneinfo',
        '/etc/ssl/certs/ca-certificates.crt: img has no CA certificates: clients need it',
        '/usr/share/zoneinfo: img has no time-zone data and none is embedded',
      ],
    ],
    [
      'an Alpine builder: its zip, and the variable naming it',
      { certificates: true, zoneinfo: false },
      { ...needsBoth, builder: 'alpine' },
      paths,
      [
        'COPY --from=builder /usr/local/go/lib/time/zoneinfo.zip /usr/local/go/lib/time/zoneinfo.zip',
        'ENV ZONEINFO=/usr/local/go/lib/time/zoneinfo.zip',
        '/usr/local/go/lib/time/zoneinfo.zip: img has no time-zone data and none is embedded',
      ],
    ],
    [
      'no rule matches: the last',
      { certificates: true, zoneinfo: false },
      needsBoth,
      { ...paths, zoneinfo: [paths.zoneinfo[0]] },
      [
        'COPY --from=builder /usr/local/go/lib/time/zoneinfo.zip /usr/local/go/lib/time/zoneinfo.zip',
        'ENV ZONEINFO=/usr/local/go/lib/time/zoneinfo.zip',
        '/usr/local/go/lib/time/zoneinfo.zip: img has no time-zone data and none is embedded',
      ],
    ],
    [
      'not needed',
      { certificates: false, zoneinfo: false },
      { certificates: null, zoneinfo: null },
      paths,
      [],
    ],
    [
      'a profile without zoneinfo rules: certificates only',
      { certificates: false },
      needsBoth,
      { certificates: paths.certificates },
      [
        'COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt',
        '/etc/ssl/certs/ca-certificates.crt: img has no CA certificates: clients need it',
      ],
    ],
  ])('%s', (_name, runtime, needed, profilePaths, expected) => {
    const result = certificatesZoneinfo(runtime, 'img', profilePaths, needed);
    const lines = [
      ...result.copies.map((c) => renderNode(c, { builder: 'builder', stages: [], escapeChar: '\\' })),
      ...result.env.map(([name, value]) => `ENV ${name}=${value}`),
      ...result.decisions.map((d) => `${d.subject}: ${d.why}`),
    ];
    expect(lines).toEqual(expected);
  });
});
