/** `msb verify <Dockerfile>`: build original and converted images, compare size, layers, time and behaviour. */
import type { CommandModule } from 'yargs';
import { EXIT_ERROR, EXIT_OK, EXIT_WOULD_CHANGE } from '../errors';
import { configFor } from './config-options';
import { formatVerifyReport, parseHttpProbe, runVerify, SmokeCheck } from '../verify';
import { dockerfileInputs, STDIN } from './dockerfile-inputs';
import {
  ConversionFlags,
  conversionEnvironment,
  gateOptions,
  GateFlags,
  withConversionOptions,
  withGateOptions,
} from './shared-options';

interface VerifyArgs extends ConversionFlags, GateFlags {
  dockerfile: string;
  smoke?: string;
  http?: string;
  timeout: number;
  cache: boolean;
  'keep-images': boolean;
}

export const verifyCommand: CommandModule<object, VerifyArgs> = {
  command: 'verify <dockerfile>',
  describe: 'Build the original and the converted Dockerfile with the local Docker engine and compare them',
  builder: (yargs) =>
    withGateOptions(withConversionOptions(yargs))
      .positional('dockerfile', {
        type: 'string',
        demandOption: true,
        describe: 'The Dockerfile to convert and verify, or a folder holding one',
      })
      .option('smoke', {
        type: 'string',
        describe: "Smoke command run in both images with sh -c (default: the image's own command)",
      })
      .option('http', {
        type: 'string',
        describe: 'HTTP probe instead: PORT/PATH, e.g. 8000/health (same status expected)',
      })
      .option('timeout', {
        type: 'number',
        default: 15,
        describe: 'Seconds each smoke run may take (a command still running then counts as serving)',
      })
      .option('cache', {
        type: 'boolean',
        default: true,
        describe: 'Use the layer cache; --no-cache gives fair build times',
      })
      .option('keep-images', {
        type: 'boolean',
        default: false,
        describe: 'Keep the two images (tags msb-verify:original-…/converted-…)',
      })
      .epilogue(
        'Exit codes: 0 same behaviour (or nothing to convert), 1 the converted image fails to build or behaves differently, 2 no Docker engine, input error or the original fails to build. MSB_DOCKER_BUILD names a `docker build`-compatible wrapper.',
      )
      .check((argv) => {
        if (argv.dockerfile === STDIN)
          throw new Error('verify builds the Dockerfile with Docker: name a file, not standard input');
        if (argv.smoke && argv.http) throw new Error('choose one of --smoke and --http');
        if (argv.http) parseHttpProbe(argv.http);
        if (!(argv.timeout > 0)) throw new Error('--timeout must be a positive number of seconds');
        return true;
      }) as never,
  handler: async (argv) => {
    const smoke: SmokeCheck = argv.http
      ? { kind: 'http', ...parseHttpProbe(argv.http) }
      : argv.smoke
        ? { kind: 'command', command: argv.smoke }
        : { kind: 'default' };
    const [input] = dockerfileInputs([argv.dockerfile], {});
    const config = configFor(input.name, argv);
    const environment = conversionEnvironment(argv, config);
    const report = await runVerify(input.name, {
      lang: argv.lang,
      runtime: argv.runtime,
      runtimeByLanguage: config?.runtime,
      ...gateOptions(argv, config),
      context: argv.context,
      environment,
      smoke,
      smokeTimeoutMs: argv.timeout * 1000,
      noCache: !argv.cache,
      keepImages: argv['keep-images'],
      onStep: argv.quiet || argv.json ? undefined : (step) => process.stderr.write(`msb verify: ${step}…\n`),
    });
    process.stdout.write(argv.json ? `${JSON.stringify(report, null, 2)}\n` : formatVerifyReport(report));
    process.exitCode =
      report.verdict === 'same' || report.verdict === 'nothing-to-verify'
        ? EXIT_OK
        : report.verdict === 'original-build-failed'
          ? EXIT_ERROR
          : EXIT_WOULD_CHANGE;
  },
};
