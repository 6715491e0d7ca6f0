/**
 * The web pages' Content-Security-Policy, as strict as the verify pages': no script at all, styles
 * only from the site's stylesheet (no inline style), images only from this site, forms posted only
 * to this site (and PUBLIC_BASE_URL's origin), never framed.
 */
export function webPageCsp(baseUrl: string): string {
  const origin = originOf(baseUrl);
  return [
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self'",
    `form-action 'self'${origin ? ` ${origin}` : ''}`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function originOf(baseUrl: string): string {
  try {
    return baseUrl ? new URL(baseUrl).origin : '';
  } catch {
    return '';
  }
}
