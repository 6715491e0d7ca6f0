import { Injectable } from '@nestjs/common';
import { assertPublicAddresses, parseWebhookUrl } from '@registry/domain';
import { lookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';

/** A receiver that does not answer within this long counts as a failed attempt. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface WebhookPost {
  url: string;
  headers: Record<string, string>;
  body: string;
  allowPrivateNetworks: boolean;
}

/** Where webhooks meet the network: name resolution and the POST itself (tests may replace it). */
export abstract class WebhookNetwork {
  /** Every address the name resolves to (empty when it does not resolve). */
  abstract resolve(host: string): Promise<string[]>;
  /** The receiver's HTTP status; throws on a refused target, a network error or a timeout. */
  abstract post(post: WebhookPost): Promise<number>;
}

@Injectable()
export class NodeWebhookNetwork extends WebhookNetwork {
  resolve(host: string): Promise<string[]> {
    return new Promise((resolve) =>
      lookup(host, { all: true, verbatim: true }, (error, addresses: LookupAddress[]) => resolve(error ? [] : addresses.map((a) => a.address))),
    );
  }

  /**
   * Checks the target again at delivery time (the name may now resolve elsewhere), then connects
   * to the address it checked and no other: the request's own lookup is pinned to it, so a DNS
   * answer that changes in between (rebinding) cannot redirect it. TLS still verifies the name.
   * Redirects are not followed (node:http never does); the response body is not read.
   */
  async post({ url, headers, body, allowPrivateNetworks }: WebhookPost): Promise<number> {
    const target = parseWebhookUrl(url, allowPrivateNetworks);
    const addresses = target.isAddress ? [target.host] : await this.resolve(target.host);
    assertPublicAddresses(target.host, addresses, allowPrivateNetworks);
    const address = addresses[0];
    const family = isIP(address);
    const pinned: LookupFunction = (_host, options, callback) => {
      if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, [{ address, family }]);
      else callback(null, address, family);
    };
    const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<number>((resolve, reject) => {
      const req = send(
        target.url,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          lookup: pinned,
          agent: false,
          timeout: WEBHOOK_TIMEOUT_MS,
        },
        (res) => {
          resolve(res.statusCode ?? 0);
          res.destroy();
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`)));
      req.on('error', reject);
      req.end(body);
    });
  }
}
