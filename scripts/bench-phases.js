#!/usr/bin/env node
/**
 * `npm run bench:phases`: where the time of one conversion goes, phase by phase, over a generated
 * tree (BENCH_REPOS, default 3,000 repositories), next to dockerfile-ast's bare parse. A first
 * round warms up (module loading, JIT) and is not counted; the BENCH_ROUNDS rounds after it
 * (default 3) give each phase's median ratio to that round's read + bare parse, with its spread.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { DockerfileParser } = require('dockerfile-ast');
const { parseDockerfile } = require('../dist/parse/parse-dockerfile');
const { openBuildContext } = require('../dist/context/build-context');
const { analyzeStage } = require('../dist/analyze/stage-facts');
const { detectLanguage } = require('../dist/detect/detector');
const { planConversion, unconvertibleFile, unconvertibleStage } = require('../dist/plan/planner');
const { defaultEnvironment } = require('../dist/languages');
const { applyEdits } = require('../dist/edit/text-edits');
const { lintDockerfile } = require('../dist/lint/lint');
const { unifiedDiff } = require('../dist/emit/unified-diff');
const { generateTree } = require('./bench-tree.js');
const { load, median, spread } = require('./bench-stats.js');

const REPOS = Number(process.env.BENCH_REPOS || 3000);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS || 3));
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'msb-phases-'));
try {
  const dockerfiles = generateTree(root, REPOS);
  const environment = defaultEnvironment();
  const oneRound = () => {
    const totals = {};
    const time = (phase, work) => {
      const start = process.hrtime.bigint();
      const value = work();
      totals[phase] = (totals[phase] || 0) + Number(process.hrtime.bigint() - start) / 1e6;
      return value;
    };
    for (const file of dockerfiles) {
      const text = time('read', () => fs.readFileSync(file, 'utf8'));
      time('dockerfile-ast parse (baseline)', () => DockerfileParser.parse(text));
      const dockerfile = time('parse + index', () => parseDockerfile(text, file));
      if (time('pre-checks', () => unconvertibleFile(dockerfile))) continue;
      const facts = time('analyze stage', () => analyzeStage(dockerfile, dockerfile.stages[0]));
      if (unconvertibleStage(facts, dockerfile.stages[0])) continue;
      const context = time('build context', () => openBuildContext(path.dirname(file), environment.profiles));
      const input = { dockerfile, facts, context };
      const detected = time('detect (+ strategy analyze)', () =>
        detectLanguage(input, environment.profiles, environment.strategyFor),
      );
      const plan = time('plan + render', () => planConversion(input, detected, {}, environment));
      if (plan.status !== 'converted') continue;
      const output = time('apply edits', () => applyEdits(dockerfile.text, plan.edits));
      const reparsed = time('verify (re-parse output)', () => parseDockerfile(output, file));
      time('lint output', () => lintDockerfile(reparsed));
      time('unified diff', () => unifiedDiff(file, text, output));
    }
    return totals;
  };
  oneRound();
  const loadBefore = load();
  const rounds = Array.from({ length: ROUNDS }, () => {
    if (global.gc) global.gc();
    return oneRound();
  });
  const baselines = rounds.map((t) => t['read'] + t['dockerfile-ast parse (baseline)']);
  console.log(
    `${dockerfiles.length.toLocaleString('en-US')} Dockerfiles, ${ROUNDS} round(s) (${loadBefore} before, ${load()} after); median ms per phase and × read + bare parse (median ${median(baselines).toFixed(0)} ms), lowest–highest:`,
  );
  const ratios = (phase) => rounds.map((t, i) => t[phase] / baselines[i]);
  for (const phase of Object.keys(rounds[0])) {
    const ms = median(rounds.map((t) => t[phase]));
    console.log(`  ${phase.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  ${spread(ratios(phase))}`);
  }
  const work = (t) =>
    Object.entries(t)
      .filter(([phase]) => phase !== 'dockerfile-ast parse (baseline)')
      .reduce((sum, [, ms]) => sum + ms, 0);
  console.log(
    `  ${'all phases (without the baseline)'.padEnd(34)} ${median(rounds.map(work)).toFixed(0).padStart(6)} ms  ${spread(rounds.map((t, i) => work(t) / baselines[i]))}`,
  );
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
