// Preloaded with `node -r` by test/cli-internal-error.test.ts: makes the compiled planner throw a
// TypeError for a Dockerfile holding "# msb-test: crash", standing in for any bug in msb.
const path = require('path');
const planner = require(path.join(__dirname, '..', '..', 'dist', 'plan', 'planner.js'));
const original = planner.planConversion;
planner.planConversion = (input, ...rest) => {
  if (input.dockerfile.text.includes('# msb-test: crash'))
    throw new TypeError("Cannot read properties of null (reading 'tool')");
  return original(input, ...rest);
};
