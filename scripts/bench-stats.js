/**
 * Repeated measurement for the benchmarks: this VM's timings vary by tens of percent with the
 * load of other processes, so a figure is the median of several rounds, printed with its spread
 * (lowest–highest) and the load average it was measured under.
 */
'use strict';
const os = require('os');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** `14.2× (13.1–15.0)`: the median of a series with its lowest and highest value. */
const spread = (values, digits = 2, unit = '×') =>
  `${median(values).toFixed(digits)}${unit} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;

/** Wall and CPU time (this process, every thread) of one call, after a garbage collection when exposed. */
function measure(work) {
  if (global.gc) global.gc();
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const value = work();
  const finish = () => ({
    ms: Number(process.hrtime.bigint() - started) / 1e6,
    cpuMs: (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpu)),
  });
  return value instanceof Promise ? value.then((v) => ({ ...finish(), value: v })) : { ...finish(), value };
}

/** The 1-minute load average against the CPU count, e.g. `load 3.1 on 2 CPUs`. */
const load = () => `load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`;

module.exports = { median, spread, measure, load };
