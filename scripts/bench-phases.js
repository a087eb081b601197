#!/usr/bin/env node
/**
 * `npm run bench:phases`: where the time of one conversion goes, phase by phase, over a generated
 * tree (BENCH_REPOS, default 3,000 repositories), next to dockerfile-ast's bare parse. The second
 * of two rounds is printed, so module loading and JIT warm-up are left out.
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

const REPOS = Number(process.env.BENCH_REPOS || 3000);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'msb-phases-'));
try {
  const dockerfiles = generateTree(root, REPOS);
  const environment = defaultEnvironment();
  const totals = {};
  const time = (phase, work) => {
    const start = process.hrtime.bigint();
    const value = work();
    totals[phase] = (totals[phase] || 0) + Number(process.hrtime.bigint() - start) / 1e6;
    return value;
  };
  for (let round = 0; round < 2; round++) {
    for (const key of Object.keys(totals)) totals[key] = 0;
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
  }
  const baseline = totals['read'] + totals['dockerfile-ast parse (baseline)'];
  console.log(
    `${dockerfiles.length.toLocaleString('en-US')} Dockerfiles; ms per phase (× read + bare parse = ${baseline.toFixed(0)} ms):`,
  );
  for (const [phase, ms] of Object.entries(totals)) {
    console.log(`  ${phase.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / baseline).toFixed(2)}×`);
  }
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
