/** Every lint rule, in id order. A rule's id is its file name, its docs anchor and its `--ignore` token. */
import type { LintRule } from '../lint-types';
import { MSB001 } from './MSB001';
import { MSB002 } from './MSB002';
import { MSB003 } from './MSB003';
import { MSB004 } from './MSB004';
import { MSB005 } from './MSB005';
import { MSB006 } from './MSB006';
import { MSB007 } from './MSB007';
import { MSB008 } from './MSB008';

export const RULES: readonly LintRule[] = [MSB001, MSB002, MSB003, MSB004, MSB005, MSB006, MSB007, MSB008];
