import type { FastifyInstance, FastifyReply } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { startSweep } from '../sweeps.ts';
import { databaseRateLimitStore, forgetPassedRateLimits } from './rate-limit-store.ts';

/**
 * The origin map tiles come from, for img-src: "https://{s}.tile.example.org/{z}/{x}/{y}.png"
 * becomes "https://*.tile.example.org", since Leaflet fills the subdomain in per tile.
 */
export function tileOrigin(tileUrl: string): string {
  const { protocol, host } = new URL(tileUrl.replace(/\{s\}/g, 'subdomain'));
  return `${protocol}//${host.replace(/^subdomain\./, '*.')}`;
}

/**
 * Security headers for every reply: a strict Content-Security-Policy (scripts only from our own
 * origin; Mantine needs inline styles; images also from the map's tile server), no framing, and
 * no caching of anything under /api.
 */
export async function registerSecurity(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', tileOrigin(app.platform.config.map.tileUrl)],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  // Per-address limits sit on top of the per-account throttle in the sign-in service: together
  // they slow guessing from one place and guessing at one account from many. On PostgreSQL the
  // counts are in the database, so every instance sharing it counts the same requests. The
  // embedded database serves one process, and its one connection would make every limited
  // request wait behind whatever transaction holds it, so there the counts stay in memory.
  const { db, mode } = app.platform.database;
  if (mode === 'embedded') {
    await app.register(rateLimit, { global: false });
    return;
  }
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(db) });
  const stopSweep = startSweep('forget passed rate limits', () => forgetPassedRateLimits(db), { everyMs: 15 * 60_000 }, app.log);
  app.addHook('onClose', async () => stopSweep());
}

/**
 * For a file the app previews in a frame of its own (a PDF or an image): only Concord's own pages
 * may frame it, and the file itself may load nothing but what it embeds. Every other reply keeps
 * the application-wide policy, which allows no framing at all.
 */
export function frameableBySelf(reply: FastifyReply): void {
  reply.header('content-security-policy', "default-src 'none'; object-src 'self'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'");
  reply.header('x-frame-options', 'SAMEORIGIN');
}

export const signInRateLimit = { max: 20, timeWindow: '1 minute' };
export const resetRateLimit = { max: 5, timeWindow: '15 minutes' };
