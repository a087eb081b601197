/** How Go code loads a dotenv file: required (the program stops without it), optional, or unknown. */
import { openBuildContext } from '../../../src/context/build-context';
import { goEnvFileUse } from '../../../src/languages/go/go-env-files';
import { scanGoSources } from '../../../src/languages/go/go-sources';
import { contextDir } from '../../helpers/build-fixture';

const GO_MOD = 'module example.com/m\n\nrequire github.com/joho/godotenv v1.5.1\n';
const LOADERS = ['github.com/joho/godotenv'];
function useIn(files: Record<string, string>, file: string) {
  const context = openBuildContext(contextDir({ 'go.mod': GO_MOD, ...files }));
  return goEnvFileUse(context, file, scanGoSources(context), LOADERS);
}

const main = (body: string, imports = '"log"\n\t"github.com/joho/godotenv"') =>
  `package main\n\nimport (\n\t${imports}\n)\n\nfunc main() {\n${body}\n}\n`;

describe('goEnvFileUse', () => {
  it.each([
    [
      'if err := godotenv.Load(); err != nil {\n\tlog.Fatal(err)\n}',
      '.env',
      { required: true, why: 'godotenv.Load in main.go stops the program without it' },
    ],
    ['err := godotenv.Load(".env")\n\nif err != nil {\n\tpanic(err)\n}', '.env', { required: true }],
    [
      'if err := godotenv.Load(); err != nil {\n\tlog.Println("no .env file")\n}',
      '.env',
      { required: false, why: 'godotenv.Load in main.go goes on without it' },
    ],
    ['godotenv.Load()', '.env', { required: false }],
    ['_ = godotenv.Overload(".env.local")', '.env.local', { required: false }],
    ['log.Fatal(godotenv.Load())', '.env', { required: true }],
    ['err := godotenv.Load()\nuse(err)', '.env', { required: true }],
    ['err := godotenv.Load(".env.production")\nif err != nil { log.Fatal(err) }', '.env', null],
    ['err := godotenv.Load(path)\nif err != nil { os.Exit(2) }', '.env.staging', { required: true }],
    ['// godotenv.Load()\nlog.Println("x")', '.env', null],
  ])('%s (%s)', (body, file, expected) => {
    const use = useIn({ 'main.go': main(body), [file]: 'A=1' }, file);
    if (expected === null) expect(use).toBeNull();
    else expect(use).toMatchObject(expected);
  });

  it('a required load anywhere wins over an optional one; autoload is optional', () => {
    const files = {
      'a.go': main('godotenv.Load()'),
      'b/b.go': main('if err := godotenv.Load(); err != nil {\n\treturn\n}'),
      '.env': 'A=1',
    };
    expect(useIn(files, '.env')).toMatchObject({
      required: true,
      why: 'godotenv.Load in b/b.go stops the program without it',
    });
    const autoload = { 'main.go': main('', '_ "github.com/joho/godotenv/autoload"'), '.env': 'A=1' };
    expect(useIn(autoload, '.env')).toMatchObject({ required: false });
  });

  it('is unused when go.mod has no file-loading library and no source names the file', () => {
    const files = { 'main.go': 'package main\n\nfunc main() {}\n', '.env': 'A=1' };
    const context = openBuildContext(contextDir({ 'go.mod': 'module m\n', ...files }));
    expect(goEnvFileUse(context, '.env', scanGoSources(context), LOADERS)).toMatchObject({
      unused: true,
      why: expect.stringContaining('no Go code can read .env'),
    });
    const named = {
      ...files,
      'main.go': 'package main\n\nimport "os"\n\nfunc main() { os.ReadFile(".env") }\n',
    };
    const reading = openBuildContext(contextDir({ 'go.mod': 'module m\n', ...named }));
    expect(goEnvFileUse(reading, '.env', scanGoSources(reading), LOADERS)).toBeNull();
  });
});
