/** Unit, golden-example and CLI tests. The e2e suite (real Docker) has its own config. */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  // example package.json files would otherwise collide in jest-haste-map
  modulePathIgnorePatterns: ['<rootDir>/examples/', '<rootDir>/dist/'],
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
  // compiles dist/ once for the suites that run the built CLI
  // A slow machine (or one running other work) must not fail a test: speed is measured by npm run bench.
  testTimeout: 120_000,
  globalSetup: '<rootDir>/test/global-setup.ts',
};
