/**
 * Adding a language touches only its own files: `language-profiles/`, `templates/<id>/`,
 * `src/languages/<id>/`, `examples/<id>-*` and its tests. So no core file under src/ imports a
 * language folder or names a language in its code (comments may use one as an example), the
 * registry finds strategies by listing src/languages/, every template key a strategy renders is
 * declared (and so checked at profile load), and a user profile can add a language that reuses
 * a shipped strategy.
 */
import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { convertFile, createEnvironment, loadProfiles, strategies } from '../src';

const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'src');
const LANGUAGES = path.join(SRC, 'languages');

const strategyFolders = readdirSync(LANGUAGES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const languageIds = [...new Set([...strategyFolders, ...loadProfiles().map((p) => p.id)])].sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The language folder a file belongs to, or null for a core file. */
function languageOf(file: string): string | null {
  const relative = path.relative(LANGUAGES, file).split(path.sep);
  return relative.length > 1 && relative[0] !== '..' ? relative[0] : null;
}

interface Finding {
  file: string;
  line: number;
  text: string;
}

/** Module specifiers (import, export from, require, import()) and the other literals of a file. */
function literalsOf(file: string): { specifiers: Finding[]; literals: Finding[] } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const specifiers: Finding[] = [];
  const literals: Finding[] = [];
  const at = (node: ts.Node, text: string): Finding => ({
    file: path.relative(ROOT, file),
    line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
    text,
  });
  const visit = (node: ts.Node): void => {
    const isSpecifier =
      ts.isStringLiteral(node) &&
      (ts.isImportDeclaration(node.parent) ||
        ts.isExportDeclaration(node.parent) ||
        ts.isExternalModuleReference(node.parent) ||
        (ts.isCallExpression(node.parent) &&
          (node.parent.expression.kind === ts.SyntaxKind.ImportKeyword ||
            (ts.isIdentifier(node.parent.expression) && node.parent.expression.text === 'require'))));
    if (isSpecifier) specifiers.push(at(node, node.text));
    else if (
      ts.isStringLiteralLike(node) ||
      ts.isRegularExpressionLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      literals.push(at(node, node.getText(source)));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { specifiers, literals };
}

const coreFiles = sourceFiles(SRC).filter((file) => languageOf(file) === null);

describe('adding a language touches no core file', () => {
  it('finds the four shipped languages, so the checks below have something to find', () => {
    expect(languageIds).toEqual(expect.arrayContaining(['go', 'java', 'node', 'python']));
    expect(coreFiles.length).toBeGreaterThan(50);
  });

  it('no core file under src/ imports from a language folder', () => {
    const imports = coreFiles.flatMap((file) =>
      literalsOf(file).specifiers.filter(({ text }) => {
        if (!text.startsWith('.')) return false;
        const target = path.resolve(path.dirname(file), text);
        return (
          languageOf(target) !== null ||
          (path.dirname(target) === LANGUAGES && strategyFolders.includes(path.basename(target)))
        );
      }),
    );
    expect(imports).toEqual([]);
  });

  it('no core file under src/ names a language in its code', () => {
    const named = coreFiles.flatMap((file) =>
      literalsOf(file).literals.filter(({ text }) =>
        languageIds.some((id) => new RegExp(`(^|[^A-Za-z0-9_.-])${id}([^A-Za-z0-9_-]|$)`, 'i').test(text)),
      ),
    );
    expect(named).toEqual([]);
  });

  it('catches a core file that names one (the check above can fail)', () => {
    const probe = path.join(tmpdir(), `msb-probe-${process.pid}.ts`);
    writeFileSync(
      probe,
      "import { strategy } from './languages/python';\nconst id = 'python';\nconst pattern = /^node$/;\n",
    );
    const { specifiers, literals } = literalsOf(probe);
    expect(specifiers.map((s) => s.text)).toEqual(['./languages/python']);
    expect(literals.map((l) => l.text)).toEqual(["'python'", '/^node$/']);
  });

  it('strategies are the folders of src/languages, found by listing it', () => {
    expect([...strategies().keys()].sort()).toEqual(strategyFolders);
  });

  it.each(strategyFolders)(
    'strategy %s declares every template key it renders (so a profile without one fails at load)',
    (id) => {
      const rendered = new Set<string>();
      for (const file of sourceFiles(path.join(LANGUAGES, id))) {
        for (const match of readFileSync(file, 'utf8').matchAll(/\bprofile\.templates\.(\w+)/g))
          rendered.add(match[1]);
      }
      expect([...rendered].sort()).toEqual([...(strategies().get(id)?.templates ?? [])].sort());
    },
  );

  it('a user profile adds a language that reuses a shipped strategy', async () => {
    const python = readFileSync(path.join(ROOT, 'language-profiles', 'python.yaml'), 'utf8');
    const file = path.join(tmpdir(), `msb-flask-profile-${process.pid}.yaml`);
    writeFileSync(
      file,
      python.replace(/^id: python$/m, 'id: flask-app').replace(/^name: .*$/m, 'name: Flask apps'),
    );
    const environment = createEnvironment([file]);
    expect(environment.profiles.map((p) => p.id)).toEqual(expect.arrayContaining(['python', 'flask-app']));
    const dockerfile = path.join(ROOT, 'examples', 'python-requirements-console-script', 'Dockerfile');
    const result = await convertFile(dockerfile, { environment, lang: 'flask-app' });
    expect(result.status).toBe('converted');
    expect(result.detection?.language).toBe('flask-app');
    expect(result.output).toBe((await convertFile(dockerfile, { lang: 'python' })).output);
  });
});
