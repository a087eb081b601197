/** The shipped Java profile's settings, for unit tests of the modules that read them. */
import { loadProfiles } from '../../../src';
import type { JavaSettings } from '../../../src/languages/java/java-settings';

export const settings = loadProfiles().find((p) => p.id === 'java')?.settings as JavaSettings;
