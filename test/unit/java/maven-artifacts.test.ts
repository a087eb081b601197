/** Jar naming from pom.xml: finalName, artifactId-version, properties, parents, plugins, modules. */
import { openBuildContext } from '../../../src/context/build-context';
import { mavenArtifacts } from '../../../src/languages/java/maven-artifacts';
import { interpolate, readMavenModules, readMavenProject } from '../../../src/languages/java/maven-pom';
import { contextDir } from '../../helpers/build-fixture';

const pom = (body: string) =>
  `<?xml version="1.0"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n<modelVersion>4.0.0</modelVersion>\n${body}\n</project>\n`;
const jarPlugin =
  '<plugin><artifactId>maven-jar-plugin</artifactId><configuration><archive><manifest><mainClass>a.Main</mainClass></manifest></archive></configuration></plugin>';

function artifacts(files: Record<string, string>, dir = '', overrides: Record<string, string> = {}) {
  const context = openBuildContext(contextDir(files));
  const project = readMavenProject(context, dir, new Map(Object.entries(overrides)))!;
  return mavenArtifacts(project, context, '').map((a) => a.path);
}

describe('maven jar naming', () => {
  it.each<[string, Record<string, string>, string[]]>([
    [
      'artifactId-version.jar',
      { 'pom.xml': pom('<groupId>g</groupId><artifactId>inventory</artifactId><version>0.3.1</version>') },
      ['target/inventory-0.3.1.jar'],
    ],
    [
      '<finalName>',
      {
        'pom.xml': pom(
          '<artifactId>a</artifactId><version>1</version><build><finalName>service</finalName></build>',
        ),
      },
      ['target/service.jar'],
    ],
    [
      'properties in finalName',
      {
        'pom.xml': pom(
          '<artifactId>a</artifactId><version>1.0</version><properties><app.name>orders</app.name><env>prod</env></properties><build><finalName>${app.name}-${env}-${project.version}</finalName></build>',
        ),
      },
      ['target/orders-prod-1.0.jar'],
    ],
    [
      'nested properties and ${revision}',
      {
        'pom.xml': pom(
          '<artifactId>a</artifactId><version>${revision}</version><properties><major>2</major><revision>${major}.5.0</revision></properties>',
        ),
      },
      ['target/a-2.5.0.jar'],
    ],
    [
      'packaging war',
      { 'pom.xml': pom('<artifactId>web</artifactId><version>1</version><packaging>war</packaging>') },
      ['target/web-1.war'],
    ],
    [
      'packaging pom has no artifact',
      { 'pom.xml': pom('<artifactId>p</artifactId><version>1</version><packaging>pom</packaging>') },
      [],
    ],
    [
      '<build><directory>',
      {
        'pom.xml': pom(
          '<artifactId>a</artifactId><version>1</version><build><directory>${project.basedir}/out</directory></build>',
        ),
      },
      ['out/a-1.jar'],
    ],
    [
      'shade attached with a classifier',
      {
        'pom.xml': pom(
          `<artifactId>t</artifactId><version>1</version><build><plugins>${jarPlugin}<plugin><artifactId>maven-shade-plugin</artifactId><executions><execution><goals><goal>shade</goal></goals><configuration><shadedArtifactAttached>true</shadedArtifactAttached><shadedClassifierName>fat</shadedClassifierName></configuration></execution></executions></plugin></plugins></build>`,
        ),
      },
      ['target/t-1-fat.jar', 'target/t-1.jar'],
    ],
    [
      'assembly jar-with-dependencies',
      {
        'pom.xml': pom(
          '<artifactId>t</artifactId><version>1</version><build><plugins><plugin><artifactId>maven-assembly-plugin</artifactId><configuration><archive><manifest><mainClass>a.M</mainClass></manifest></archive><descriptorRefs><descriptorRef>jar-with-dependencies</descriptorRef></descriptorRefs></configuration></plugin></plugins></build>',
        ),
      },
      ['target/t-1-jar-with-dependencies.jar', 'target/t-1.jar'],
    ],
    [
      'Quarkus fast-jar directory',
      {
        'pom.xml': pom(
          '<artifactId>q</artifactId><version>1</version><build><plugins><plugin><groupId>io.quarkus</groupId><artifactId>quarkus-maven-plugin</artifactId></plugin></plugins></build>',
        ),
      },
      ['target/quarkus-app'],
    ],
    [
      'Quarkus uber-jar',
      {
        'pom.xml': pom(
          '<artifactId>q</artifactId><version>1</version><build><plugins><plugin><artifactId>quarkus-maven-plugin</artifactId></plugin></plugins></build>',
        ),
        'src/main/resources/application.properties': 'quarkus.package.jar.type=uber-jar\n',
      },
      ['target/q-1-runner.jar'],
    ],
  ])('%s', (_name, files, expected) => {
    expect(artifacts(files)).toEqual(expected);
  });

  it('resolves -D overrides from the mvn command line', () => {
    expect(
      artifacts(
        {
          'pom.xml': pom(
            '<artifactId>a</artifactId><version>${revision}</version><properties><revision>0-SNAPSHOT</revision></properties>',
          ),
        },
        '',
        { revision: '4.2.0' },
      ),
    ).toEqual(['target/a-4.2.0.jar']);
  });

  it('inherits version, groupId, properties and finalName from the parent, with the child artifactId', () => {
    const files = {
      'pom.xml': pom(
        '<groupId>com.acme</groupId><artifactId>parent</artifactId><version>3.1.0</version><packaging>pom</packaging><modules><module>api</module><module>lib</module></modules><properties><suffix>svc</suffix></properties><build><finalName>${project.artifactId}-${suffix}</finalName></build>',
      ),
      'api/pom.xml': pom(
        `<parent><groupId>com.acme</groupId><artifactId>parent</artifactId><version>3.1.0</version></parent><artifactId>api</artifactId><build><plugins>${jarPlugin}</plugins></build>`,
      ),
      'lib/pom.xml': pom(
        '<parent><groupId>com.acme</groupId><artifactId>parent</artifactId><version>3.1.0</version></parent><artifactId>lib</artifactId>',
      ),
    };
    const context = openBuildContext(contextDir(files));
    const api = readMavenProject(context, 'api')!;
    expect(api).toMatchObject({
      groupId: 'com.acme',
      version: '3.1.0',
      finalName: 'api-svc',
      unresolved: [],
    });
    expect(readMavenModules(context, '').map((m) => m.artifactId)).toEqual(['parent', 'api', 'lib']);
  });

  it('knows the Spring Boot version from spring-boot-starter-parent (not in the context)', () => {
    const context = openBuildContext(
      contextDir({
        'pom.xml': pom(
          '<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.2.5</version><relativePath/></parent><artifactId>demo</artifactId><version>0.0.1-SNAPSHOT</version><build><plugins><plugin><groupId>org.springframework.boot</groupId><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build>',
        ),
      }),
    );
    const project = readMavenProject(context, '')!;
    expect(project.springBootVersion).toBe('3.2.5');
    expect(mavenArtifacts(project, context, '')).toEqual([
      expect.objectContaining({
        path: 'target/demo-0.0.1-SNAPSHOT.jar',
        runnable: true,
        springBoot: '3.2.5',
      }),
    ]);
  });

  it('reports placeholders it cannot resolve', () => {
    const context = openBuildContext(
      contextDir({ 'pom.xml': pom('<artifactId>a</artifactId><version>${revision}</version>') }),
    );
    expect(readMavenProject(context, '')).toMatchObject({
      finalName: 'a-${revision}',
      unresolved: ['revision'],
    });
  });

  it.each([
    ['${a}-${b}', { a: 'x', b: '${a}' }, 'x-x'],
    ['${missing}', {}, '${missing}'],
    ['plain', {}, 'plain'],
  ])('interpolate(%s)', (value, properties, expected) => {
    expect(interpolate(value, new Map(Object.entries(properties)))).toBe(expected);
  });
});
