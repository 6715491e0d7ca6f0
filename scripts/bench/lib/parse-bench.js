'use strict';
/*
 * Runs test/bench/serials-parse.bench.ts (runSerialParseBench) without a TypeScript runtime:
 * a require hook compiles each .ts file in memory with @swc/core as it is loaded, so the bench
 * and the domain sources it imports run from where they are (node_modules resolve as usual).
 * Prints one JSON line: [{ name, perSecond }, ...]. Run it as its own process, on a quiet machine.
 */
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const swc = require('@swc/core');

const REPO = path.resolve(__dirname, '../../..');
const BENCH = path.join(REPO, 'test/bench/serials-parse.bench.ts');

Module._extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = swc.transformSync(source, {
    filename,
    sourceMaps: false,
    swcrc: false,
    configFile: false,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

async function main() {
  const { runSerialParseBench } = require(BENCH);
  const results = await runSerialParseBench();
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
