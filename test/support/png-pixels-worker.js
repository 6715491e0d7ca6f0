'use strict';
/*
 * Reads a PNG's pixels outside jest's module sandbox. Inside it, every typed-array access crosses
 * realms (Node's Buffer comes from the outer one), and a full-page screenshot took 1.4 s to decode and
 * count instead of 0.15 s: most of the browser suites' time.
 */
const { readFileSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const { PNG } = require('pngjs');
const jsQR = require('jsqr');

/** Share of pixels that differ from the top-left pixel: ~0 for a blank image. */
function inkRatio(png) {
  const data = png.data;
  const [r, g, b] = data;
  let differing = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) > 30) differing++;
  }
  return differing / (png.width * png.height);
}

const png = PNG.sync.read(readFileSync(workerData.file));
const qr = workerData.qr ? (jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null) : undefined;
parentPort.postMessage({ width: png.width, height: png.height, ink: inkRatio(png), qr });
