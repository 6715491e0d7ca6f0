// Lets plain Node require the TypeScript sources (the repo's own swc settings; no build needed).
// Usage: node -r ./test/support/render-check/register-ts.js <script>
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../../..');
const [, swcOptions] = require(path.join(root, 'config/jest.swc.js'));
const aliases = /^@registry\/(domain|ledger|persistence|jobs|config|auth|documents)(\/.*)?$/;

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const m = aliases.exec(request);
  if (m) request = path.join(root, 'libs', m[1], 'src', m[2] ?? '');
  return resolve.call(this, request, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...swcOptions, filename, sourceMaps: 'inline' });
  module._compile(code, filename);
};
