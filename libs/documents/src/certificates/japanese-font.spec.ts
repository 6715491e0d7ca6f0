import { openSync, readSync, closeSync } from 'node:fs';
import { JapaneseFontMissingError, NPM_FONT_PACKAGE, SYSTEM_FONT_CANDIDATES, resolveJapaneseFont } from './japanese-font';

const notInstalled = (id: string): string => {
  throw new Error(`Cannot find module '${id}'`);
};

describe('resolveJapaneseFont', () => {
  it('finds the npm package fonts on this checkout (npm ci is enough): a full OpenType file', () => {
    const font = resolveJapaneseFont({ env: {} });
    expect(font.source).toBe('npm');
    expect(font.regular.path).toMatch(/@embedpdf[\\/]fonts-jp[\\/]fonts[\\/]NotoSansJP-Regular\.otf$/);
    expect(font.bold.path).toMatch(/NotoSansJP-Bold\.otf$/);
    // CFF-flavoured OpenType starts with 'OTTO' (a woff2 subset would start with 'wOF2').
    const fd = openSync(font.regular.path, 'r');
    const magic = Buffer.alloc(4);
    readSync(fd, magic, 0, 4, 0);
    closeSync(fd);
    expect(magic.toString('latin1')).toBe('OTTO');
  });

  it('prefers CERTIFICATE_FONT_PATH, with a family for .ttc collections', () => {
    const font = resolveJapaneseFont({
      env: { CERTIFICATE_FONT_PATH: '/fonts/a.ttc', CERTIFICATE_FONT_FAMILY: 'NotoSansCJKjp-Regular' },
      exists: (p) => p === '/fonts/a.ttc',
      resolveModule: notInstalled,
    });
    expect(font).toEqual({
      source: 'env',
      regular: { path: '/fonts/a.ttc', family: 'NotoSansCJKjp-Regular' },
      bold: { path: '/fonts/a.ttc', family: 'NotoSansCJKjp-Regular' },
    });
  });

  it('fails clearly when CERTIFICATE_FONT_PATH names a missing file', () => {
    expect(() => resolveJapaneseFont({ env: { CERTIFICATE_FONT_PATH: '/nope.ttf' }, exists: () => false })).toThrow(/CERTIFICATE_FONT_PATH=\/nope\.ttf/);
  });

  it("falls back to Debian's fonts-noto-cjk when the npm package is missing", () => {
    const noto = SYSTEM_FONT_CANDIDATES[0];
    const font = resolveJapaneseFont({ env: {}, exists: (p) => p.startsWith('/usr/share/fonts/opentype/noto/'), resolveModule: notInstalled });
    expect(font.source).toBe('system');
    expect(font.regular).toEqual(noto.regular);
    expect(font.bold).toEqual(noto.bold);
  });

  it('names the packages to install when no font is found', () => {
    let error: unknown;
    try {
      resolveJapaneseFont({ env: {}, exists: () => false, resolveModule: notInstalled });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JapaneseFontMissingError);
    const message = (error as Error).message;
    expect(message).toContain(NPM_FONT_PACKAGE);
    expect(message).toContain('fonts-noto-cjk');
    expect(message).toContain('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
  });
});
