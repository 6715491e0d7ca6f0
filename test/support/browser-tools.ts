import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';

/**
 * Helpers for tests that drive Debian's system Chromium through playwright-core (no downloaded
 * browsers: `npx playwright install` is never needed) and that look at PDFs through poppler.
 */

export const CHROMIUM_PATH = process.env.REGISTRY_TEST_CHROMIUM ?? '/usr/bin/chromium';

const hasCommand = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** What is missing to run the browser tests, with the Debian packages that provide it. */
export function missingBrowserTools(): string[] {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM_PATH)) missing.push(`${CHROMIUM_PATH} (apt-get install -y chromium)`);
  if (!hasCommand('pdftoppm')) missing.push('pdftoppm (apt-get install -y poppler-utils)');
  return missing;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 20_000 });
}

/**
 * Records every request of `page` that failed, except those the browser gave up on itself (Chromium's
 * `net::ERR_ABORTED`), which are not answers the registry failed: a subresource started before a later
 * navigation of the main frame (the favicon of a page left before it arrived), and a navigation aborted
 * before any answer came (a meta refresh cut short by a click). A navigation that was answered and
 * still ended aborted (a page answered 204) is recorded.
 */
export function recordFailedRequests(page: Page, problems: string[]): void {
  let navigations = 0;
  const startedAt = new WeakMap<Request, number>();
  const answered = new WeakSet<Request>();
  page.on('request', (request) => {
    startedAt.set(request, navigations);
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigations += 1;
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations += 1;
  });
  page.on('response', (response) => answered.add(response.request()));
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText;
    // Chromium aborts a navigation as the next one starts, before that one's request is reported.
    const givenUp = request.isNavigationRequest() ? !answered.has(request) : (startedAt.get(request) ?? navigations) < navigations;
    if (!(error === 'net::ERR_ABORTED' && givenUp)) problems.push(`requestfailed: ${request.url()} ${error}`);
  });
}

/** Page 1 of a PDF as a PNG at `dpi` (`outPrefix` gets `.png` appended by pdftoppm's -singlefile). */
export function pdfFirstPageToPng(pdfFile: string, outPrefix: string, dpi = 100): string {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdfFile, outPrefix], { timeout: 20_000 });
  return `${outPrefix}.png`;
}

/** A PNG's size and its ink: the share of pixels that differ from the top-left one (~0 for a blank image). */
export interface PngSummary {
  width: number;
  height: number;
  ink: number;
}

const PNG_WORKER = join(__dirname, 'png-pixels-worker.js');

function readPixels(file: string, qr: boolean): Promise<PngSummary & { qr?: string | null }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(PNG_WORKER, { workerData: { file, qr } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the PNG worker for ${file} exited (${code}) without an answer`)));
  });
}

export function pngSummary(file: string): Promise<PngSummary> {
  return readPixels(file, false);
}

/** The text of the QR code in a PNG, or null when none could be decoded. */
export async function decodeQr(pngFile: string): Promise<string | null> {
  return (await readPixels(pngFile, true)).qr ?? null;
}

/** Font families fontconfig says cover Japanese (`fc-list :lang=ja`), every alias of each. */
export function japaneseFontFamilies(): Set<string> {
  const run = spawnSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' });
  if (run.error) throw new Error(`fc-list failed (${run.error.message}): apt-get install -y fontconfig`);
  const out = run.stdout ?? '';
  return new Set(
    out
      .split('\n')
      .flatMap((line) => line.split(','))
      .map((name) => name.replace(/\\-/g, '-').trim())
      .filter(Boolean),
  );
}

/** The system fonts Chromium actually used to draw the text of the first element matching `selector`. */
export async function platformFontsFor(context: BrowserContext, page: Page, selector: string): Promise<Array<{ familyName: string; glyphCount: number }>> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`no element matches ${selector}`);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => ({ familyName: f.familyName, glyphCount: f.glyphCount }));
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Whether Japanese text in `selector` is drawn with a font that has Japanese glyphs. Without one,
 * Chromium draws "tofu" boxes and reports only Latin fonts (e.g. Liberation Serif) for the node.
 */
export async function assertJapaneseGlyphs(context: BrowserContext, page: Page, selector: string): Promise<void> {
  const used = await platformFontsFor(context, page, selector);
  const japanese = japaneseFontFamilies();
  if (!used.some((f) => japanese.has(f.familyName))) {
    throw new Error(
      `Japanese text in ${selector} is drawn with ${used.map((f) => f.familyName).join(', ') || 'no font'}, none of which has Japanese glyphs ` +
        `(fc-list :lang=ja lists ${japanese.size ? [...japanese].join(', ') : 'nothing'}): the page shows tofu boxes. ` +
        'Install a Japanese font: apt-get install -y fonts-noto-cjk',
    );
  }
}

/** Waits until the built apps exist (another `npm run build` may be replacing dist/ right now). */
export async function waitForFiles(files: string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (files.some((f) => !existsSync(f))) {
    if (Date.now() > deadline) throw new Error(`run \`npm run build\` first; missing ${files.filter((f) => !existsSync(f)).join(', ')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
