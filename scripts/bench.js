/**
 * `npm run bench`: msb codemod at scale, in process, on a generated tree of repositories
 * (BENCH_REPOS, default 10,000). Prints repositories/s, peak RSS at 1k and at full size, the
 * ratio to reading + parsing the same Dockerfiles with dockerfile-ast alone, and convertText
 * files/s next to parse-only files/s. Run after `npm run build` (the npm script does).
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { DockerfileParser } = require('dockerfile-ast');
const { convertText } = require('../dist/index.js');
const { runCodemod } = require('../dist/codemod/index.js');
const { generateTree } = require('./bench-tree.js');

const REPOS = Number(process.env.BENCH_REPOS || 10000);
const SMALL = Math.min(1000, REPOS);
const CONVERT_FILES = Math.min(3000, REPOS);
const MEMORY_CAP_MB = 48;

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
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const summary = await runCodemod({ targets, outDir, workers: WORKERS });
  const cpuMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpu));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
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
  const started = process.hrtime.bigint();
  for (const text of texts) DockerfileParser.parse(text);
  return elapsedMs(started);
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

function readAndParse(files) {
  const started = process.hrtime.bigint();
  for (const file of files) DockerfileParser.parse(fs.readFileSync(file, 'utf8'));
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** One very long Dockerfile (10,000 instructions): time for convertText against a bare parse. */
function largeFile() {
  const lines = Array.from({ length: 10_000 }, (_x, i) =>
    i % 3 === 0 ? `ENV V${i}=${i}` : i % 3 === 1 ? `RUN echo ${i} && true` : `LABEL l${i}="${i}"`,
  );
  const text = `FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n${lines.join('\n')}\nCMD ["app"]\n`;
  let started = process.hrtime.bigint();
  DockerfileParser.parse(text);
  const parseMs = elapsedMs(started);
  started = process.hrtime.bigint();
  const result = convertText(text, { file: 'Dockerfile' });
  const convertMs = elapsedMs(started);
  console.log(
    `one Dockerfile of 10,000 instructions: ${result.status} in ${(convertMs / 1000).toFixed(2)} s; parse only ${(parseMs / 1000).toFixed(2)} s; ratio ${(convertMs / parseMs).toFixed(1)}×`,
  );
}

async function main() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'msb-bench-'));
  try {
    let t = Date.now();
    const dockerfiles = generateTree(path.join(root, 'repos'), REPOS);
    console.log(
      `generated ${REPOS.toLocaleString('en')} repositories, ${dockerfiles.length.toLocaleString('en')} Dockerfiles in ${((Date.now() - t) / 1000).toFixed(1)} s (${root})`,
    );
    console.log(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0].model.trim()})\n`);

    // warm-up: profiles, templates, JIT
    const repoDirs = fs
      .readdirSync(path.join(root, 'repos'))
      .sort()
      .map((d) => path.join(root, 'repos', d));
    await runCodemod({ targets: repoDirs.slice(0, 50), outDir: path.join(root, 'out-warm') });
    readAndParse(dockerfiles.slice(0, 200));

    const small = await codemodOver(repoDirs.slice(0, SMALL), path.join(root, 'out-small'));
    const full = await codemodOver([path.join(root, 'repos', '*')], path.join(root, 'out-full'));
    const raw = readAndParse(dockerfiles);
    const s = full.summary.totals;
    console.log(
      `msb codemod (dry run) over ${s.repositories.toLocaleString('en')} repositories, ${s.dockerfiles.toLocaleString('en')} Dockerfiles:`,
    );
    console.log(
      `  ${(full.ms / 1000).toFixed(2)} s, ${rate(s.repositories, full.ms)} repositories, ${rate(s.dockerfiles, full.ms)} Dockerfiles; CPU time ${(full.cpuMs / 1000).toFixed(2)} s on ${full.summary.workerThreads ? `this thread + ${full.summary.workerThreads} worker thread(s)` : 'this thread'}`,
    );
    console.log(
      `  converted ${s.converted}, unchanged ${s.unchanged}, skipped ${s.skipped}, error ${s.error}, repository errors ${s.repositoryErrors}; ${fs.readdirSync(path.join(root, 'out-full')).length} patches`,
    );
    console.log(
      `  peak RSS: ${mb(small.peak)} at ${SMALL.toLocaleString('en')} repositories, ${mb(full.peak)} at ${REPOS.toLocaleString('en')}`,
    );
    if (global.gc)
      console.log(
        `  live heap after the run (summary rows held): ${mb(small.heap)} at ${SMALL.toLocaleString('en')} repositories, ${mb(full.heap)} at ${REPOS.toLocaleString('en')}`,
      );
    const capped = cappedRun([path.join(root, 'repos', '*')], path.join(root, 'out-capped'), MEMORY_CAP_MB);
    console.log(
      capped.ok
        ? `  with V8's old space capped at ${MEMORY_CAP_MB} MB the same run completes: ${capped.dockerfiles.toLocaleString('en')} Dockerfiles, peak RSS ${mb(capped.peak)}`
        : `  with V8's old space capped at ${MEMORY_CAP_MB} MB the run FAILED: ${capped.error}`,
    );
    console.log(
      `read + parse with dockerfile-ast alone: ${(raw / 1000).toFixed(2)} s (${rate(dockerfiles.length, raw)} files)`,
    );
    console.log(
      `  ratio codemod / raw: ${(full.ms / raw).toFixed(2)}× (target ≤ 6×, the output re-parse kept)`,
    );
    const io = unavoidableIo(
      path.join(root, 'repos'),
      path.join(root, 'out-full'),
      path.join(root, 'out-io'),
    );
    const outputs = [];
    for (const file of dockerfiles) {
      const result = convertText(fs.readFileSync(file, 'utf8'), { file, context: path.dirname(file) });
      if (result.status === 'converted') outputs.push(result.output);
    }
    const outputParse = parseOutputs(outputs);
    const floor = raw + io.walkMs + io.writeMs + outputParse;
    console.log(
      `  floor of any dry run that reads, parses, writes patches and checks its output, each part alone:`,
    );
    console.log(
      `    list every folder ${(io.walkMs / raw).toFixed(2)}×, create ${io.patches.toLocaleString('en')} patch files ${(io.writeMs / raw).toFixed(2)}×, parse the ${outputs.length.toLocaleString('en')} outputs once ${(outputParse / raw).toFixed(2)}×`,
    );
    console.log(
      `    = ${(floor / raw).toFixed(2)}× raw before any detection, planning, lint or diff; codemod / floor: ${(full.ms / floor).toFixed(2)}×\n`,
    );

    const sampleFiles = dockerfiles
      .slice(0, CONVERT_FILES)
      .map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
    t = Date.now();
    for (const { text } of sampleFiles) DockerfileParser.parse(text);
    const parseMs = Math.max(1, Date.now() - t);
    t = Date.now();
    for (const { file, text } of sampleFiles) convertText(text, { file, context: path.dirname(file) });
    const convertMs = Math.max(1, Date.now() - t);
    console.log(
      `convertText over ${sampleFiles.length.toLocaleString('en')} in-memory Dockerfiles (build context read from disk): ${rate(sampleFiles.length, convertMs)} files`,
    );
    console.log(
      `  parse only (dockerfile-ast): ${rate(sampleFiles.length, parseMs)} files; ratio ${(convertMs / parseMs).toFixed(1)}×`,
    );
    largeFile();
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
