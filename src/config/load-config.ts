/**
 * Finds and reads msb's config file. Like prettier and eslint, the search starts at the folder of
 * the file being processed and goes up to the filesystem root (lilconfig); the nearest file wins.
 * The file is validated at load: every problem as `file:line: field: problem`, sorted by line.
 */
import { lilconfigSync, LilconfigResult } from 'lilconfig';
import * as path from 'path';
import { isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import { MsbError } from '../errors';
import { MinSaving, parseMinSaving } from '../gates/min-saving';
import { schemaValidator } from '../profiles/schema-validator';
import { ConfigData, configSchema } from './config-schema';

const CONFIG_FILES = ['.msbrc.yaml', '.msbrc.yml', 'msb.config.yaml', 'msb.config.yml'];

/** A validated config file, with paths resolved against its folder. */
export interface MsbConfig {
  source: string;
  ignore: string[];
  runtime: Readonly<Record<string, string>>;
  minSaving?: MinSaving;
  force?: boolean;
  profiles: string[];
}

const validate = schemaValidator(configSchema);

export function parseConfig(text: string, source: string): MsbConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems: { line: number; text: string }[] = document.errors.map((error) => ({
    line: lineCounter.linePos(error.pos[0]).line,
    text: `YAML: ${error.message.split('\n')[0]}`,
  }));
  const data: unknown = problems.length ? null : (document.toJS() ?? {});
  if (!problems.length && !validate(data)) {
    for (const error of validate.errors ?? []) {
      const segments = error.instancePath
        .split('/')
        .filter(Boolean)
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      const unknown =
        error.keyword === 'additionalProperties'
          ? (error.params as { additionalProperty: string }).additionalProperty
          : null;
      if (unknown !== null) segments.push(unknown);
      const field = segments.length ? segments.join('.') : '(top level)';
      const problem =
        error.keyword === 'additionalProperties'
          ? `unknown field (known: ${Object.keys(configSchema.properties).join(', ')})`
          : error.keyword === 'pattern'
            ? segments[0] === 'minSaving'
              ? 'not a size (10MB) or a share of the original image (5%)'
              : 'not a rule id (MSB001…)'
            : (error.message ?? error.keyword);
      problems.push({
        line: lineOf(document, lineCounter, segments, unknown !== null),
        text: `${field}: ${problem}`,
      });
    }
  }
  if (problems.length) {
    const [first, ...rest] = problems.sort((a, b) => a.line - b.line);
    const message = [first.text, ...rest.map((p) => `${source}:${p.line}: ${p.text}`)].join('\n');
    throw new MsbError('invalid-config', message, { file: source, line: first.line });
  }
  const config = data as ConfigData;
  const folder = path.dirname(source);
  return {
    source,
    ignore: (config.ignore ?? []).map((id) => id.toUpperCase()),
    runtime: config.runtime ?? {},
    ...(config.minSaving !== undefined ? { minSaving: parseMinSaving(config.minSaving) ?? undefined } : {}),
    ...(config.force !== undefined ? { force: config.force } : {}),
    profiles: (config.profiles ?? []).map((file) => path.resolve(folder, file)),
  };
}

/** The line of the deepest node on the path that the file has (of the key itself for `atKey`). */
function lineOf(
  document: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
  segments: (string | number)[],
  atKey: boolean,
): number {
  if (atKey) {
    const parent = segments.length > 1 ? document.getIn(segments.slice(0, -1), true) : document.contents;
    const pair = isMap(parent)
      ? parent.items.find((item) => isScalar(item.key) && item.key.value === segments[segments.length - 1])
      : undefined;
    if (isScalar(pair?.key) && pair.key.range) return lineCounter.linePos(pair.key.range[0]).line;
  }
  for (let n = segments.length; n >= 0; n--) {
    const node = n === 0 ? document.contents : document.getIn(segments.slice(0, n), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return 1;
}

const explorer = lilconfigSync('msb', {
  searchPlaces: CONFIG_FILES,
  stopDir: path.parse(process.cwd()).root,
  // YAML reads JSON too; a config is never code, so .js files are not loaded (see loadConfig).
  loaders: { '.yaml': yamlLoader, '.yml': yamlLoader, '.json': yamlLoader, noExt: yamlLoader },
});

function yamlLoader(file: string, content: string): MsbConfig {
  return parseConfig(content, file);
}

/** The nearest config file at or above `folder`, or null. Results are cached per folder. */
export function findConfig(folder: string): MsbConfig | null {
  return unwrap(explorer.search(path.resolve(folder)));
}

/** A config file named with --config. */
export function loadConfig(file: string): MsbConfig {
  if (/\.[cm]?[jt]s$/.test(file))
    throw new MsbError('usage', '--config takes a YAML (or JSON) file, not code', { file });
  try {
    const loaded = unwrap(explorer.load(path.resolve(file)));
    if (!loaded) throw new MsbError('invalid-config', 'the config file is empty', { file });
    return loaded;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR')
      throw new MsbError('missing-file', 'no such config file', { file });
    throw error;
  }
}

function unwrap(result: LilconfigResult): MsbConfig | null {
  return result && !result.isEmpty ? (result.config as MsbConfig) : null;
}
