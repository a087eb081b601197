/**
 * How Go code loads a dotenv file (github.com/joho/godotenv, github.com/subosito/gotenv), for
 * src/plan/settle-runtime-files.ts: `Load()` without arguments reads `.env`. A call whose error
 * is dropped or only logged is optional; one whose error ends the program (log.Fatal, panic,
 * os.Exit, return) — or that msb cannot follow — is required. The autoload packages ignore a
 * missing file.
 */
import { posix as path } from 'path';
import type { BuildContext } from '../../context/build-context';
import type { FileUse } from '../../plan/settle-runtime-files';
import type { GoSources } from './go-sources';

const LOAD_CALL = /\b(godotenv|gotenv)\.(Load|Overload|OverLoad|Read)\s*\(([^)]*)\)/g;
const AUTOLOAD = /"github\.com\/(joho\/godotenv|subosito\/gotenv)\/autoload"/;
const ENDS_PROGRAM =
  /\b(log|logger|klog|logrus|zap\.L\(\)|l)\.(Fatal|Panic)\w*\s*\(|\bpanic\s*\(|\bos\.Exit\s*\(|\breturn\b/;

/** `loaders`: modules that read dotenv or config files (go.yaml `fileLoaders`). */
export function goEnvFileUse(
  context: BuildContext,
  contextPath: string,
  sources: GoSources,
  loaders: readonly string[],
): FileUse {
  const name = path.basename(contextPath);
  // Imports count too: GOPATH projects have no go.mod.
  const used = [
    ...sources.modules.flatMap((m) => m.requires),
    ...sources.packages.flatMap((p) => [...p.imports]),
  ];
  const named = sources.packages.some((p) => p.pathLiterals.some((l) => path.basename(l) === name));
  if (!named && !loaders.some((m) => used.some((u) => u === m || u.startsWith(`${m}/`))))
    return {
      required: false,
      unused: true,
      why: `no Go code can read ${name}: no library that loads such files is required or imported and no source names it (compose or the platform reads it)`,
    };
  const uses: { required: boolean; why: string }[] = [];
  for (const file of context.files.filter(
    (f) => f.endsWith('.go') && !f.endsWith('_test.go') && !f.startsWith('vendor/'),
  )) {
    const text = context.read(file);
    if (!text || !/gotenv|godotenv/.test(text)) continue;
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:"])\/\/.*$/gm, '$1');
    if (name === '.env' && AUTOLOAD.test(code))
      uses.push({ required: false, why: `the dotenv autoload import in ${file} ignores a missing file` });
    for (const call of code.matchAll(LOAD_CALL)) {
      if (!namesFile(call[3], name)) continue;
      const where = `${call[1]}.${call[2]} in ${file}`;
      const required = errorEndsProgram(code, call.index ?? 0, call[0].length);
      uses.push({
        required,
        why: required ? `${where} stops the program without it` : `${where} goes on without it`,
      });
    }
  }
  return uses.find((u) => u.required) ?? uses[0] ?? null;
}

/** No arguments means `.env`; a non-literal argument may name any file. */
function namesFile(args: string, name: string): boolean {
  if (args.trim() === '') return name === '.env';
  const literals = [...args.matchAll(/"([^"]*)"|`([^`]*)`/g)].map((m) => m[1] ?? m[2]);
  const others = args.replace(/"[^"]*"|`[^`]*`|[\s,]/g, '');
  return others !== '' || literals.some((l) => path.basename(l) === name);
}

/** What the code does with the call's error: dropped or only logged is false; anything else true. */
function errorEndsProgram(code: string, start: number, length: number): boolean {
  const prefix = code.slice(code.lastIndexOf('\n', start - 1) + 1, start);
  if (/^\s*(_\s*(,\s*_\s*)?=\s*)?$/.test(prefix)) return false;
  if (!/(^|[\s(;])(if\s+)?[\w\s,]*:?=\s*$/.test(prefix)) return true;
  const after = code.slice(start + length, start + length + 600);
  const check = /\berr\s*!=\s*nil\s*\{/.exec(after);
  if (!check) return true;
  return ENDS_PROGRAM.test(block(after, check.index + check[0].length));
}

/** The text of the block that starts after `{` at `from`, up to its closing brace. */
function block(text: string, from: number): string {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(from, i);
  }
  return text.slice(from);
}
