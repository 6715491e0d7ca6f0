import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** site.css, read once (nest-cli.json copies it beside the compiled code). */
export const STYLESHEET = readFileSync(join(__dirname, 'site.css'));

/** Its address names its content, so a year of caching never serves an old stylesheet after a release. */
export const STYLESHEET_NAME = `site-${createHash('sha256').update(STYLESHEET).digest('hex').slice(0, 12)}.css`;
export const STYLESHEET_HREF = `/assets/${STYLESHEET_NAME}`;
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
