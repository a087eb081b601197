/** How Go code loads a dotenv file: required (the program stops without it), optional, or unknown. */
import { openBuildContext } from '../../../src/context/build-context';
import { goEnvFileUse } from '../../../src/languages/go/go-env-files';
import { contextDir } from '../../helpers/build-fixture';

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
    const use = goEnvFileUse(openBuildContext(contextDir({ 'main.go': main(body), [file]: 'A=1' })), file);
    if (expected === null) expect(use).toBeNull();
    else expect(use).toMatchObject(expected);
  });

  it('a required load anywhere wins over an optional one; autoload is optional', () => {
    const files = {
      'a.go': main('godotenv.Load()'),
      'b/b.go': main('if err := godotenv.Load(); err != nil {\n\treturn\n}'),
      '.env': 'A=1',
    };
    expect(goEnvFileUse(openBuildContext(contextDir(files)), '.env')).toMatchObject({
      required: true,
      why: 'godotenv.Load in b/b.go stops the program without it',
    });
    const autoload = { 'main.go': main('', '_ "github.com/joho/godotenv/autoload"'), '.env': 'A=1' };
    expect(goEnvFileUse(openBuildContext(contextDir(autoload)), '.env')).toMatchObject({ required: false });
  });
});
