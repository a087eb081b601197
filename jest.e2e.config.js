/** End-to-end suite: builds original and converted images with a real Docker engine. */
const base = require('./jest.config');
module.exports = {
  ...base,
  roots: ['<rootDir>/test/e2e'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 30 * 60 * 1000,
};
