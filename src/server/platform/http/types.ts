import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type {} from '@fastify/rate-limit';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/connection.ts';
import { isStaff, type ActorKind, type AnyActor, type ClientActor, type RequestOrigin } from '../access/actor.ts';
import type { Permission } from '../access/permissions.ts';
import type { Runner, Who } from '../context.ts';
import type { KeyRing } from '../crypto/envelope.ts';
import { UnauthenticatedError } from '../errors.ts';
import type { SessionCache } from '../auth/session-cache.ts';
import type { EventBus } from '../events/types.ts';
import type { FileStorage } from '../files/storage.ts';
import type { Geocoder } from '../geocode/geocoder.ts';
import type { Jobs } from '../jobs/types.ts';
import type { Mailer } from '../notify/types.ts';
import type { WebhookDispatch } from '../webhooks/outbox.ts';

/** The platform services a module's routes may use, built once in app.ts. */
export interface Platform {
  config: Config;
  database: Database;
  runner: Runner;
  events: EventBus;
  /** The people behind recent sessions, for reads (platform/auth/session-cache.ts). */
  sessions: SessionCache;
  jobs: Jobs;
  mailer: Mailer;
  /** Uploaded files' bytes (their metadata is in `stored_files`). */
  files: FileStorage;
  /** The key that encrypts authenticator secrets and signs nothing else. */
  secretKey: Buffer;
  /** The keys that seal what referrers send (DATA_ENCRYPTION_KEY, and earlier ones to open older rows). */
  keyRing: KeyRing;
  /** Where people reach Concord, for links in emails (known only once the server listens). */
  publicUrl: () => string;
  /** The postcode lookup (GEOCODER); undefined when none is configured. */
  geocoder: Geocoder | undefined;
  /** Where the webhooks module fans out what use cases hooked (platform/webhooks/outbox.ts). */
  webhooks: WebhookDispatch;
}

export interface SessionInfo {
  tokenHash: string;
  stage: 'enrolment' | 'full';
  csrfToken: string;
}

/** A client's portal session, on the portal's routes only. */
export interface PortalSessionInfo {
  tokenHash: string;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares what it needs; a test fails the build for any route that does not. */
    permission?: Permission;
    /**
     * The kinds of actor the route serves (`actorsOf` fills in the default: staff users, or
     * anyone on a public route). A session or token of another kind is refused by the guard.
     */
    actors?: readonly ActorKind[];
    /**
     * `'sealed'` for a route whose request or reply holds what must not be kept in clear (a
     * message's words, an unsealed referral): a repeat is still answered with the first reply,
     * which is kept sealed with the data encryption key, and the request is fingerprinted with a
     * keyed hash rather than a bare one.
     */
    idempotent?: 'sealed';
  }
  interface FastifyRequest {
    actor: AnyActor | null;
    session: SessionInfo | null;
    portalSession: PortalSessionInfo | null;
  }
  interface FastifyInstance {
    platform: Platform;
  }
}

export function originOf(request: FastifyRequest): RequestOrigin {
  return { ip: request.ip ?? null };
}

/**
 * The actor and origin for a use case, for routes whose permission guarantees a signed-in actor.
 * The request's Idempotency-Key goes with the first use case it runs, which stores the reply.
 */
export function who(request: FastifyRequest): Who {
  if (!isStaff(request.actor)) throw new UnauthenticatedError();
  const idempotency = request.idempotency;
  request.idempotency = null;
  return { actor: request.actor, origin: originOf(request), idempotency };
}

/** As `who`, for the portal's routes: the client signed in to it. */
export function whoClient(request: FastifyRequest): Who<ClientActor> {
  if (request.actor?.kind !== 'client') throw new UnauthenticatedError();
  const idempotency = request.idempotency;
  request.idempotency = null;
  return { actor: request.actor, origin: originOf(request), idempotency };
}

export function anonymous(request: FastifyRequest): { actor: null; origin: RequestOrigin } {
  return { actor: null, origin: originOf(request) };
}
