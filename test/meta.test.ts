/**
 * House rules: every profile has examples and names templates that exist, every template is
 * used, every partial is used by a template, every lint rule has its module and test table.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { loadProfiles } from '../src';

const ROOT = path.resolve(__dirname, '..');
const TEMPLATES = path.join(ROOT, 'templates');
const profiles = loadProfiles();

function templateFiles(dir = TEMPLATES, prefix = ''): string[] {
  return readdirSync(path.join(dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? templateFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : entry.name.endsWith('.hbs')
        ? [`${prefix}${entry.name.slice(0, -4)}`]
        : [],
  );
}

describe('house rules', () => {
  it.each(profiles.map((p) => [p.id]))('profile %s has examples', (id) => {
    const examples = readdirSync(path.join(ROOT, 'examples')).filter((name) => name.startsWith(`${id}-`));
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(profiles.map((p) => [p.id, p]))('profile %s names templates that exist', (_id, profile) => {
    for (const name of Object.values(profile.templates))
      expect(existsSync(path.join(TEMPLATES, `${name}.hbs`))).toBe(true);
  });

  it('every template is named by a profile, every partial is used by a template', () => {
    const named = new Set(profiles.flatMap((p) => Object.values(p.templates)));
    const templates = templateFiles().filter((t) => !t.startsWith('partials/'));
    expect(templates.filter((t) => !named.has(t))).toEqual([]);
    const texts = templates.map((t) => readFileSync(path.join(TEMPLATES, `${t}.hbs`), 'utf8')).join('\n');
    const partials = templateFiles()
      .filter((t) => t.startsWith('partials/'))
      .map((t) => t.slice('partials/'.length));
    expect(partials.filter((p) => !texts.includes(`{{> ${p}}}`))).toEqual([]);
  });

  it('every strategy module is registered by a shipped profile', () => {
    const strategies = readdirSync(path.join(ROOT, 'src', 'languages'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(strategies.sort()).toEqual([...new Set(profiles.map((p) => p.strategy))].sort());
  });
});
