const { execSync } = require('child_process');

let build = '-';
try {
  build = execSync('git rev-parse --short HEAD').toString().trim();
} catch {
  // not a checkout
}
console.log(`status-bot build ${build}`);
