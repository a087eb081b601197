/** mvn / gradle / jar / java command lines. */
import { splitShellCommands } from '../../../src/analyze/shell-commands';
import {
  jarToolOutput,
  parseBuildCommand,
  parseJavaInvocation,
} from '../../../src/languages/java/java-commands';
import { settings } from './java-fixtures';

const command = (text: string) => splitShellCommands(text)[0];

describe('parseBuildCommand', () => {
  it.each([
    [
      'mvn -B package -DskipTests',
      { tool: 'maven', steps: ['package'], packages: true, properties: new Map([['skipTests', 'true']]) },
    ],
    ['mvn -B -pl app -am package', { steps: ['package'], projects: ['app'] }],
    [
      './mvnw -f backend/pom.xml clean install -Drevision=1.2.0',
      { file: 'backend/pom.xml', steps: ['clean', 'install'], properties: new Map([['revision', '1.2.0']]) },
    ],
    ['mvn dependency:go-offline', { steps: ['dependency:go-offline'], packages: false, run: null }],
    ['mvn spring-boot:run -Dspring-boot.run.profiles=dev', { packages: false, run: 'spring-boot:run' }],
    ['sh mvnw package', { tool: 'maven', program: 'sh', packages: true }],
    [
      'gradle build --no-daemon -x test',
      { tool: 'gradle', steps: ['build'], packages: true, flags: ['--no-daemon', '-x', 'test'] },
    ],
    ['./gradlew :app:bootJar', { tool: 'gradle', steps: [':app:bootJar'], packages: true }],
    ['./gradlew -p service shadowJar', { file: 'service', steps: ['shadowJar'] }],
    ['gradle bootRun', { packages: false, run: 'bootJar' }],
    [
      'mvn -fae -D x=1 --file=a/pom.xml -plcore package',
      {
        file: 'a/pom.xml',
        projects: ['core'],
        flags: ['-fae', '-Dx=1', '--file=a/pom.xml', '-plcore'],
        properties: new Map([['x', '1']]),
      },
    ],
    [
      'gradle --project-dir=svc -Pprofile=prod build',
      { file: 'svc', steps: ['build'], flags: ['--project-dir=svc', '-Pprofile=prod'] },
    ],
  ])('%s', (text, expected) => {
    expect(parseBuildCommand(command(text), settings)).toMatchObject(expected);
  });

  it('ignores other programs', () => {
    expect(parseBuildCommand(command('java -jar app.jar'), settings)).toBeNull();
  });
});

describe('jarToolOutput', () => {
  it.each([
    ['jar cf wordcount.jar -C classes .', 'wordcount.jar'],
    ['jar cvfe app.jar a.Main -C out .', 'app.jar'],
    ['jar cmf MANIFEST.MF app.jar -C out .', 'app.jar'],
    ['jar --create --file=dist/app.jar -C out .', 'dist/app.jar'],
    ['jar --create --file dist/app.jar -C out .', 'dist/app.jar'],
    ['jar tf app.jar', null],
    ['javac -d out Main.java', null],
  ])('%s', (text, expected) => {
    expect(jarToolOutput(command(text))).toBe(expected);
  });
});

describe('parseJavaInvocation', () => {
  it.each([
    [['java', '-jar', 'app.jar'], { jar: 'app.jar', mainClass: null }],
    [['java', '-Xmx512m', '$JAVA_OPTS', '-jar', 'target/x.jar', '--server.port=9'], { jar: 'target/x.jar' }],
    [
      ['java', '-cp', 'app.jar:lib/*', 'a.Main', 'x'],
      { classpath: 'app.jar:lib/*', mainClass: 'a.Main', jar: null },
    ],
    [
      ['java', '--class-path=lib/*', '--add-opens', 'a/b=ALL', 'a.Main'],
      { classpath: 'lib/*', mainClass: 'a.Main' },
    ],
    [['tini', '--', '/opt/java/openjdk/bin/java', '-jar', '/app.jar'], { jar: '/app.jar' }],
  ])('%j', (argv, expected) => {
    expect(parseJavaInvocation(argv, settings)).toMatchObject(expected);
  });

  it('is null without java', () => {
    expect(parseJavaInvocation(['catalina.sh', 'run'], settings)).toBeNull();
  });
});
