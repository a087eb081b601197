/**
 * Step 4 of the pipeline: Handlebars renders fragments (a stage, a builder insertion, an
 * nginx config) that become the text of an edit, never the whole file. Strict mode makes a
 * missing field an error, and noEscape keeps `&&` as `&&`.
 */
import Handlebars from 'handlebars';
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { TEMPLATES_DIR } from '../package-root';

export type TemplateModel = Record<string, unknown>;

export class TemplateRenderer {
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<string, HandlebarsTemplateDelegate>();

  constructor(private readonly dir = TEMPLATES_DIR) {
    this.handlebars.registerHelper('join', (items: unknown, separator: unknown) =>
      Array.isArray(items) ? items.join(typeof separator === 'string' ? separator : ' ') : '',
    );
    this.handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    this.handlebars.registerHelper('json', (value: unknown) => JSON.stringify(value));
    const partials = path.join(dir, 'partials');
    for (const file of safeReaddir(partials)) {
      if (file.endsWith('.hbs'))
        this.handlebars.registerPartial(file.slice(0, -4), readFileSync(path.join(partials, file), 'utf8'));
    }
  }

  /** Renders `templates/<name>.hbs`; throws on a missing template or a missing field. */
  render(name: string, model: TemplateModel): string {
    let template = this.compiled.get(name);
    if (!template) {
      const file = path.join(this.dir, `${name}.hbs`);
      template = this.handlebars.compile(readFileSync(file, 'utf8'), { noEscape: true, strict: true });
      this.compiled.set(name, template);
    }
    return template(model);
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

let shared: TemplateRenderer | undefined;
/** One renderer per process: templates compile once. */
export function defaultRenderer(): TemplateRenderer {
  shared ??= new TemplateRenderer();
  return shared;
}
