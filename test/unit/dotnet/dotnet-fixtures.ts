/** The shipped .NET profile's settings, for unit tests of the modules that read them. */
import { loadProfiles } from '../../../src';
import type { DotnetSettings } from '../../../src/languages/dotnet/dotnet-settings';

export const settings = loadProfiles().find((p) => p.id === 'dotnet')?.settings as DotnetSettings;
