/**
 * Reads a profile YAML file into plain data while keeping what error messages and merging need
 * from the document: the line of any field, and which lists are tagged `!replace`.
 */
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, Node, parseDocument } from 'yaml';
import { MsbError } from '../errors';
import { DataPath, pointer } from './overlay-data';

export interface ProfileYaml {
  data: unknown;
  /** The line of the deepest existing node on an ajv `instancePath` (`/detect/files/0`). */
  lineOf(instancePath: string): number;
  /** Pointers (`/packages/buildOnly`) of the lists tagged `!replace`. */
  replaced: ReadonlySet<string>;
}

const REPLACE_TAG = '!replace';

export function readProfileYaml(text: string, source: string): ProfileYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    customTags: [{ tag: REPLACE_TAG, collection: 'seq', resolve: (seq) => seq }],
  });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    throw new MsbError('invalid-profile', `YAML: ${error.message.split('\n')[0]}`, {
      file: source,
      line: lineCounter.linePos(error.pos[0]).line,
    });
  }
  const misplaced = findTagged(document.contents).find((tagged) => !isSeq(tagged.node));
  if (misplaced) {
    throw new MsbError('invalid-profile', `${fieldName(misplaced.path)}: ${REPLACE_TAG} applies to a list`, {
      file: source,
      line: lineOf(misplaced.at),
    });
  }
  function lineOf(node: Node): number {
    return node.range ? lineCounter.linePos(node.range[0]).line : 1;
  }
  return {
    data: document.toJS(),
    replaced: new Set(findTagged(document.contents).map((tagged) => pointer(tagged.path))),
    lineOf: (instancePath) => {
      const segments = pathSegments(instancePath);
      for (let n = segments.length; n > 0; n--) {
        const node = document.getIn(segments.slice(0, n), true);
        if (isNode(node)) return lineOf(node);
      }
      return isNode(document.contents) ? lineOf(document.contents) : 1;
    },
  };
}

/** `/detect/files/0` → `['detect', 'files', 0]`. */
export function pathSegments(instancePath: string): (string | number)[] {
  return instancePath
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** `detect.files.0`, or `(top level)` for the document itself. */
export function fieldName(path: DataPath): string {
  return path.length ? path.join('.') : '(top level)';
}

interface Tagged {
  node: Node;
  path: DataPath;
  /** The key it is the value of, else the node itself: where a problem with it is shown. */
  at: Node;
}

function findTagged(node: unknown, path: DataPath = [], at?: Node): Tagged[] {
  const found: Tagged[] = [];
  if (isNode(node) && node.tag === REPLACE_TAG) found.push({ node, path, at: at ?? node });
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair) && isScalar(pair.key))
        found.push(...findTagged(pair.value, [...path, String(pair.key.value)], pair.key));
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => found.push(...findTagged(item, [...path, index])));
  }
  return found;
}
