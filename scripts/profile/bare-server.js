#!/usr/bin/env node
'use strict';
/*
 * The floor issue 18 measures against: a bare node:http server answering every request with a
 * constant JSON body (the same body GET /health/live answers), nothing else.
 * Usage: PORT=<port> node scripts/profile/bare-server.js   (PORT 0 or unset: any free port)
 * Prints one JSON line {"port": <port>} once listening; exits on SIGTERM/SIGINT (so --cpu-prof is written).
 */
const http = require('node:http');

const BODY = Buffer.from(JSON.stringify({ status: 'ok' }));
const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'content-length': BODY.length };

const server = http.createServer((req, res) => {
  // Drain any request body so keep-alive connections stay usable for the next request.
  req.resume();
  res.writeHead(200, HEADERS);
  res.end(BODY);
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
