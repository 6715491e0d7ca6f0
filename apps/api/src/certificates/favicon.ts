/**
 * The verify pages' icon: the accent green of the pages with a white check mark. Inline SVG, no
 * script and no external reference, served with its own `default-src 'none'` policy.
 */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<rect width="32" height="32" rx="6" fill="#0b5d4b"/>' +
  '<path d="M9 16.5l4.5 4.5L23 11.5" fill="none" stroke="#fff" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/>' +
  '</svg>\n';

/** A day: long enough that browsers stop asking, short enough that a new icon shows up. */
export const FAVICON_SVG_CACHE = 'public, max-age=86400';

/** An empty answer never changes. */
export const NO_FAVICON_CACHE = 'public, max-age=31536000, immutable';
