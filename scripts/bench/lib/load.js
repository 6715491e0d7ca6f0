'use strict';
/*
 * HTTP load with autocannon's programmatic API: a warm-up run, then a measured run of fixed duration.
 * measurePaced: a fixed, evenly paced offered load (for latency comparisons below saturation).
 */
const autocannon = require('autocannon');
const { reportedQuantile } = require('./percentiles');

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

/**
 * A fixed offered load without bursts (autocannon's rate limit sends each second's quota at once):
 * request i leaves at start + i / rate whether or not earlier ones have answered (open loop);
 * latency is measured per request, in fractional milliseconds. Same result shape as measure().
 */
async function measurePaced(api, scenario, { rate, durationSeconds, timeoutMs = 10_000 }) {
  const failures = [];
  const latencies = [];
  let non2xx = 0;
  let errors = 0;
  let timeouts = 0;
  const total = Math.max(1, Math.round(rate * durationSeconds));
  const cpuBefore = api.cpuMicros();
  const writtenBefore = api.writeBytes();
  const started = performance.now();
  const inFlight = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const next = scenario.nextRequest();
    const sent = performance.now();
    inFlight.push(
      fetch(`${api.baseUrl}${next.path}`, { method: scenario.method, headers: scenario.headers ?? {}, body: next.body, signal: AbortSignal.timeout(timeoutMs) })
        .then(async (res) => {
          const body = await res.text();
          latencies.push(performance.now() - sent);
          if (res.status < 200 || res.status >= 300) {
            non2xx++;
            if (failures.length < 5) failures.push(`${res.status} ${body.slice(0, 300)}`);
          }
        })
        .catch((error) => {
          if (error.name === 'TimeoutError') timeouts++;
          else errors++;
          if (failures.length < 5) failures.push(`${error.name}: ${error.message}`);
        }),
    );
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = api.cpuMicros();
  const writtenAfter = api.writeBytes();
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q) => reportedQuantile(sorted, q);
  const completed = latencies.length;
  return {
    requestsPerSecond: completed / seconds,
    completed,
    seconds,
    p50: at(0.5),
    p99: at(0.99),
    mean: completed ? sorted.reduce((n, v) => n + v, 0) / completed : NaN,
    max: sorted[sorted.length - 1],
    non2xx,
    errors,
    timeouts,
    serverCpuMicrosPerRequest: completed > 0 ? (cpuAfter - cpuBefore) / completed : NaN,
    serverWriteBytesPerRequest: completed > 0 ? (writtenAfter - writtenBefore) / completed : NaN,
    failures,
    latencies: sorted,
  };
}

module.exports = { measure, measurePaced };
