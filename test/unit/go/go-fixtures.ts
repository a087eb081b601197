/** The shipped Go profile's settings, for unit tests of the modules that read them. */
import { loadProfiles } from '../../../src';
import type { GoSettings } from '../../../src/languages/go/go-settings';

export const settings = loadProfiles().find((p) => p.id === 'go')?.settings as GoSettings;
