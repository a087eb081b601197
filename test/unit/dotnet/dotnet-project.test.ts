/** Reading .csproj/.fsproj files, Directory.Build.props and solution files. */
import { openBuildContext } from '../../../src/context/build-context';
import {
  frameworkMajor,
  readProject,
  readProjects,
  solutionProjects,
} from '../../../src/languages/dotnet/dotnet-project';
import { contextDir } from '../../helpers/build-fixture';

const context = (files: Record<string, string>) => openBuildContext(contextDir(files));
const project = (body: string, sdk = 'Microsoft.NET.Sdk') => `<Project Sdk="${sdk}">${body}</Project>`;

describe('dotnet project files', () => {
  it.each<[string, Record<string, string>, string, { sdk: string | null; assembly: string; tfms: string[] }]>(
    [
      [
        'the project file name names the DLL',
        {
          'Api.csproj': project(
            '<PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>',
            'Microsoft.NET.Sdk.Web',
          ),
        },
        'Api.csproj',
        { sdk: 'Microsoft.NET.Sdk.Web', assembly: 'Api', tfms: ['net8.0'] },
      ],
      [
        'AssemblyName wins',
        {
          'src/Tool.fsproj': project(
            '<PropertyGroup><AssemblyName>acme-tool</AssemblyName><TargetFrameworks>net6.0;net8.0</TargetFrameworks></PropertyGroup>',
          ),
        },
        'src/Tool.fsproj',
        { sdk: 'Microsoft.NET.Sdk', assembly: 'acme-tool', tfms: ['net6.0', 'net8.0'] },
      ],
      [
        'Directory.Build.props (nearest up the tree) applies first; $(MSBuildProjectName) is the importing project',
        {
          'Directory.Build.props':
            '<Project><PropertyGroup><AssemblyName>root-$(MSBuildProjectName)</AssemblyName><TargetFramework>net7.0</TargetFramework></PropertyGroup></Project>',
          'src/Directory.Build.props':
            '<Project><PropertyGroup><AssemblyName>src-$(MSBuildProjectName)</AssemblyName></PropertyGroup></Project>',
          'src/App/App.csproj': project(''),
        },
        'src/App/App.csproj',
        { sdk: 'Microsoft.NET.Sdk', assembly: 'src-App', tfms: [] },
      ],
      [
        'the project overrides Directory.Build.props; conditional groups are not read',
        {
          'Directory.Build.props':
            '<Project><PropertyGroup><AssemblyName>shared</AssemblyName></PropertyGroup></Project>',
          'App.csproj': project(
            "<PropertyGroup><AssemblyName>mine</AssemblyName></PropertyGroup><PropertyGroup Condition=\"'$(Configuration)'=='Release'\"><AssemblyName>release</AssemblyName></PropertyGroup>",
          ),
        },
        'App.csproj',
        { sdk: 'Microsoft.NET.Sdk', assembly: 'mine', tfms: [] },
      ],
      [
        'SDK as an element (versioned)',
        {
          'Web.csproj':
            '<Project><Sdk Name="Microsoft.NET.Sdk.Web/8.0.100" /><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>',
        },
        'Web.csproj',
        { sdk: 'Microsoft.NET.Sdk.Web', assembly: 'Web', tfms: ['net8.0'] },
      ],
    ],
  )('%s', (_name, files, file, expected) => {
    const read = readProject(context(files), file);
    expect(read && { sdk: read.sdk, assembly: read.assemblyName, tfms: read.targetFrameworks }).toEqual(
      expected,
    );
  });

  it('reads framework and package references', () => {
    const read = readProject(
      context({
        'A.csproj': project(
          '<ItemGroup><FrameworkReference Include="Microsoft.AspNetCore.App" /></ItemGroup><ItemGroup><PackageReference Include="Serilog" Version="3.1.1" /></ItemGroup>',
        ),
      }),
      'A.csproj',
    );
    expect(read?.references).toEqual(['Microsoft.AspNetCore.App', 'Serilog']);
  });

  it('skips a file that is not an MSBuild project; obj/ holds no project files', () => {
    const files = {
      'Broken.csproj': '<Project',
      'Good/Good.csproj': project(''),
      'Good/obj/Good.csproj.nuget.g.props': '<Project />',
    };
    expect(readProjects(context(files)).map((p) => p.file)).toEqual(['Good/Good.csproj']);
  });

  it('lists the projects of a solution with Windows separators turned around', () => {
    const sln =
      'Microsoft Visual Studio Solution File, Format Version 12.00\nProject("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Api", "src\\Api\\Api.csproj", "{1}"\nEndProject\nProject("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "docs", "docs", "{2}"\nEndProject\n';
    expect(solutionProjects(context({ 'build/All.sln': sln }), 'build/All.sln')).toEqual([
      'build/src/Api/Api.csproj',
    ]);
  });

  it.each<[string, number | null]>([
    ['net8.0', 8],
    ['net6.0-windows', 6],
    ['netcoreapp3.1', 3],
    ['netstandard2.0', null],
    ['net48', null],
  ])('target framework %s is .NET %s', (tfm, major) => {
    expect(frameworkMajor(tfm)).toBe(major);
  });
});
