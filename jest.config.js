const os = require('node:os');
const swc = require('./config/jest.swc.js');
const transform = { '^.+\\.ts$': swc, '^.+\\.tsx$': swc.tsx };
const moduleNameMapper = {
  '^@registry/(domain|ledger|persistence|jobs|config|auth|documents)$': '<rootDir>/libs/$1/src',
  '^@registry/(domain|ledger|persistence|jobs|config|auth|documents)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const base = { transform, moduleNameMapper, testEnvironment: 'node', rootDir: __dirname, setupFiles: ['reflect-metadata'] };

module.exports = {
  // Jest's default (cores − 1) runs one suite at a time on a 2-core machine, and e2e suites spend much of
  // their time waiting (fsync, timers, child processes): two at once took `npm test` from 7 m 43 s to 4 m 45 s
  // there. The integration tier runs --runInBand in two streams of its own (scripts/test/integration.js).
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/invariants/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.js'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'], setupFilesAfterEnv: ['<rootDir>/test/support/e2e-timeout.js'] },
    {
      ...base,
      displayName: 'integration',
      // The e2e suites again, on PostgreSQL and Redis, plus tests that need real processes.
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts', '<rootDir>/test/integration/**/*.int.ts'],
      setupFiles: [...base.setupFiles, '<rootDir>/test/support/integration-env.js'],
      setupFilesAfterEnv: ['<rootDir>/test/support/integration-timeout.js'],
    },
  ],
};
