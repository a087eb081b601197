/** Java planning scenarios from the issue and PITFALLS.md, through the public convertText API. */
import { convertIn, runtimeOf } from '../../helpers/build-fixture';

const bootPom = (version = '3.2.5') =>
  `<project><modelVersion>4.0.0</modelVersion><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>${version}</version><relativePath/></parent><groupId>com.acme</groupId><artifactId>shop</artifactId><version>1.4.0</version><properties><java.version>21</java.version></properties><build><plugins><plugin><groupId>org.springframework.boot</groupId><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build></project>`;
const boot = { 'pom.xml': bootPom(), 'src/main/java/A.java': 'class A {}' };
const maven = (tail: string, image = 'maven:3.9-eclipse-temurin-21') =>
  `FROM ${image}\nWORKDIR /app\nCOPY . .\nRUN mvn -B package -DskipTests\n${tail}\n`;

describe('java planning', () => {
  it('copies the jar to the path the command names and runs it on the JRE of the same major', () => {
    const result = convertIn(maven('CMD ["java", "-jar", "target/shop-1.4.0.jar"]'), boot);
    expect(runtimeOf(result.output)).toBe(
      'FROM eclipse-temurin:21-jre AS runtime\nWORKDIR /app\nCOPY --from=builder /app/target/shop-1.4.0.jar /app/target/shop-1.4.0.jar\nCMD ["java", "-jar", "target/shop-1.4.0.jar"]\n',
    );
    expect(result.detection).toMatchObject({ framework: 'spring-boot', packageManager: 'maven' });
  });

  it('never copies with a wildcard; an exec-form wildcard gets a fixed name and a warning', () => {
    const result = convertIn(maven('CMD ["java", "-jar", "target/*.jar"]'), boot);
    expect(runtimeOf(result.output)).toContain(
      'COPY --from=builder /app/target/shop-1.4.0.jar /app/app.jar\nCMD ["java", "-jar", "app.jar"]',
    );
    expect(result.warnings.join()).toContain('exec form never expands');
  });

  it('keeps a shell-form wildcard: the runtime holds one jar for it to match', () => {
    const result = convertIn(maven('CMD java $JAVA_OPTS -jar target/*.jar'), boot);
    expect(runtimeOf(result.output)).toContain(
      'COPY --from=builder /app/target/shop-1.4.0.jar /app/target/shop-1.4.0.jar\nCMD java $JAVA_OPTS -jar target/*.jar',
    );
  });

  it('copies the built jar to a fixed name when the command names a path the build never writes', () => {
    const result = convertIn(maven('ENTRYPOINT ["java", "-jar", "/srv/service.jar"]'), boot);
    expect(runtimeOf(result.output)).toContain(
      'COPY --from=builder /app/target/shop-1.4.0.jar /app/app.jar\nENTRYPOINT ["java", "-jar", "/app/app.jar"]',
    );
    expect(result.warnings.join()).toContain('which the build does not write');
  });

  it('keeps a jar the build copies elsewhere (cp target/*.jar app.jar)', () => {
    const result = convertIn(
      'FROM maven:3.9-eclipse-temurin-21\nWORKDIR /app\nCOPY . .\nRUN mvn package && cp target/*.jar /opt/\nCMD ["java", "-jar", "/opt/shop-1.4.0.jar"]\n',
      boot,
    );
    expect(runtimeOf(result.output)).toContain('COPY --from=builder /opt/shop-1.4.0.jar /opt/shop-1.4.0.jar');
    expect(result.warnings).toEqual([]);
  });

  it('picks the module with the main class in a multi-module build', () => {
    const result = convertIn(
      'FROM maven:3.9-eclipse-temurin-17\nWORKDIR /w\nCOPY . .\nRUN mvn package\nCMD ["java", "-jar", "app/target/*.jar"]\n',
      {
        'pom.xml':
          '<project><groupId>g</groupId><artifactId>root</artifactId><version>2</version><packaging>pom</packaging><modules><module>lib</module><module>app</module></modules></project>',
        'lib/pom.xml':
          '<project><parent><groupId>g</groupId><artifactId>root</artifactId><version>2</version></parent><artifactId>lib</artifactId></project>',
        'app/pom.xml':
          '<project><parent><groupId>g</groupId><artifactId>root</artifactId><version>2</version></parent><artifactId>app</artifactId><build><plugins><plugin><artifactId>maven-jar-plugin</artifactId><configuration><archive><manifest><mainClass>a.M</mainClass></manifest></archive></configuration></plugin></plugins></build></project>',
      },
    );
    expect(runtimeOf(result.output)).toContain('COPY --from=builder /w/app/target/app-2.jar /w/app.jar');
  });

  it('turns mvn spring-boot:run into a package step and java -jar', () => {
    const result = convertIn(
      'FROM maven:3.9-eclipse-temurin-21\nWORKDIR /app\nCOPY . .\nCMD ["./mvnw", "-B", "spring-boot:run", "-Dspring-boot.run.profiles=prod"]\n',
      boot,
    );
    expect(result.output).toContain('RUN ./mvnw -B package -DskipTests\n');
    expect(runtimeOf(result.output)).toContain(
      'CMD ["java", "-Dspring.profiles.active=prod", "-jar", "/app/target/shop-1.4.0.jar"]',
    );
  });

  it('turns gradle bootRun into bootJar and java -jar', () => {
    const result = convertIn(
      'FROM gradle:8.5-jdk21\nWORKDIR /app\nCOPY . .\nCMD ["gradle", "bootRun", "--no-daemon"]\n',
      {
        'build.gradle': "plugins { id 'org.springframework.boot' version '3.3.1' }\nversion = '2.0.0'\n",
        'settings.gradle': "rootProject.name = 'svc'\n",
      },
    );
    expect(result.output).toContain('RUN gradle bootJar --no-daemon\n');
    expect(runtimeOf(result.output)).toContain(
      'COPY --from=builder /app/build/libs/svc-2.0.0.jar /app/build/libs/svc-2.0.0.jar\nCMD ["java", "-jar", "/app/build/libs/svc-2.0.0.jar"]',
    );
  });

  it('extracts Spring Boot layers on request (tools mode from 3.3, JarLauncher in loader.launch from 3.2)', () => {
    const result = convertIn(
      maven('ENTRYPOINT ["java", "-jar", "target/shop-1.4.0.jar"]'),
      { ...boot, 'pom.xml': bootPom('3.3.2') },
      { runtime: 'layered' },
    );
    expect(result.output).toContain(
      'RUN java -Djarmode=tools -jar /app/target/shop-1.4.0.jar extract --layers --launcher --destination /tmp/msb-layers\n',
    );
    const runtime = runtimeOf(result.output);
    expect(runtime).toContain('COPY --from=builder /tmp/msb-layers/dependencies/ /opt/app/\n');
    expect(runtime).toContain('COPY --from=builder /tmp/msb-layers/application/ /opt/app/\n');
    expect(runtime).toContain(
      'ENTRYPOINT ["java", "-cp", "/opt/app", "org.springframework.boot.loader.launch.JarLauncher"]',
    );
  });

  it('starts the layers from the CMD that runs java under an init ENTRYPOINT', () => {
    const result = convertIn(
      maven('ENTRYPOINT ["tini", "--"]\nCMD ["java", "-jar", "target/shop-1.4.0.jar"]'),
      { ...boot, 'pom.xml': bootPom('3.3.2') },
      { runtime: 'layered' },
    );
    expect(runtimeOf(result.output)).toContain(
      'ENTRYPOINT ["tini", "--"]\nCMD ["java", "-cp", "/opt/app", "org.springframework.boot.loader.launch.JarLauncher"]',
    );
  });

  it('reads no java call from a CMD that a shell-form ENTRYPOINT ignores', () => {
    const result = convertIn(maven('ENTRYPOINT ./start.sh\nCMD ["java", "-jar", "target/*.jar"]'), boot);
    expect(runtimeOf(result.output)).toContain(
      'COPY --from=builder /app/target/shop-1.4.0.jar /app/target/shop-1.4.0.jar\nENTRYPOINT ./start.sh\nCMD ["java", "-jar", "target/*.jar"]',
    );
    expect(result.warnings.join()).toContain('does not run java directly');
  });

  it('uses layertools with the launcher of loader.launch for Spring Boot 3.2', () => {
    const result = convertIn(
      maven('ENTRYPOINT ["java", "-jar", "target/shop-1.4.0.jar"]'),
      { ...boot, 'pom.xml': bootPom('3.2.0') },
      { runtime: 'layered' },
    );
    expect(result.output).toContain('RUN java -Djarmode=layertools -jar /app/target/shop-1.4.0.jar extract');
    expect(runtimeOf(result.output)).toContain('"org.springframework.boot.loader.launch.JarLauncher"]');
  });

  it('uses layertools and the old launcher before Spring Boot 3.2', () => {
    const result = convertIn(
      maven('CMD java $JAVA_OPTS -jar target/shop-1.4.0.jar --debug'),
      { ...boot, 'pom.xml': bootPom('2.7.18') },
      { runtime: 'layered' },
    );
    expect(result.output).toContain(
      'RUN java -Djarmode=layertools -jar /app/target/shop-1.4.0.jar extract --destination /tmp/msb-layers\n',
    );
    expect(runtimeOf(result.output)).toContain(
      'CMD java $JAVA_OPTS -cp /opt/app org.springframework.boot.loader.JarLauncher --debug',
    );
  });

  it('copies the Quarkus app directory', () => {
    const result = convertIn(
      'FROM maven:3.9-eclipse-temurin-17\nWORKDIR /work\nCOPY . .\nRUN mvn package -DskipTests\nCMD ["java", "-jar", "target/quarkus-app/quarkus-run.jar"]\n',
      {
        'pom.xml':
          '<project><artifactId>q</artifactId><version>1</version><build><plugins><plugin><groupId>io.quarkus.platform</groupId><artifactId>quarkus-maven-plugin</artifactId></plugin></plugins></build></project>',
      },
    );
    expect(runtimeOf(result.output)).toContain(
      'COPY --from=builder /work/target/quarkus-app /work/target/quarkus-app\n',
    );
    expect(result.detection?.framework).toBe('quarkus');
  });

  it('deploys a WAR on Tomcat of the right Servlet API and Java major', () => {
    const result = convertIn('FROM maven:3.8-openjdk-11\nWORKDIR /src\nCOPY . .\nRUN mvn package\n', {
      'pom.xml':
        '<project><artifactId>legacy</artifactId><version>0.9</version><packaging>war</packaging><dependencies><dependency><groupId>javax.servlet</groupId><artifactId>javax.servlet-api</artifactId></dependency></dependencies></project>',
    });
    expect(runtimeOf(result.output)).toBe(
      'FROM tomcat:9.0-jre11 AS runtime\nCOPY --from=builder /src/target/legacy-0.9.war /usr/local/tomcat/webapps/ROOT.war\nCMD ["catalina.sh", "run"]\n',
    );
  });

  it.each([
    ['openjdk:17-jdk-slim', 'eclipse-temurin:17-jre', 'openjdk images are deprecated'],
    ['openjdk:8-jdk-alpine', 'eclipse-temurin:8-jre-alpine', 'openjdk images are deprecated'],
    ['maven:3.8-openjdk-17', 'eclipse-temurin:17-jre', 'openjdk images are deprecated'],
    ['eclipse-temurin:21-jdk-jammy', 'eclipse-temurin:21-jre-jammy', null],
    ['maven:3.9-amazoncorretto-17', 'eclipse-temurin:17-jre', 'no JRE image of the same vendor'],
    ['gradle:8.5-jdk17-alpine', 'eclipse-temurin:17-jre-alpine', 'amd64'],
  ])('%s → %s', (builder, runtime, note) => {
    const result = convertIn(
      `FROM ${builder}\nWORKDIR /app\nCOPY app.jar .\nCMD ["java", "-jar", "app.jar"]\n`,
      { 'app.jar': 'PK' },
    );
    expect(runtimeOf(result.output)).toMatch(
      new RegExp(`^FROM ${runtime.replace(/[.]/g, '\\.')} AS runtime`),
    );
    if (note) expect(result.decisions.map((d) => d.why).join()).toContain(note);
  });

  const pom = (properties: string) =>
    `<project><modelVersion>4.0.0</modelVersion><groupId>d</groupId><artifactId>demo</artifactId><version>1</version><properties>${properties}</properties></project>`;
  const sourceTarget8 = pom(
    '<maven.compiler.source>1.8</maven.compiler.source><maven.compiler.target>1.8</maven.compiler.target>',
  );
  const release11 = pom('<maven.compiler.release>11</maven.compiler.release>');
  const toolchain17 =
    "plugins { id 'java' }\njava { toolchain { languageVersion = JavaLanguageVersion.of(17) } }\n";
  const source11 = "plugins { id 'java' }\nsourceCompatibility = '11'\n";
  // The runtime runs the builder image's JDK major; a tag that names none has the JDK the official
  // image ships under it; for tags no longer built only a --release/toolchain build names a safe JRE.
  it.each([
    ['maven:latest', { 'pom.xml': sourceTarget8 }, 'eclipse-temurin:26-jre', 'ships JDK 26'],
    ['maven', { 'pom.xml': sourceTarget8 }, 'eclipse-temurin:26-jre', 'ships JDK 26'],
    ['maven:3', { 'pom.xml': release11 }, 'eclipse-temurin:26-jre', 'ships JDK 26'],
    ['maven:3.9-eclipse-temurin', { 'pom.xml': release11 }, 'eclipse-temurin:26-jre', 'ships JDK 26'],
    ['maven:amazoncorretto', { 'pom.xml': release11 }, 'eclipse-temurin:25-jre', 'Corretto 25'],
    ['maven:3.9-eclipse-temurin-17', { 'pom.xml': sourceTarget8 }, 'eclipse-temurin:17-jre', null],
    ['gradle:jdk-alpine', { 'build.gradle': source11 }, 'eclipse-temurin:25-jre-alpine', 'ships JDK 25'],
    ['gradle:8', { 'build.gradle': source11 }, 'eclipse-temurin:21-jre', 'ships JDK 21'],
    ['maven:3.8', { 'pom.xml': release11 }, 'eclipse-temurin:11-jre', 'does not name its JDK'],
    ['maven:3.8', { 'pom.xml': bootPom() }, 'eclipse-temurin:21-jre', 'does not name its JDK'],
    [
      'gradle:7.4-jdk-alpine',
      { 'build.gradle': toolchain17 },
      'eclipse-temurin:17-jre',
      'does not name its JDK',
    ],
    ['maven:3.8', { 'pom.xml': sourceTarget8 }, null, 'only as -source/-target'],
    ['maven:3.5-alpine', { 'pom.xml': bootPom('2.7.0') }, null, 'only as -source/-target'],
    ['gradle:7.4-jdk-alpine', { 'build.gradle': source11 }, null, 'only as -source/-target'],
  ])('%s building %j → %s', (image, files, runtime, why) => {
    const gradle = image.startsWith('gradle');
    const result = convertIn(
      `FROM ${image}\nWORKDIR /app\nCOPY . .\nRUN ${gradle ? 'gradle build' : 'mvn package'}\nCMD ["java", "-jar", "${gradle ? 'build/libs/app.jar' : 'target/demo-1.jar'}"]\n`,
      {
        ...files,
        'src/main/java/A.java': 'class A {}',
        ...(gradle ? { 'settings.gradle': "rootProject.name = 'app'\n" } : {}),
      },
    );
    const said = [result.reason, ...result.warnings, ...result.decisions.map((d) => d.why)].join('\n');
    if (runtime === null) expect(result.status).toBe('skipped');
    else
      expect(runtimeOf(result.output)).toMatch(
        new RegExp(`^FROM ${runtime.replace(/[.]/g, '\\.')} AS runtime`),
      );
    if (why) expect(said).toContain(why);
  });

  it('replays users on the JRE, creates missing ones, and maps them to nonroot on distroless', () => {
    const withUser = maven(
      'RUN useradd -r spring\nUSER spring\nCMD ["java", "-jar", "target/shop-1.4.0.jar"]',
    );
    expect(runtimeOf(convertIn(withUser, boot).output)).toMatch(
      /RUN useradd -r spring\n[\s\S]*USER spring\n/,
    );
    const distroless = convertIn(withUser, boot, { runtime: 'distroless' });
    expect(runtimeOf(distroless.output)).toMatch(
      /^FROM gcr\.io\/distroless\/java21-debian12:nonroot[\s\S]*USER nonroot\nENTRYPOINT \[\]\nCMD/,
    );
    const fromImage = convertIn(
      'FROM gradle:8-jdk17\nUSER gradle\nWORKDIR /home/gradle/p\nCOPY --chown=gradle . .\nRUN gradle build\nCMD ["java", "-jar", "build/libs/demo.jar"]\n',
      {
        'build.gradle': "plugins { id 'org.springframework.boot' version '3.2.0' }\n",
        'settings.gradle': "rootProject.name = 'demo'\n",
      },
    );
    expect(runtimeOf(fromImage.output)).toContain('RUN useradd --system --create-home gradle\n');
    expect(runtimeOf(fromImage.output)).toContain(
      'COPY --from=builder --chown=gradle /home/gradle/p/build/libs/demo.jar',
    );
    expect(fromImage.warnings.join()).toContain('comes from the builder image');
  });

  it('skips, as broken, a shell-form command on the distroless image (which has no shell); --force writes it', () => {
    const dockerfile = maven('CMD java $JAVA_OPTS -jar target/shop-1.4.0.jar');
    const result = convertIn(dockerfile, boot, { runtime: 'distroless' });
    expect(result.status).toBe('skipped');
    expect(result.reason).toContain('would not work: the container command needs a shell');
    expect(result.broken).toEqual([
      { kind: 'program-missing', message: expect.stringContaining('needs a shell') },
    ]);
    const forced = convertIn(dockerfile, boot, { runtime: 'distroless', force: true });
    expect(forced.status).toBe('converted');
    expect(forced.warnings.join()).toContain('written with --force although it would not work');
  });

  it('flags a hard-coded openjdk JAVA_HOME', () => {
    const result = convertIn(
      'FROM openjdk:17-jdk-slim\nWORKDIR /app\nCOPY app.jar .\nCMD ["/usr/local/openjdk-17/bin/java", "-jar", "app.jar"]\n',
      { 'app.jar': 'PK' },
    );
    expect(result.warnings.join()).toContain('JAVA_HOME');
  });

  it('copies config files the app reads from its working directory', () => {
    const result = convertIn(maven('CMD ["java", "-jar", "target/shop-1.4.0.jar"]'), {
      ...boot,
      'config/application.yml': 'server.port: 9\n',
      'README.md': '#',
    });
    expect(runtimeOf(result.output)).toContain('COPY --from=builder /app/config /app/config');
  });

  it.each([
    [undefined, 'CMD ["mvn", "exec:java"]', 'exec:java'],
    ['jre,alpine', 'CMD ["java", "-jar", "target/shop-1.4.0.jar"]', 'choose one Java runtime'],
  ])('skips (runtime %s, %s)', (runtime, tail, reason) => {
    const result = convertIn(
      `FROM maven:3.9-eclipse-temurin-21\nWORKDIR /app\nCOPY . .\n${tail}\n`,
      boot,
      runtime ? { runtime } : {},
    );
    expect(result.status).toBe('skipped');
    expect(result.reason).toContain(reason);
  });

  it('rejects a runtime Java does not offer as a usage error', () => {
    const result = convertIn(maven('CMD ["java", "-jar", "target/shop-1.4.0.jar"]'), boot, {
      runtime: 'musl',
    });
    expect(result).toMatchObject({ status: 'error', error: { kind: 'usage' } });
    expect(result.reason).toMatch(/--runtime musl: java offers jre, alpine, distroless \(plus ,layered\)/);
  });
});
