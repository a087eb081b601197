/** How a Java application loads a dotenv file: java.yaml's envFileLoads, read by src/plan/env-file-loads.ts. */
import { openBuildContext } from '../../../src/context/build-context';
import { envFileUse } from '../../../src/plan/env-file-loads';
import { contextDir } from '../../helpers/build-fixture';
import { settings } from './java-fixtures';

describe("java.yaml's envFileLoads", () => {
  it.each([
    [
      { 'src/main/java/App.java': 'class App { static Dotenv env = Dotenv.load(); }' },
      { required: true, why: 'dotenv-java in src/main/java/App.java throws without it' },
    ],
    [
      {
        'src/main/java/App.java':
          'class App { static Dotenv env = Dotenv.configure().ignoreIfMissing().load(); }',
      },
      { required: false },
    ],
    [
      {
        'src/main/resources/application.properties': 'spring.config.import=optional:file:.env[.properties]\n',
      },
      {
        required: false,
        why: 'spring.config.import in src/main/resources/application.properties marks it optional',
      },
    ],
    [
      { 'src/main/resources/application.yml': 'spring:\n  config:\n    import: file:./.env[.properties]\n' },
      { required: true },
    ],
    [
      {
        'pom.xml':
          '<project><dependency><groupId>me.paulschwarz</groupId><artifactId>spring-dotenv</artifactId></dependency></project>',
      },
      { required: false },
    ],
    [{ 'src/main/resources/application.properties': 'server.port=8080\n' }, null],
  ])('%j', (files, expected) => {
    const use = envFileUse(
      openBuildContext(contextDir({ ...files, '.env': 'A=1' })),
      '.env',
      settings.envFileLoads,
    );
    if (expected === null) expect(use).toBeNull();
    else expect(use).toMatchObject(expected);
  });
});
