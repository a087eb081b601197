/** Reading dotnet command lines: verbs, options, MSBuild properties, what dotnet run forwards. */
import { splitShellCommands } from '../../../src/analyze/shell-commands';
import { parseDotnetCommand } from '../../../src/languages/dotnet/dotnet-commands';
import { settings } from './dotnet-fixtures';

const parse = (text: string) => {
  const command = parseDotnetCommand(splitShellCommands(text)[0], settings.commandOptions);
  if (!command) return null;
  const { properties, ...rest } = command;
  return { ...rest, properties: Object.fromEntries(properties) };
};

describe('dotnet commands', () => {
  it.each<[string, Record<string, unknown> | null]>([
    [
      'dotnet publish -c Release -o /app/out',
      { verb: 'publish', target: null, configuration: 'Release', output: '/app/out' },
    ],
    [
      'dotnet publish src/Api/Api.csproj --configuration=Release --output out',
      { target: 'src/Api/Api.csproj', configuration: 'Release', output: 'out' },
    ],
    [
      'dotnet publish -r linux-musl-x64 --self-contained false',
      { runtime: 'linux-musl-x64', selfContained: false },
    ],
    ['dotnet publish -r linux-x64 --self-contained', { runtime: 'linux-x64', selfContained: true }],
    ['dotnet publish --sc -r linux-x64 App.sln', { selfContained: true, target: 'App.sln' }],
    ['dotnet publish --no-self-contained', { selfContained: false }],
    [
      'dotnet publish -p:PublishAot=true "/p:AssemblyName=x;Version=2"',
      { properties: { PublishAot: 'true', AssemblyName: 'x', Version: '2' } },
    ],
    [
      '/usr/share/dotnet/dotnet build -f net8.0 -c Debug',
      { verb: 'build', framework: 'net8.0', configuration: 'Debug' },
    ],
    [
      'dotnet Api.dll --urls http://+:5000',
      { verb: 'dll', target: 'Api.dll', appArgs: ['--urls', 'http://+:5000'] },
    ],
    [
      'dotnet exec --runtimeconfig x.json out/Api.dll a',
      { verb: 'dll', target: 'out/Api.dll', appArgs: ['a'] },
    ],
    ['dotnet run', { verb: 'run', project: null, appArgs: [], launchProfile: null }],
    [
      'dotnet run --project src/Api -c Release --urls http://0.0.0.0:80',
      { verb: 'run', project: 'src/Api', configuration: 'Release', appArgs: ['--urls', 'http://0.0.0.0:80'] },
    ],
    ['dotnet run --no-launch-profile -- --once', { launchProfile: false, appArgs: ['--once'] }],
    ['dotnet run --launch-profile Docker', { launchProfile: 'Docker' }],
    ['dotnet watch run --no-restore', { verb: 'watch', appArgs: [] }],
    ['dotnet-ef database update', null],
    ['node server.js', null],
  ])('%s', (text, expected) => {
    const parsed = parse(text);
    if (expected === null) expect(parsed).toBeNull();
    else expect(parsed).toMatchObject(expected);
  });
});
