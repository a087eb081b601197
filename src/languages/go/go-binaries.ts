/**
 * Where `go build` / `go install` write their binaries: `-o file`, `-o dir/`, the current
 * directory (named after the package: module path's last element at the module root, else the
 * directory), `$GOBIN` or `$GOPATH/bin` for `go install`; `./...` patterns expand to the main
 * packages found in the build context.
 */
import { posix as path } from 'path';
import { envValue } from '../../analyze/command-env';
import { expandVariables, variableReferences } from '../../analyze/instruction-args';
import type { ContextPaths } from '../../plan/context-paths';
import type { GoCommand } from './go-commands';
import { GoSources, moduleOf } from './go-sources';

export interface GoProject {
  sources: GoSources;
  paths: ContextPaths;
  gopath: string;
  /** ENV/ARG values of the stage (GOBIN, GOPATH, CGO_ENABLED...). */
  values: ReadonlyMap<string, string>;
}

export interface GoTarget {
  /** Binary name `go build` would choose. */
  name: string;
  /** Context directory of the package, when the build context holds it. */
  contextDir: string | null;
  /** `go install example.com/tool@v1`: not the project's own code. */
  remote: boolean;
  /** False for a library package (no binary); null when unknown. */
  main: boolean | null;
}

/** The packages a command names (patterns expanded), with the binary name each would get. */
export function goTargets(command: GoCommand, cwd: string, project: GoProject): GoTarget[] {
  const dir = command.chdir ? path.resolve(cwd, command.chdir) : cwd;
  const args = command.packages.length > 0 ? command.packages : ['.'];
  if (args.every((a) => a.endsWith('.go'))) {
    const contextDir = project.paths.toContext(path.dirname(path.resolve(dir, args[0])));
    return [{ name: path.basename(args[0], '.go'), contextDir, remote: false, main: true }];
  }
  return args.flatMap((arg) => expand(arg, dir, project));
}

/** Absolute paths of the binaries a `go build`/`go install` leaves behind. */
export function goOutputs(command: GoCommand, cwd: string, project: GoProject): string[] {
  const dir = command.chdir ? path.resolve(cwd, command.chdir) : cwd;
  const targets = goTargets(command, cwd, project).filter((t) => t.main !== false);
  if (command.verb === 'install') {
    const env = (name: string) => envValue(command.env, name, project.values);
    const bin = env('GOBIN') || path.join((env('GOPATH') || project.gopath).split(':')[0], 'bin');
    return targets.map((t) => path.join(bin, t.name));
  }
  if (command.verb !== 'build') return [];
  // The shell expands the words before the command's own `X=...` take effect: the stage's values only.
  const output = command.output ? expandVariables(command.output, project.values) : null;
  // A variable the stage does not set is empty for the shell (the words shift): msb cannot tell the path.
  if (output && variableReferences(output).length > 0) return [];
  if (output && (output.endsWith('/') || targets.length > 1))
    return targets.map((t) => path.join(path.resolve(dir, output), t.name));
  // `-o ./...` is a pattern written where a file was meant: nothing the program needs.
  if (output) return output.includes('...') ? [] : [path.resolve(dir, output)];
  // Without -o, several packages are compiled and discarded; one main package lands in the current directory.
  return targets.length === 1 &&
    (command.packages.length <= 1 || command.packages.every((p) => p.endsWith('.go')))
    ? [path.join(dir, targets[0].name)]
    : [];
}

function expand(arg: string, dir: string, project: GoProject): GoTarget[] {
  const { sources, paths } = project;
  const remote = arg.includes('@');
  const importPath = arg.replace(/@.*$/, '');
  let containerDir: string | null = null;
  let contextDir: string | null = null;
  if (importPath.startsWith('.') || importPath.startsWith('/')) {
    containerDir = path.resolve(dir, importPath.replace(/\/\.\.\.$|^\.\.\.$/, '') || '.');
    contextDir = paths.toContext(containerDir);
  } else if (!remote) {
    const local = sources.modules.find((m) => importPath === m.path || importPath.startsWith(`${m.path}/`));
    if (local) {
      const rest = importPath
        .slice(local.path.length)
        .replace(/^\//, '')
        .replace(/\/?\.\.\.$/, '');
      contextDir = [local.dir, rest].filter(Boolean).join('/');
    } else {
      containerDir = path.join(project.gopath, 'src', importPath.replace(/\/\.\.\.$/, ''));
      contextDir = paths.toContext(containerDir);
    }
  }

  if (importPath.endsWith('...')) {
    if (contextDir === null) return [];
    const base = contextDir;
    return sources.packages
      .filter((p) => p.name === 'main' && (base === '' || p.dir === base || p.dir.startsWith(`${base}/`)))
      .map((p) => ({
        name: binaryName(
          p.dir,
          sources,
          containerDir ? path.join(containerDir, path.relative(base, p.dir)) : null,
        ),
        contextDir: p.dir,
        remote: false,
        main: true,
      }));
  }
  if (remote || contextDir === null) {
    // A local directory msb cannot map to the context is still named after itself.
    const name = containerDir && !remote ? path.basename(containerDir) || 'app' : lastElement(importPath);
    return [{ name, contextDir: null, remote, main: remote ? true : null }];
  }
  const pkg = sources.packages.find((p) => p.dir === contextDir);
  return [
    {
      name: binaryName(contextDir, sources, containerDir),
      contextDir,
      remote: false,
      main: pkg ? pkg.name === 'main' : null,
    },
  ];
}

/** `example.com/app/v2` at the module root → `app`; elsewhere the directory's name. */
function binaryName(contextDir: string, sources: GoSources, containerDir: string | null): string {
  const module = moduleOf(sources, contextDir);
  if (module && module.dir === contextDir) return lastElement(module.path);
  if (contextDir !== '') return path.basename(contextDir);
  return path.basename(containerDir ?? '/app') || 'app';
}

function lastElement(importPath: string): string {
  const parts = importPath
    .replace(/\/\.\.\.$/, '')
    .split('/')
    .filter(Boolean);
  const last = parts.pop() ?? 'app';
  return /^v\d+$/.test(last) && parts.length > 0 ? (parts.pop() as string) : last;
}
