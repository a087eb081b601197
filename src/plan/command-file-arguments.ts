/**
 * Files the container command names as arguments (`./app -c ./cmd/config.yaml`, `java -jar
 * app.jar server /code/config.yml`, `--config=conf/app.toml`): a word, or the value after `=`,
 * that resolves against the WORKDIR to a context file a COPY put in the image is read at run
 * time, so an artifact-only runtime stage must copy it. The argv may come from the Dockerfile or
 * from compose's `command:` for this image's service.
 */
import { posix as path } from 'path';
import type { ContextPaths } from './context-paths';
import type { RuntimeFile } from './runtime-files';
import { isWithin } from './runtime-stage';

/** `skip` leaves out paths the strategy copies anyway (the binary, the jar) or never ships. */
export function commandFileArguments(
  argvs: readonly (readonly string[])[],
  workdir: string,
  paths: ContextPaths,
  skip: (containerPath: string, contextPath: string) => boolean,
  source = 'the container command',
): RuntimeFile[] {
  const found: RuntimeFile[] = [];
  for (const argv of argvs) {
    for (const word of argv.slice(1)) {
      const value = word.startsWith('-') ? /^--?[\w.-]+=(.+)$/.exec(word)?.[1] : word;
      if (!value || !/^[\w./@-]+$/.test(value) || value.includes('$') || !/[./]/.test(value)) continue;
      const containerPath = path.resolve(workdir, value);
      const contextPath = paths.toContext(containerPath);
      if (contextPath === null || contextPath === '' || !paths.exists(contextPath)) continue;
      if (skip(containerPath, contextPath) || found.some((f) => f.path === containerPath)) continue;
      const chown =
        [...paths.mappings].reverse().find((m) => isWithin(containerPath, m.target))?.copy.spec.chown ?? null;
      found.push({ path: containerPath, chown, why: `${source} names ${word}` });
    }
  }
  return found;
}
