import { analyzeStage } from '../../../src/analyze/stage-facts';
import { parseDockerfile } from '../../../src/parse/parse-dockerfile';
import { original } from '../../../src/plan/stage-model';
import { withoutToolCopies, type ToolImage } from '../../../src/plan/tool-images';

const images: ToolImage[] = [
  { image: '(^|/)astral-sh/uv([:@]|$)', programs: ['uv', 'uvx'] },
  { image: '^composer([:@]|$)', programs: ['composer'] },
];

/** The replayed copies that stay in the runtime and the subjects of the copies left in the builder. */
function plan(dockerfile: string): { kept: string[]; dropped: string[] } {
  const parsed = parseDockerfile(`FROM python:3.12\n${dockerfile}\n`);
  const facts = analyzeStage(parsed, parsed.stages[0]);
  const replayed = facts.copies.filter((c) => c.spec.from !== null).map((c) => original(c.instruction));
  const files = { copies: replayed, decisions: [] };
  const result = withoutToolCopies(files, facts, images);
  return {
    kept: result.copies.flatMap((c) => (c.kind === 'original' ? [c.text] : [])),
    dropped: result.decisions.map((d) => `${d.subject}: ${d.why}`),
  };
}

describe('withoutToolCopies', () => {
  it.each([
    [
      'a tool only the build runs stays in the builder',
      'COPY --from=ghcr.io/astral-sh/uv:0.4 /uv /bin/\nCMD ["python", "app.py"]',
      {
        kept: [],
        dropped: ['COPY (line 2): copies uv/uvx from ghcr.io/astral-sh/uv:0.4, which only build steps run'],
      },
    ],
    [
      'the container runs one of its programs',
      'COPY --from=ghcr.io/astral-sh/uv:0.4 /uv /bin/\nCMD ["uv", "run", "app.py"]',
      { kept: ['COPY --from=ghcr.io/astral-sh/uv:0.4 /uv /bin/'], dropped: [] },
    ],
    [
      'a HEALTHCHECK counts as the container running it',
      'COPY --from=composer:2 /usr/bin/composer /usr/bin/\nHEALTHCHECK CMD composer --version',
      { kept: ['COPY --from=composer:2 /usr/bin/composer /usr/bin/'], dropped: [] },
    ],
    [
      'another image is not a tool',
      'COPY --from=nginx:1 /etc/nginx /etc/nginx',
      { kept: ['COPY --from=nginx:1 /etc/nginx /etc/nginx'], dropped: [] },
    ],
  ])('%s', (_name, dockerfile, expected) => {
    expect(plan(dockerfile)).toEqual(expected);
  });
});
