/**
 * `npm run bench`: msb codemod at scale, in process, on a generated tree of repositories
 * (BENCH_REPOS, default 10,000). Prints repositories/s, peak RSS at 1k and at full size, the
 * ratio to reading + parsing the same Dockerfiles with dockerfile-ast alone (with the share of
 * the conversions themselves and of the rest of the run), and convertText
 * files/s next to parse-only files/s. Run after `npm run build` (the npm script does).
 * Each figure is the median of BENCH_ROUNDS rounds (default 5) with its lowest–highest spread
 * and the load average: timings on a shared machine vary from run to run.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { DockerfileParser } = require('dockerfile-ast');
const { convertText } = require('../dist/index.js');
const { runCodemod } = require('../dist/codemod/index.js');
const { convertFileSync } = require('../dist/convert.js');
const { memoisedReadDirectory } = require('../dist/context/read-directory.js');
const { generateTree } = require('./bench-tree.js');
const { load, measure, median, spread } = require('./bench-stats.js');

const REPOS = Number(process.env.BENCH_REPOS || 10000);
const SMALL = Math.min(1000, REPOS);
const CONVERT_FILES = Math.min(3000, REPOS);
const MEMORY_CAP_MB = 48;
/** Timed rounds of each measurement (figures are their medians). */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS || 5));

let peak = 0;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().rss);
};
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const rate = (n, ms) => `${Math.round((n * 1000) / ms).toLocaleString('en')}/s`;

// BENCH_WORKERS=0 keeps the whole run on the main thread (default: msb's own choice).
const WORKERS = process.env.BENCH_WORKERS === undefined ? undefined : process.env.BENCH_WORKERS !== '0';

async function codemodOver(targets, outDir) {
  if (global.gc) global.gc();
  peak = process.memoryUsage().rss;
  const timer = setInterval(sample, 10);
  const {
    ms,
    cpuMs,
    value: summary,
  } = await measure(() => runCodemod({ targets, outDir, workers: WORKERS }));
  clearInterval(timer);
  sample();
  // Live memory once garbage is collected, with the summary (one row per Dockerfile) still held:
  // peak RSS mostly says how lazily V8 collects.
  if (global.gc) global.gc();
  return { ms, cpuMs, peak, heap: process.memoryUsage().heapUsed, summary };
}

const elapsedMs = (started) => Number(process.hrtime.bigint() - started) / 1e6;

/**
 * The I/O any dry run must do besides reading the Dockerfiles, each measured alone: list every
 * folder of the tree, and create one patch file per converted repository (the same bytes).
 */
function unavoidableIo(reposDir, patchesDir, scratchDir) {
  let started = process.hrtime.bigint();
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }))
      if (entry.isDirectory() && entry.name !== '.git') walk(path.join(dir, entry.name));
  };
  walk(reposDir);
  const walkMs = elapsedMs(started);
  const patches = fs.readdirSync(patchesDir).map((name) => fs.readFileSync(path.join(patchesDir, name)));
  fs.mkdirSync(scratchDir);
  started = process.hrtime.bigint();
  patches.forEach((bytes, i) => fs.writeFileSync(path.join(scratchDir, `${i}.patch`), bytes));
  return { walkMs, writeMs: elapsedMs(started), patches: patches.length };
}

/** Parsing the converted files once: the least a check of the output costs. */
function parseOutputs(texts) {
  return measure(() => {
    for (const text of texts) DockerfileParser.parse(text);
  }).ms;
}

/**
 * The same dry run in a child process whose V8 old space is capped: it completes when what the
 * run keeps is bounded (peak RSS without the cap mostly says how lazily V8 collects).
 */
function cappedRun(targets, outDir, capMb) {
  const script = `const { runCodemod } = require(${JSON.stringify(path.join(__dirname, '..', 'dist', 'codemod'))});
let peak = 0; const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 10);
runCodemod({ targets: ${JSON.stringify(targets)}, outDir: ${JSON.stringify(outDir)}, workers: false }).then((s) => {
  clearInterval(timer); console.log(JSON.stringify({ dockerfiles: s.totals.dockerfiles, peak }));
});`;
  const run = spawnSync(process.execPath, [`--max-old-space-size=${capMb}`, '-e', script], {
    encoding: 'utf8',
  });
  if (run.status !== 0) return { ok: false, error: run.stderr.trim().split('\n').slice(-3).join(' ') };
  return { ok: true, ...JSON.parse(run.stdout) };
}

/**
 * The codemod's conversions alone: every Dockerfile read and converted with one memoised folder
 * reader per repository, as the codemod does. A codemod run's own share (discovery, diffs,
 * patches, report rows) is the difference.
 */
function conversionsAlone(repositories) {
  return measure(() => {
    for (const files of repositories) {
      const readDirectory = memoisedReadDirectory();
      for (const file of files) convertFileSync(file, { readDirectory });
    }
  });
}

/** The raw figure: read and parse every Dockerfile with dockerfile-ast alone. */
function readAndParse(files) {
  return measure(() => {
    for (const file of files) DockerfileParser.parse(fs.readFileSync(file, 'utf8'));
  });
}

/** One very long Dockerfile (10,000 instructions): time for convertText against a bare parse. */
function largeFile() {
  const lines = Array.from({ length: 10_000 }, (_x, i) =>
    i % 3 === 0 ? `ENV V${i}=${i}` : i % 3 === 1 ? `RUN echo ${i} && true` : `LABEL l${i}="${i}"`,
  );
  const text = `FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n${lines.join('\n')}\nCMD ["app"]\n`;
  const rounds = Array.from({ length: Math.min(ROUNDS, 3) }, () => {
    const parse = measure(() => DockerfileParser.parse(text));
    const convert = measure(() => convertText(text, { file: 'Dockerfile' }));
    return { parseMs: parse.ms, convertMs: convert.ms, status: convert.value.status };
  });
  console.log(
    `one Dockerfile of 10,000 instructions: ${rounds[0].status} in ${(median(rounds.map((r) => r.convertMs)) / 1000).toFixed(2)} s; parse only ${(median(rounds.map((r) => r.parseMs)) / 1000).toFixed(2)} s; ratio ${spread(
      rounds.map((r) => r.convertMs / r.parseMs),
      1,
    )} over ${rounds.length} rounds`,
  );
}

/** convertText on in-memory Dockerfiles against a bare parse of the same texts (up to 3 rounds). */
function convertInMemory(dockerfiles) {
  const sampleFiles = dockerfiles
    .slice(0, CONVERT_FILES)
    .map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
  const rounds = Array.from({ length: Math.min(ROUNDS, 3) }, () => {
    const parse = measure(() => {
      for (const { text } of sampleFiles) DockerfileParser.parse(text);
    });
    const convert = measure(() => {
      for (const { file, text } of sampleFiles) convertText(text, { file, context: path.dirname(file) });
    });
    return { parseMs: parse.ms, convertMs: convert.ms };
  });
  console.log(
    `convertText over ${sampleFiles.length.toLocaleString('en')} in-memory Dockerfiles (build context read from disk): ${rate(sampleFiles.length, median(rounds.map((r) => r.convertMs)))} files`,
  );
  console.log(
    `  parse only (dockerfile-ast): ${rate(sampleFiles.length, median(rounds.map((r) => r.parseMs)))} files; ratio ${spread(
      rounds.map((r) => r.convertMs / r.parseMs),
      1,
    )}`,
  );
}

async function main() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'msb-bench-'));
  try {
    const started = Date.now();
    const reposDir = path.join(root, 'repos');
    const dockerfiles = generateTree(reposDir, REPOS);
    console.log(
      `generated ${REPOS.toLocaleString('en')} repositories, ${dockerfiles.length.toLocaleString('en')} Dockerfiles in ${((Date.now() - started) / 1000).toFixed(1)} s (${root})`,
    );
    console.log(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0].model.trim()})\n`);

    // Warm-up: profiles, templates, JIT. The converted outputs are kept for the floor's output parse.
    const repoDirs = fs
      .readdirSync(reposDir)
      .sort()
      .map((d) => path.join(reposDir, d));
    await runCodemod({ targets: repoDirs.slice(0, 50), outDir: path.join(root, 'out-warm') });
    readAndParse(dockerfiles.slice(0, 200));
    const outputs = [];
    for (const file of dockerfiles) {
      const result = convertText(fs.readFileSync(file, 'utf8'), { file, context: path.dirname(file) });
      if (result.status === 'converted') outputs.push(result.output);
    }

    const byRepository = new Map();
    for (const file of dockerfiles) {
      const repository = path.relative(reposDir, file).split(path.sep)[0];
      byRepository.set(repository, [...(byRepository.get(repository) ?? []), file]);
    }

    const small =
      REPOS > SMALL ? await codemodOver(repoDirs.slice(0, SMALL), path.join(root, 'out-small')) : null;
    // Each round brackets the codemod with two raw read + parse passes and takes their mean as
    // its raw figure, so that a change in load during the round weighs on both sides alike.
    const loadBefore = load();
    const rounds = [];
    for (let i = 0; i < ROUNDS; i++) {
      const outDir = path.join(root, `out-full-${i}`);
      const before = readAndParse(dockerfiles);
      const full = await codemodOver([path.join(reposDir, '*')], outDir);
      const alone = conversionsAlone(byRepository.values());
      const after = readAndParse(dockerfiles);
      const raw = { ms: (before.ms + after.ms) / 2, cpuMs: (before.cpuMs + after.cpuMs) / 2 };
      const io = unavoidableIo(reposDir, outDir, path.join(root, `out-io-${i}`));
      const outputParseMs = parseOutputs(outputs);
      const floorMs = raw.ms + io.walkMs + io.writeMs + outputParseMs;
      rounds.push({ full, alone, raw, io, outputParseMs, floorMs });
      fs.rmSync(path.join(root, `out-io-${i}`), { recursive: true, force: true });
      if (i > 0) fs.rmSync(path.join(root, `out-full-${i - 1}`), { recursive: true, force: true });
    }
    const loadAfter = load();
    const of = (pick) => rounds.map(pick);
    const full = rounds[0].full;
    const fullMs = median(of((r) => r.full.ms));
    const s = full.summary.totals;
    console.log(
      `msb codemod (dry run) over ${s.repositories.toLocaleString('en')} repositories, ${s.dockerfiles.toLocaleString('en')} Dockerfiles, ${ROUNDS} round(s) (${loadBefore} before, ${loadAfter} after):`,
    );
    console.log(
      `  median ${spread(
        of((r) => r.full.ms / 1000),
        2,
        ' s',
      )}, ${rate(s.repositories, fullMs)} repositories, ${rate(s.dockerfiles, fullMs)} Dockerfiles; CPU time ${spread(
        of((r) => r.full.cpuMs / 1000),
        2,
        ' s',
      )} on ${full.summary.workerThreads ? `this thread + ${full.summary.workerThreads} worker thread(s)` : 'this thread'}`,
    );
    console.log(
      `  converted ${s.converted}, unchanged ${s.unchanged}, skipped ${s.skipped}, error ${s.error}, repository errors ${s.repositoryErrors}; ${rounds[0].io.patches} patches`,
    );
    const fullPeak = Math.max(...of((r) => r.full.peak));
    console.log(
      `  peak RSS: ${mb(small ? small.peak : fullPeak)} at ${SMALL.toLocaleString('en')} repositories, ${mb(fullPeak)} at ${REPOS.toLocaleString('en')}`,
    );
    if (global.gc)
      console.log(
        `  live heap after the run (summary rows held): ${mb(small ? small.heap : full.heap)} at ${SMALL.toLocaleString('en')} repositories, ${mb(full.heap)} at ${REPOS.toLocaleString('en')}`,
      );
    const capped = cappedRun([path.join(reposDir, '*')], path.join(root, 'out-capped'), MEMORY_CAP_MB);
    console.log(
      capped.ok
        ? `  with V8's old space capped at ${MEMORY_CAP_MB} MB the same run completes: ${capped.dockerfiles.toLocaleString('en')} Dockerfiles, peak RSS ${mb(capped.peak)}`
        : `  with V8's old space capped at ${MEMORY_CAP_MB} MB the run FAILED: ${capped.error}`,
    );
    const rawMs = median(of((r) => r.raw.ms));
    console.log(
      `read + parse with dockerfile-ast alone: median ${spread(
        of((r) => r.raw.ms / 1000),
        2,
        ' s',
      )} (${rate(dockerfiles.length, rawMs)} files)`,
    );
    console.log(
      `  ratio codemod / raw: ${spread(of((r) => r.full.ms / r.raw.ms))} (median of the rounds' ratios, lowest–highest; target ≤ 6×, the output re-parse kept)`,
    );
    console.log(
      `  the same in CPU time: ${spread(of((r) => r.full.cpuMs / r.raw.cpuMs))}; per round (wall): ${of((r) => (r.full.ms / r.raw.ms).toFixed(2)).join(' ')}`,
    );
    console.log(
      `  the conversions alone (each Dockerfile read and converted, one folder reader per repository): ${spread(of((r) => r.alone.ms / r.raw.ms))}, CPU ${spread(of((r) => r.alone.cpuMs / r.raw.cpuMs))}; the rest of the run (discovery, diffs, patches, rows): ${spread(of((r) => (r.full.ms - r.alone.ms) / r.raw.ms))}, CPU ${spread(of((r) => (r.full.cpuMs - r.alone.cpuMs) / r.raw.cpuMs))}`,
    );
    console.log(
      `  floor of any dry run that reads, parses, writes patches and checks its output, each part alone:`,
    );
    console.log(
      `    list every folder ${spread(of((r) => r.io.walkMs / r.raw.ms))}, create ${rounds[0].io.patches.toLocaleString('en')} patch files ${spread(of((r) => r.io.writeMs / r.raw.ms))}, parse the ${outputs.length.toLocaleString('en')} outputs once ${spread(of((r) => r.outputParseMs / r.raw.ms))}`,
    );
    console.log(
      `    = ${spread(of((r) => r.floorMs / r.raw.ms))} raw before any detection, planning, lint or diff; codemod / floor: ${spread(of((r) => r.full.ms / r.floorMs))}\n`,
    );

    convertInMemory(dockerfiles);
    largeFile();
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
