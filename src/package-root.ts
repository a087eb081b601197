/** Locates files shipped with the package (profiles, templates) from src/ and dist/ alike. */
import * as path from 'path';

export const PACKAGE_ROOT = path.resolve(__dirname, '..');
export const PROFILES_DIR = path.join(PACKAGE_ROOT, 'language-profiles');
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');
