import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkTarget, type CheckedAddress } from './target.ts';

/** Long enough for a receiver that queues the work, short enough that a hung one does not hold a worker. */
export const deliveryTimeoutMs = 10_000;

export interface WebhookRequest {
  url: string;
  /** The exact bytes signed and sent. */
  body: string;
  secret: string;
  event: string;
  /** The event's id: the same on every attempt, so the receiver can de-duplicate retries. */
  eventId: string;
  allowPrivateTargets: boolean;
}

export interface WebhookAttempt {
  delivered: boolean;
  statusCode: number | null;
  durationMs: number;
  /** Why it failed, in words for the delivery log. */
  error: string | null;
}

/** `sha256=<hex HMAC-SHA256 of the body with the secret>`, as X-Concord-Signature carries it. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Resolves the host to the address that was checked, whatever DNS would say now. */
function pinnedTo({ address, family }: CheckedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/**
 * One attempt to deliver: the target is checked again (https, public addresses) and the
 * connection made to the address checked; redirects are not followed; 10 seconds in all. Never
 * throws for the receiver's failings: they are the attempt's outcome.
 */
export async function sendWebhook(request: WebhookRequest): Promise<WebhookAttempt> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const target = await checkTarget(request.url, request.allowPrivateTargets);
  if (!target.ok) return { delivered: false, statusCode: null, durationMs: elapsed(), error: `Not sent: the URL ${target.problem}.` };
  const { url, addresses } = target;
  const body = Buffer.from(request.body, 'utf8');
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<WebhookAttempt>((resolve) => {
    let settled = false;
    const finish = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve({ delivered: error === null, statusCode, durationMs: elapsed(), error });
    };
    const req = client.request({
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      // A fresh connection each time: a pooled one could have been opened to another address.
      agent: false,
      lookup: pinnedTo(addresses[0]!),
      headers: {
        'content-type': 'application/json',
        'content-length': body.length,
        'user-agent': 'Concord-Webhooks',
        'x-concord-event': request.event,
        'x-concord-delivery': request.eventId,
        'x-concord-signature': signature(request.secret, request.body),
      },
    }, (res) => {
      const code = res.statusCode ?? 0;
      // The receiver's reply is not kept: it could hold anything.
      res.resume();
      res.on('end', () => {
        if (code >= 200 && code < 300) finish(code, null);
        else if (code >= 300 && code < 400) finish(code, `The receiver answered ${code}, a redirect, which is not followed.`);
        else finish(code, `The receiver answered ${code}.`);
      });
      res.on('error', (error) => finish(code, `The reply broke off: ${error.message}.`));
    });
    const deadline = setTimeout(() => {
      finish(null, `No reply within ${deliveryTimeoutMs / 1000} seconds.`);
      req.destroy();
    }, deliveryTimeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => finish(null, `Could not connect: ${error.code ?? error.message}.`));
    req.end(body);
  });
}
