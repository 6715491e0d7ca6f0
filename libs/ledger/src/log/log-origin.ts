/** The log's name in checkpoints and the name its key signs under: `<host>/log` of the public address. */
export function logOrigin(publicBaseUrl: string): string {
  const url = new URL(publicBaseUrl);
  return `${url.host}${url.pathname.replace(/\/+$/, '')}/log`;
}
