/**
 * What a FROM line names — image, registry, name, tag, digest, stage name — as dockerfile-ast's
 * From methods report them. Each of those methods re-splits the arguments and maps positions;
 * for the plain one-line FROM that nearly every file has, one split of the joined arguments
 * gives the same answers. Anything else (variables, escapes, quotes, comments, continuations)
 * is left to dockerfile-ast, so both always agree (test/unit/from-image.test.ts).
 */
import type { From } from 'dockerfile-ast';

export interface FromImage {
  /** The image argument as written (`python:${V}-slim`), or null when there is none. */
  image: string | null;
  registry: string | null;
  /** The image without registry, tag and digest. */
  name: string | null;
  tag: string | null;
  digest: string | null;
  /** `AS name` as written, or null. */
  stageName: string | null;
  /** The arguments after the flags (`image`, `AS`, `name`). */
  words: string[];
}

const PLAIN_FROM = /^[^\s"'$#]+(?:[ \t]+[^\s"'$#]+)*$/;

export function fromImage(node: From, instructionText: string, args: string, escapeChar: string): FromImage {
  const plain =
    !instructionText.includes('\n') && !instructionText.includes(escapeChar) && PLAIN_FROM.test(args);
  return plain ? plainFromImage(args) : astFromImage(node);
}

function plainFromImage(args: string): FromImage {
  const words = args.split(/[ \t]+/);
  const image = words[0];
  const slash = image.indexOf('/');
  const at = image.indexOf('@');
  let tagStart = -1;
  let tagEnd = image.length;
  if (at === -1) {
    const colon = image.lastIndexOf(':');
    if (colon > slash) tagStart = colon + 1;
  } else {
    const colon = image.slice(0, at).indexOf(':');
    if (colon !== -1 && (slash === -1 || colon > slash)) {
      tagStart = colon + 1;
      tagEnd = at;
    }
  }
  const lastAt = image.lastIndexOf('@');
  const digest = lastAt === -1 ? null : image.slice(lastAt + 1);
  const nameEnd = tagStart !== -1 ? tagStart - 1 : lastAt !== -1 ? lastAt : image.length;
  const withRegistry = image.slice(0, nameEnd);
  const registrySlash = withRegistry.indexOf('/');
  const hostLike =
    withRegistry.includes(':') ||
    withRegistry.includes('.') ||
    withRegistry.slice(0, registrySlash) === 'localhost';
  const registry = registrySlash !== -1 && hostLike ? withRegistry.slice(0, registrySlash) : null;
  return {
    image,
    registry,
    name: registry === null ? withRegistry : withRegistry.slice(registrySlash + 1),
    tag: tagStart === -1 ? null : image.slice(tagStart, tagEnd),
    digest,
    stageName: words.length > 2 && words[1].toUpperCase() === 'AS' ? words[2] : null,
    words,
  };
}

function astFromImage(node: From): FromImage {
  return {
    image: node.getImage(),
    registry: node.getRegistry(),
    name: node.getImageName(),
    tag: node.getImageTag(),
    digest: node.getImageDigest(),
    stageName: node.getBuildStage(),
    words: node.getArguments().map((a) => a.getValue()),
  };
}
