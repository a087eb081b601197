/** .NET planning through the public convertText API: runtime image, output folder, variables, users. */
import { convertIn, runtimeOf } from '../../helpers/build-fixture';

const csproj = (
  body = '<TargetFramework>net8.0</TargetFramework>',
  sdk = 'Microsoft.NET.Sdk.Web',
  items = '',
) => `<Project Sdk="${sdk}"><PropertyGroup>${body}</PropertyGroup>${items}</Project>`;
const build = (image: string, publish: string, command: string, extra = '') =>
  `FROM ${image}\nWORKDIR /app\nCOPY . .\nRUN ${publish}\n${extra}${command}\n`;
const fromOf = (output: string) => /^FROM (\S+)/.exec(runtimeOf(output))?.[1];

describe('dotnet planning', () => {
  it.each<[string, string, Record<string, string>, string, string, string]>([
    [
      'web project',
      'mcr.microsoft.com/dotnet/sdk:8.0',
      { 'A.csproj': csproj() },
      'dotnet publish -o out',
      'CMD ["dotnet", "out/A.dll"]',
      'mcr.microsoft.com/dotnet/aspnet:8.0',
    ],
    [
      'console app, SDK patch and variant',
      'mcr.microsoft.com/dotnet/sdk:8.0.404-bookworm-slim',
      { 'A.csproj': csproj(undefined, 'Microsoft.NET.Sdk') },
      'dotnet publish -o out',
      'CMD ["dotnet", "out/A.dll"]',
      'mcr.microsoft.com/dotnet/runtime:8.0-bookworm-slim',
    ],
    [
      'FrameworkReference to ASP.NET Core',
      'mcr.microsoft.com/dotnet/sdk:8.0-jammy',
      {
        'A.csproj': csproj(
          undefined,
          'Microsoft.NET.Sdk',
          '<ItemGroup><FrameworkReference Include="Microsoft.AspNetCore.App" /></ItemGroup>',
        ),
      },
      'dotnet publish -o out',
      'CMD ["dotnet", "out/A.dll"]',
      'mcr.microsoft.com/dotnet/aspnet:8.0-jammy',
    ],
    [
      '-r implies self-contained before .NET 8',
      'mcr.microsoft.com/dotnet/sdk:7.0-alpine',
      { 'A.csproj': csproj('<TargetFramework>net7.0</TargetFramework>') },
      'dotnet publish -r linux-musl-x64 -o /out',
      'ENTRYPOINT ["/out/A"]',
      'mcr.microsoft.com/dotnet/runtime-deps:7.0-alpine',
    ],
    [
      '-r alone is framework-dependent from .NET 8',
      'mcr.microsoft.com/dotnet/sdk:8.0',
      { 'A.csproj': csproj(undefined, 'Microsoft.NET.Sdk') },
      'dotnet publish -r linux-x64 -o /out',
      'ENTRYPOINT ["/out/A"]',
      'mcr.microsoft.com/dotnet/runtime:8.0',
    ],
    [
      'SelfContained in the project',
      'mcr.microsoft.com/dotnet/sdk:9.0',
      {
        'A.csproj': csproj(
          '<TargetFramework>net9.0</TargetFramework><RuntimeIdentifier>linux-x64</RuntimeIdentifier><SelfContained>true</SelfContained>',
        ),
      },
      'dotnet publish -o /out',
      'ENTRYPOINT ["/out/A"]',
      'mcr.microsoft.com/dotnet/runtime-deps:9.0',
    ],
    [
      'Native AOT',
      'mcr.microsoft.com/dotnet/sdk:8.0',
      { 'A.csproj': csproj('<TargetFramework>net8.0</TargetFramework><PublishAot>true</PublishAot>') },
      'dotnet publish -r linux-x64 -o /out',
      'ENTRYPOINT ["/out/A"]',
      'mcr.microsoft.com/dotnet/runtime-deps:8.0',
    ],
    [
      'self-contained but started with dotnet: .NET stays',
      'mcr.microsoft.com/dotnet/sdk:8.0',
      { 'A.csproj': csproj() },
      'dotnet publish --sc -r linux-x64 -o /out',
      'ENTRYPOINT ["dotnet", "/out/A.dll"]',
      'mcr.microsoft.com/dotnet/aspnet:8.0',
    ],
    [
      '.NET Core 3.1 repository',
      'mcr.microsoft.com/dotnet/core/sdk:3.1',
      { 'A.csproj': csproj('<TargetFramework>netcoreapp3.1</TargetFramework>') },
      'dotnet publish -c Release -o out',
      'CMD ["dotnet", "out/A.dll"]',
      'mcr.microsoft.com/dotnet/core/aspnet:3.1',
    ],
  ])('runtime image: %s', (_name, image, files, publish, command, expected) => {
    const result = convertIn(build(image, publish, command), files);
    expect(result.status).toBe('converted');
    expect(fromOf(result.output)).toBe(expected);
  });

  it('follows an ARG-chosen SDK tag', () => {
    const result = convertIn(
      'ARG DOTNET=8.0\nFROM mcr.microsoft.com/dotnet/sdk:${DOTNET}\nWORKDIR /app\nCOPY . .\nRUN dotnet publish -o out\nCMD ["dotnet", "out/A.dll"]\n',
      { 'A.csproj': csproj() },
    );
    expect(fromOf(result.output)).toBe('mcr.microsoft.com/dotnet/aspnet:8.0');
  });

  it.each<[string, Record<string, string>, string, string, string]>([
    [
      'publish defaults to Debug before .NET 8',
      { 'A.csproj': csproj('<TargetFramework>net6.0</TargetFramework>') },
      'dotnet publish',
      'bin/Debug/net6.0/publish/A.dll',
      '/app/bin/Debug/net6.0/publish',
    ],
    [
      'publish defaults to Release from .NET 8, with the RID folder',
      { 'A.csproj': csproj() },
      'dotnet publish -r linux-x64',
      'bin/Release/net8.0/linux-x64/publish/A.dll',
      '/app/bin/Release/net8.0/linux-x64/publish',
    ],
    [
      'dotnet build output',
      { 'A.csproj': csproj() },
      'dotnet build -c Release',
      'bin/Release/net8.0/A.dll',
      '/app/bin/Release/net8.0',
    ],
    [
      'PublishDir in the project',
      { 'A.csproj': csproj('<TargetFramework>net8.0</TargetFramework><PublishDir>/srv/app/</PublishDir>') },
      'dotnet publish',
      '/srv/app/A.dll',
      '/srv/app',
    ],
    [
      'OutputPath from Directory.Build.props',
      {
        'Directory.Build.props':
          '<Project><PropertyGroup><OutputPath>../build/</OutputPath></PropertyGroup></Project>',
        'src/A.csproj': csproj(),
      },
      'dotnet publish src/A.csproj',
      '/app/build/net8.0/publish/A.dll',
      '/app/build/net8.0/publish',
    ],
    [
      'a solution: the DLL names the project',
      {
        'All.sln':
          'Project("{X}") = "A", "a\\A.csproj", "{1}"\nEndProject\nProject("{X}") = "B", "b\\B.csproj", "{2}"\nEndProject\n',
        'a/A.csproj': csproj(),
        'b/B.csproj': csproj(undefined, 'Microsoft.NET.Sdk'),
      },
      'dotnet publish All.sln',
      'b/bin/Release/net8.0/publish/B.dll',
      '/app/b/bin/Release/net8.0/publish',
    ],
  ])('output folder: %s', (_name, files, publish, dll, folder) => {
    const result = convertIn(
      build('mcr.microsoft.com/dotnet/sdk:8.0', publish, `CMD ["dotnet", "${dll}"]`),
      files,
    );
    expect(result.status).toBe('converted');
    expect(runtimeOf(result.output)).toContain(`COPY --from=builder ${folder} ${folder}\n`);
  });

  it('a console app of a solution runs on the runtime image', () => {
    const files = {
      'All.sln':
        'Project("{X}") = "A", "a\\A.csproj", "{1}"\nEndProject\nProject("{X}") = "B", "b\\B.csproj", "{2}"\nEndProject\n',
      'a/A.csproj': csproj(),
      'b/B.csproj': csproj(undefined, 'Microsoft.NET.Sdk'),
    };
    const result = convertIn(
      build(
        'mcr.microsoft.com/dotnet/sdk:8.0',
        'dotnet publish All.sln',
        'CMD ["dotnet", "b/bin/Release/net8.0/publish/B.dll"]',
      ),
      files,
    );
    expect(fromOf(result.output)).toBe('mcr.microsoft.com/dotnet/runtime:8.0');
  });

  it('a solution published into one folder: the project named like the DLL decides the image', () => {
    const files = {
      'All.sln':
        'Project("{X}") = "Tests", "tests\\Tests.csproj", "{1}"\nEndProject\nProject("{X}") = "Web", "web\\Web.csproj", "{2}"\nEndProject\n',
      'tests/Tests.csproj': csproj(undefined, 'Microsoft.NET.Sdk'),
      'web/Web.csproj': csproj(),
    };
    const result = convertIn(
      build(
        'mcr.microsoft.com/dotnet/sdk:8.0',
        'dotnet publish -c Release -o out',
        'CMD ["dotnet", "out/Web.dll"]',
      ),
      files,
    );
    expect(fromOf(result.output)).toBe('mcr.microsoft.com/dotnet/aspnet:8.0');
  });

  it('skips a multi-targeted publish without -f: the output folder is unknown', () => {
    const files = { 'A.csproj': csproj('<TargetFrameworks>net6.0;net8.0</TargetFrameworks>') };
    const result = convertIn(
      build(
        'mcr.microsoft.com/dotnet/sdk:8.0',
        'dotnet publish',
        'CMD ["dotnet", "bin/Release/net8.0/publish/A.dll"]',
      ),
      files,
    );
    expect(result.status).toBe('skipped');
    expect(result.reason).toContain('several target frameworks');
  });

  it.each<[string, string, string, string, string[]]>([
    [
      '.NET 6 web: the SDK empties ASPNETCORE_URLS',
      'sdk:6.0',
      '<TargetFramework>net6.0</TargetFramework>',
      '',
      ['ENV ASPNETCORE_URLS=""'],
    ],
    [
      '.NET 8 web: both images listen on 8080',
      'sdk:8.0',
      '<TargetFramework>net8.0</TargetFramework>',
      '',
      [],
    ],
    [
      '.NET 6 web that sets its own URL',
      'sdk:6.0',
      '<TargetFramework>net6.0</TargetFramework>',
      'ENV ASPNETCORE_URLS=http://+:5000\n',
      ['ENV ASPNETCORE_URLS=http://+:5000'],
    ],
  ])('listening address: %s', (_name, tag, props, extra, envs) => {
    const result = convertIn(
      build(
        `mcr.microsoft.com/dotnet/${tag}`,
        'dotnet publish -c Release -o out',
        'CMD ["dotnet", "out/A.dll"]',
        extra,
      ),
      { 'A.csproj': csproj(props) },
    );
    const lines = runtimeOf(result.output)
      .split('\n')
      .filter((l) => l.startsWith('ENV'));
    expect(lines).toEqual(envs);
  });

  it('a .NET 6 console app gets no URL variable', () => {
    const result = convertIn(
      build(
        'mcr.microsoft.com/dotnet/sdk:6.0',
        'dotnet publish -c Release -o out',
        'CMD ["dotnet", "out/A.dll"]',
      ),
      { 'A.csproj': csproj('<TargetFramework>net6.0</TargetFramework>', 'Microsoft.NET.Sdk') },
    );
    expect(runtimeOf(result.output)).not.toContain('ENV');
  });

  it.each<[string, string, string, string[]]>([
    ['the .NET 8 app user', 'sdk:8.0', 'USER app\n', ['USER app']],
    ['$APP_UID of the .NET 8 images', 'sdk:8.0', 'USER $APP_UID\n', ['USER $APP_UID']],
    [
      'a user the Dockerfile created on .NET 6',
      'sdk:6.0',
      'RUN useradd -m web\nUSER web\n',
      ['RUN useradd -m web', 'USER web'],
    ],
  ])('users: %s', (_name, tag, extra, expected) => {
    const result = convertIn(
      build(
        `mcr.microsoft.com/dotnet/${tag}`,
        'dotnet publish -c Release -o out',
        'CMD ["dotnet", "out/A.dll"]',
        extra,
      ),
      { 'A.csproj': csproj(undefined, 'Microsoft.NET.Sdk') },
    );
    const lines = runtimeOf(result.output)
      .split('\n')
      .filter((l) => /^(USER|RUN)/.test(l));
    expect(lines).toEqual(expected);
  });

  it('rewrites a shell-form dotnet run, keeping its cd and what it forwards, and drops the start-up restore', () => {
    const files = {
      'Api/Api.csproj': csproj('<TargetFramework>net8.0</TargetFramework><AssemblyName>acme</AssemblyName>'),
      'Api/appsettings.json': '{}',
    };
    const result = convertIn(
      'FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nCMD cd Api && dotnet restore && dotnet run -- --port "$PORT"\n',
      files,
    );
    expect(runtimeOf(result.output)).toContain('CMD cd Api && dotnet /app/publish/acme.dll --port "$PORT"');
    expect(result.output).toContain('RUN dotnet publish /src/Api/Api.csproj -c Release -o /app/publish');
    expect(runtimeOf(result.output)).toContain(
      'COPY --from=builder /src/Api/appsettings.json /src/Api/appsettings.json',
    );
  });

  it('keeps the Alpine SDK image globalization unless the project is invariant', () => {
    const alpine = (props: string) =>
      runtimeOf(
        convertIn(
          build(
            'mcr.microsoft.com/dotnet/sdk:8.0-alpine',
            'dotnet publish -o out',
            'CMD ["dotnet", "out/A.dll"]',
          ),
          { 'A.csproj': csproj(props) },
        ).output,
      );
    expect(alpine('<TargetFramework>net8.0</TargetFramework>')).toContain(
      'RUN apk add --no-cache icu-data-full icu-libs tzdata',
    );
    expect(
      alpine(
        '<TargetFramework>net8.0</TargetFramework><InvariantGlobalization>true</InvariantGlobalization>',
      ),
    ).not.toContain('apk add');
  });

  it('applies a launch profile written with a BOM, and keeps the development certificate its https:// address uses', () => {
    const launch =
      '\uFEFF{"profiles":{"Api":{"commandName":"Project","applicationUrl":"https://0.0.0.0:7001;http://0.0.0.0:5001"}}}';
    const result = convertIn(
      'FROM mcr.microsoft.com/dotnet/sdk:6.0\nWORKDIR /app\nCOPY . .\nRUN dotnet dev-certs https\nCMD ["dotnet", "run"]\n',
      {
        'Api.csproj': csproj('<TargetFramework>net6.0</TargetFramework>'),
        'Properties/launchSettings.json': launch,
      },
    );
    const runtime = runtimeOf(result.output);
    expect(runtime).toContain('ENV ASPNETCORE_URLS=https://0.0.0.0:7001;http://0.0.0.0:5001\n');
    expect(runtime).toContain(
      'COPY --from=builder /root/.dotnet/corefx/cryptography/x509stores /root/.dotnet/corefx/cryptography/x509stores',
    );
  });

  it.each<[string, string, string]>([
    [
      'Windows image',
      'FROM mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022\nCOPY . .\nRUN dotnet publish -o out\nCMD ["dotnet", "out/A.dll"]\n',
      'Windows',
    ],
    [
      'an SDK tool at start-up',
      'FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /app\nCOPY . .\nRUN dotnet publish -o out\nCMD dotnet ef database update && dotnet out/A.dll\n',
      'dotnet ef',
    ],
    [
      'dotnet run split over ENTRYPOINT and CMD',
      'FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["dotnet"]\nCMD ["run"]\n',
      'split over ENTRYPOINT and CMD',
    ],
    [
      'a start-up script msb does not read',
      'FROM mcr.microsoft.com/dotnet/sdk:6.0\nWORKDIR /app\nCOPY . .\nRUN dotnet build\nCMD /bin/bash ./entrypoint.sh\n',
      'the script ./entrypoint.sh',
    ],
    [
      'Blazor WebAssembly',
      'FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /app\nCOPY . .\nRUN dotnet publish -o out\nCMD ["dotnet", "out/A.dll"]\n',
      'Blazor WebAssembly',
    ],
  ])('skips: %s', (name, dockerfile, reason) => {
    const sdk =
      name === 'Blazor WebAssembly' ? 'Microsoft.NET.Sdk.BlazorWebAssembly' : 'Microsoft.NET.Sdk.Web';
    const result = convertIn(dockerfile, { 'A.csproj': csproj(undefined, sdk) });
    expect(result.status).toBe('skipped');
    expect(result.reason).toContain(reason);
  });
});
