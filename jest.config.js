/** Type checking is done once by `tsc --noEmit` in `npm test`; jest only transpiles. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.json' }] },
  testTimeout: 20000,
  // Jest's default is cores - 1 (one worker on a 2-core CI machine); two workers, recycled when they grow.
  maxWorkers: 2,
  workerIdleMemoryLimit: '700MB',
};
