#!/usr/bin/env node
'use strict';
/*
 * The integration tier in two streams at once: the browser tests (Chromium against their own API
 * process on a SQLite file; no PostgreSQL) and the two longest process suites, beside everything else
 * (the e2e suites on PostgreSQL and Redis, people's web sessions in Redis; multi-process tests), each
 * stream one file at a time. Together they take the time of the longer one instead of the sum, so the
 * two are kept about even (the suites' times are in the CI log). The second stream's output is printed
 * when it ends, so the two do not interleave; the exit code is non-zero if either stream failed. Extra
 * arguments go to both.
 */
const { spawn } = require('node:child_process');

const jest = require.resolve('jest/bin/jest');
const extra = process.argv.slice(2);
const SECOND = ['browser\\.int\\.ts$', 'import-holdings-cli\\.int\\.ts$', 'certificate-workers\\.int\\.ts$'];

function stream(name, args, buffered, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [jest, '--selectProjects', 'integration', '--runInBand', ...args, ...extra], {
      stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...env },
    });
    const chunks = [];
    if (buffered) {
      child.stdout.on('data', (c) => chunks.push(c));
      child.stderr.on('data', (c) => chunks.push(c));
    }
    child.on('close', (code, signal) => {
      if (buffered) {
        process.stdout.write(`\n===== ${name} stream =====\n`);
        process.stdout.write(Buffer.concat(chunks));
      }
      process.stdout.write(`\n===== ${name} stream: ${code === 0 ? 'passed' : `failed (${signal ?? `exit ${code}`})`} =====\n`);
      resolve(code === 0);
    });
  });
}

void Promise.all([
  // The web suites here keep people's sessions in Redis (SESSION_STORE=redis, as a cluster runs); the
  // README's test command keeps them in memory: both stores pass the same suites.
  stream('PostgreSQL and processes', ['--testPathIgnorePatterns', ...SECOND], false, { REGISTRY_TEST_SESSION_STORE: process.env.REGISTRY_TEST_SESSION_STORE ?? 'redis' }),
  stream('browser, imports and certificate workers', ['--testPathPatterns', ...SECOND], true),
]).then((results) => {
  process.exitCode = results.every(Boolean) ? 0 : 1;
});
