/** `msb detect [DIR|Dockerfile]`: which language, framework and package manager, with evidence. */
import type { CommandModule } from 'yargs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { detectFile } from '../api';
import { EXIT_ERROR, EXIT_OK, isMsbError } from '../errors';
import { configFor, environmentCache } from './config-options';
import { formatDetection } from './report-format';
import { ConversionFlags, withConversionOptions } from './shared-options';

interface DetectArgs extends ConversionFlags {
  target: string;
}

export const detectCommand: CommandModule<object, DetectArgs> = {
  command: 'detect [target]',
  describe: 'Detect the language, framework and package manager of a build context',
  builder: (yargs) =>
    withConversionOptions(yargs).positional('target', { type: 'string', default: '.', describe: 'A directory holding a Dockerfile, or a Dockerfile' }) as never,
  handler: async (argv) => {
    try {
      const stat = await fs.stat(argv.target).catch(() => null);
      const dockerfile = stat?.isDirectory() ? path.join(argv.target, 'Dockerfile') : argv.target;
      const environment = environmentCache()(configFor(dockerfile, argv), argv.profile);
      const detection = await detectFile(dockerfile, { lang: argv.lang, context: argv.context, environment });
      process.stdout.write(argv.json ? `${JSON.stringify(detection, null, 2)}\n` : `${formatDetection(detection)}\n`);
      process.exitCode = EXIT_OK;
    } catch (error) {
      if (!isMsbError(error)) throw error;
      process.stderr.write(`msb: ${error.toOneLine()}\n`);
      process.exitCode = EXIT_ERROR;
    }
  },
};
