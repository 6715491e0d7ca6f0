'use strict';
/* HTTP load with autocannon's programmatic API: a warm-up run, then a measured run of fixed duration. */
const autocannon = require('autocannon');

function runOnce(options) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on('error', reject);
  });
}

/**
 * @param api       the running ApiProcess (for its CPU time)
 * @param scenario  { method, headers, nextRequest() -> { path, body? } }
 */
async function measure(api, scenario, { connections, warmupSeconds, durationSeconds }) {
  const failures = [];
  const requests = [
    {
      method: scenario.method,
      headers: scenario.headers ?? {},
      setupRequest(request) {
        const next = scenario.nextRequest();
        request.path = next.path;
        if (next.body !== undefined) request.body = next.body;
        return request;
      },
      onResponse(status, body) {
        if ((status < 200 || status >= 300) && failures.length < 5) failures.push(`${status} ${String(body).slice(0, 300)}`);
      },
    },
  ];
  const base = { url: api.baseUrl, connections, pipelining: 1, timeout: 10, requests };
  if (warmupSeconds > 0) await runOnce({ ...base, duration: warmupSeconds });
  failures.length = 0;
  const cpuBefore = api.cpuMicros();
  const writtenBefore = api.writeBytes();
  const result = await runOnce({ ...base, duration: durationSeconds });
  const cpuAfter = api.cpuMicros();
  const writtenAfter = api.writeBytes();
  const completed = result.requests.total;
  return {
    requestsPerSecond: completed / result.duration,
    completed,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.average,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    serverCpuMicrosPerRequest: completed > 0 ? (cpuAfter - cpuBefore) / completed : NaN,
    serverWriteBytesPerRequest: completed > 0 ? (writtenAfter - writtenBefore) / completed : NaN,
    failures,
  };
}

module.exports = { measure };
