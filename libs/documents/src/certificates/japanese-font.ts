import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as fontkit from 'fontkit';

/**
 * Where the certificate PDF gets a font with Japanese glyphs.
 *
 * Order:
 * 1. `CERTIFICATE_FONT_PATH` (and optionally `CERTIFICATE_FONT_BOLD_PATH`): a TTF/OTF file an operator
 *    chose (a `.ttc` collection needs `CERTIFICATE_FONT_FAMILY`, the PostScript name inside it);
 * 2. the npm package `@embedpdf/fonts-jp` (a dependency: Noto Sans JP Regular/Bold, full Japanese
 *    OTF, SIL OFL 1.1), so `npm ci` alone is enough;
 * 3. Debian's `fonts-noto-cjk` or `fonts-ipaexfont-gothic` / `fonts-ipafont-gothic`.
 * None found → `JapaneseFontMissingError`, whose message names the packages to install.
 */

export const NPM_FONT_PACKAGE = '@embedpdf/fonts-jp';

export interface FontFace {
  path: string;
  /** PostScript name of the face inside a `.ttc` collection; unset for a single-face file. */
  family?: string;
}

export interface JapaneseFont {
  regular: FontFace;
  bold: FontFace;
  /** Where it came from, for logs. */
  source: 'env' | 'npm' | 'system';
}

export class JapaneseFontMissingError extends Error {
  constructor(tried: string[]) {
    super(
      'No font with Japanese glyphs for certificate PDFs. Install the npm package ' +
        `${NPM_FONT_PACKAGE} (a dependency: run \`npm ci\`), or Debian's fonts-noto-cjk ` +
        '(`apt-get install fonts-noto-cjk`), or set CERTIFICATE_FONT_PATH to a TTF/OTF file. Tried: ' +
        tried.join(', '),
    );
    this.name = 'JapaneseFontMissingError';
  }
}

/** Debian's packaged fonts, best first. */
export const SYSTEM_FONT_CANDIDATES: ReadonlyArray<{ package: string; regular: FontFace; bold: FontFace }> = [
  {
    package: 'fonts-noto-cjk',
    regular: { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKjp-Regular' },
    bold: { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', family: 'NotoSansCJKjp-Bold' },
  },
  {
    package: 'fonts-ipaexfont-gothic',
    regular: { path: '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf' },
    bold: { path: '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf' },
  },
  {
    package: 'fonts-ipafont-gothic',
    regular: { path: '/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf' },
    bold: { path: '/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf' },
  },
];

export interface ResolveFontDeps {
  env?: Record<string, string | undefined>;
  exists?: (path: string) => boolean;
  /** `require.resolve`; throws when the package is not installed. */
  resolveModule?: (id: string) => string;
}

export function resolveJapaneseFont(deps: ResolveFontDeps = {}): JapaneseFont {
  const env = deps.env ?? process.env;
  const exists = deps.exists ?? existsSync;
  const resolveModule = deps.resolveModule ?? ((id: string) => require.resolve(id));
  const tried: string[] = [];

  const envPath = env.CERTIFICATE_FONT_PATH;
  if (envPath) {
    if (!exists(envPath)) throw new JapaneseFontMissingError([`CERTIFICATE_FONT_PATH=${envPath} (no such file)`]);
    const family = env.CERTIFICATE_FONT_FAMILY || undefined;
    const boldPath = env.CERTIFICATE_FONT_BOLD_PATH;
    const bold = boldPath && exists(boldPath) ? { path: boldPath, family: env.CERTIFICATE_FONT_BOLD_FAMILY || family } : { path: envPath, family };
    return { regular: { path: envPath, family }, bold, source: 'env' };
  }

  try {
    // The package only exports its entry (dist/index.cjs); the fonts sit in ../fonts beside it.
    const fontsDir = join(dirname(resolveModule(NPM_FONT_PACKAGE)), '..', 'fonts');
    const regular = join(fontsDir, 'NotoSansJP-Regular.otf');
    const bold = join(fontsDir, 'NotoSansJP-Bold.otf');
    if (exists(regular)) return { regular: { path: regular }, bold: { path: exists(bold) ? bold : regular }, source: 'npm' };
    tried.push(regular);
  } catch {
    tried.push(`npm package ${NPM_FONT_PACKAGE} (not installed)`);
  }

  for (const candidate of SYSTEM_FONT_CANDIDATES) {
    if (exists(candidate.regular.path)) {
      return { regular: candidate.regular, bold: exists(candidate.bold.path) ? candidate.bold : candidate.regular, source: 'system' };
    }
    tried.push(`${candidate.regular.path} (Debian ${candidate.package})`);
  }
  throw new JapaneseFontMissingError(tried);
}

export interface LoadedFace {
  /** Parsed once per process and shared by every PDF: parsing the ~4.5 MB font's tables was three quarters of a PDF's CPU time. */
  parsed: fontkit.Font;
}

let cached: { regular: LoadedFace; bold: LoadedFace; font: JapaneseFont } | undefined;

/** The resolved font files, read and parsed once per process (pdfkit subsets what each PDF uses). */
export function loadJapaneseFont(): { regular: LoadedFace; bold: LoadedFace; font: JapaneseFont } {
  if (!cached) {
    // pdfkit, fontkit and qrcode are required on the first PDF, not at start-up: together they cost a
    // process that renders none (the CLI importing a statement, reconciling an export) ~0.6 s and memory.
    const { create } = require('fontkit') as typeof fontkit;
    const font = resolveJapaneseFont();
    const regularData = readFileSync(font.regular.path);
    const regular: LoadedFace = { parsed: create(regularData, font.regular.family) };
    const boldData = font.bold.path === font.regular.path ? regularData : readFileSync(font.bold.path);
    const bold: LoadedFace = { parsed: create(boldData, font.bold.family) };
    cached = { regular, bold, font };
  }
  return cached;
}
