/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  rootDir: '.',
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  maxWorkers: 2,
  // A worker ends with about 1 GB of heap (aws-cdk-lib loaded once per test file) and Node takes
  // it down after the last test; jest's default 500 ms wait then force-killed one in most runs
  // ("A worker process has failed to exit gracefully", no open handle: both exit within
  // milliseconds of jest's end message). A worker still alive after 5 s is force-exited and
  // reported as before.
  workerGracefulExitTimeout: 5000,
  setupFiles: ['<rootDir>/test/setup-env.js'],
};
