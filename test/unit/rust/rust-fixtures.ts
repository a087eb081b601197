/** The shipped Rust profile's settings, for unit tests of the modules that read them. */
import { loadProfiles } from '../../../src';
import type { RustSettings } from '../../../src/languages/rust/rust-settings';

export const settings = loadProfiles().find((p) => p.id === 'rust')?.settings as RustSettings;
