import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import type { Config } from './config.ts';
import type { Database } from './db/connection.ts';
import { loadSecretKey } from './platform/auth/crypto.ts';
import { loadKeyRing } from './platform/crypto/envelope.ts';
import { createRunner } from './platform/context.ts';
import { createEventBus } from './platform/events/bus.ts';
import { createSessionCache } from './platform/auth/session-cache.ts';
import { startAuditChainer } from './platform/audit/chain.ts';
import { startOutboxDeliverer } from './platform/events/outbox.ts';
import { openFileStorage } from './platform/files/storage.ts';
import { createGeocoder } from './platform/geocode/geocoder.ts';
import { eventStreamRoutes } from './platform/events/stream.ts';
import { registerAuthGuard } from './platform/http/auth-guard.ts';
import { registerErrorHandling } from './platform/http/error-handler.ts';
import { decorateIdempotency, registerIdempotency, startIdempotencyExpiry } from './platform/http/idempotency.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { registerSecurity } from './platform/http/security.ts';
import { registerGracefulShutdown } from './platform/http/shutdown.ts';
import { catalogueRoutes } from './platform/http/catalogue.ts';
import { acceptEmptyJsonBodies } from './platform/http/json-body.ts';
import type { Platform } from './platform/http/types.ts';
import { readableUrl } from './platform/http/url.ts';
import { registerWebApp } from './platform/http/web-app.ts';
import { createJobs } from './platform/jobs/boss.ts';
import { createMailer } from './platform/notify/mailer.ts';
import { createWebhookDispatch } from './platform/webhooks/outbox.ts';
import { apiTokenRoutes } from './modules/api-tokens/routes.ts';
import { webhookRoutes } from './modules/webhooks/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { singleSignOnRoutes } from './modules/auth/sso/routes.ts';
import { createAuthService } from './modules/auth/service.ts';
import { startSessionExpiry } from './modules/auth/expiry.ts';
import { organisationRoutes } from './modules/organisations/routes.ts';
import { outboxRoutes } from './modules/outbox/routes.ts';
import { userRoutes } from './modules/users/routes.ts';
import { caseRoutes } from './modules/cases/routes.ts';
import { locationRoutes } from './modules/locations/routes.ts';
import { lookupRoutes } from './modules/lookups/routes.ts';
import { profileImportRoutes } from './modules/profile-imports/routes.ts';
import { importRoutes } from './modules/imports/routes.ts';
import { setupRoutes } from './modules/partnership-setup/routes.ts';
import { profileMergeRoutes } from './modules/profile-merges/routes.ts';
import { profileRoutes } from './modules/profiles/routes.ts';
import { searchRoutes } from './modules/search/routes.ts';
import { postcodeRoutes } from './modules/postcodes/routes.ts';
import { settingsRoutes } from './modules/settings/routes.ts';
import { sharingRoutes } from './modules/sharing/routes.ts';
import { createUserService } from './modules/users/service.ts';
import { actionRoutes } from './modules/actions/routes.ts';
import { assessmentTemplateRoutes } from './modules/assessment-templates/routes.ts';
import { assessmentRoutes } from './modules/assessments/routes.ts';
import { documentRoutes } from './modules/documents/routes.ts';
import { homeRoutes } from './modules/home/routes.ts';
import { supervisionRoutes } from './modules/supervision/routes.ts';
import { interestRoutes } from './modules/interests/routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { panelRoutes } from './modules/panels/routes.ts';
import { referralFormRoutes } from './modules/referral-forms/routes.ts';
import { referralRoutes } from './modules/referrals/routes.ts';
import { decisionRoutes } from './modules/referrals/decisions/routes.ts';
import { publicReferralRoutes } from './modules/referrals/public/routes.ts';
import { reportRoutes } from './modules/reports/routes.ts';
import { taskRoutes } from './modules/tasks/routes.ts';
import { timelineRoutes } from './modules/timeline/routes.ts';
import { victimCareRoutes } from './modules/victim-care/routes.ts';
import { appointmentRoutes } from './modules/appointments/routes.ts';
import { messageRoutes } from './modules/messages/routes.ts';
import { portalRoutes } from './modules/portal/routes.ts';
import { portalSharingRoutes } from './modules/portal-sharing/routes.ts';
import { safetyPlanRoutes } from './modules/safety-plans/routes.ts';
import { insightRoutes } from './modules/insights/routes.ts';
import { viewersRoutes } from './modules/data-protection/viewers/routes.ts';
import { emergencyAccessRoutes } from './modules/data-protection/emergency-access/routes.ts';
import { agreementRoutes } from './modules/data-protection/agreements/routes.ts';
import { lawfulBasisRoutes } from './modules/data-protection/lawful-basis/routes.ts';
import { dataProtectionSettingsRoutes } from './modules/data-protection/settings/routes.ts';
import { subjectAccessRoutes } from './modules/data-protection/subject-access/routes.ts';
import { retentionRoutes } from './modules/data-protection/retention/routes.ts';
import { disclosureLogRoutes } from './modules/data-protection/disclosure-log/routes.ts';
import { summaryRoutes } from './modules/summaries/routes.ts';
import { schemeRoutes } from './modules/schemes/routes.ts';
import { helpRoutes } from './modules/help/routes.ts';
import { suggestionRoutes } from './modules/suggestions/routes.ts';

export interface AppOptions {
  config: Config;
  database: Database;
  /** Where people reach Concord, for links in emails; known only once the server listens on PORT=0. */
  publicUrl: () => string;
  logger?: boolean | { level: string };
}

/** Builds the whole application: platform plugins first, then each module. */
export async function buildApp({ config, database, publicUrl, logger = { level: config.logLevel } }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
    // Raw URLs can carry names (a search) and record ids; requests are logged by route instead.
    disableRequestLogging: true,
    ajv: { customOptions: { removeAdditional: false } },
    // The router would otherwise answer a long or badly escaped path itself, before the auth
    // guard, the security headers and the error handler. Node caps a request line at 16 KiB, so
    // no parameter reaches this length; each route's schema decides what a parameter may be.
    routerOptions: { maxParamLength: 16 * 1024 },
    rewriteUrl: readableUrl,
    // A request that reaches a stopping instance on a kept-alive connection is finished, not
    // answered 503: behind a load balancer a POST refused that way would be lost (shutdown.ts).
    return503OnClosing: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const routes = catalogueRoutes(app);

  const log = app.log;
  const events = await createEventBus(database, log);
  const sessions = await createSessionCache(database, log);
  const jobs = await createJobs(database, log);
  const mailer = await createMailer({ config, jobs, database, log });
  const outbox = startOutboxDeliverer({ database, events, log });
  const chainer = startAuditChainer({ database, log });
  const webhooks = createWebhookDispatch(log);
  const runner = createRunner({ database, outbox, webhooks, onEffectError: (error) => log.error({ err: error }, 'after-commit effect failed') });
  const storage = await openFileStorage(config);
  const platform: Platform = { config, database, runner, events, sessions, jobs, mailer, files: storage.files, secretKey: loadSecretKey(config), keyRing: loadKeyRing(config), publicUrl, geocoder: createGeocoder(config.geocoder, log), webhooks };
  app.decorate('platform', platform);
  app.decorate('routeCatalogue', routes);

  await app.register(cookie);
  await registerSecurity(app);
  registerErrorHandling(app);
  acceptEmptyJsonBodies(app);
  registerAuthGuard(app);
  registerGracefulShutdown(app);
  decorateIdempotency(app);
  registerIdempotency(app);
  await registerOpenApi(app);

  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { method: request.method, route: request.routeOptions.url ?? '(unmatched)', status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request completed',
    );
  });

  app.get('/healthz', { config: { permission: 'public' }, schema: { hide: true } }, async () => {
    await database.pool.query('select 1');
    return { status: 'ok' };
  });

  const auth = createAuthService({ secretKey: platform.secretKey, mailer, publicUrl });
  await app.register(authRoutes(auth, publicUrl().startsWith('https://')));
  await app.register(singleSignOnRoutes(publicUrl().startsWith('https://')));
  await app.register(organisationRoutes);
  const users = createUserService(auth);
  await app.register(userRoutes(users));
  await app.register(apiTokenRoutes);
  await app.register(webhookRoutes);
  await app.register(auditRoutes);
  await app.register(outboxRoutes);
  await app.register(lookupRoutes);
  await app.register(profileRoutes);
  await app.register(profileMergeRoutes);
  await app.register(profileImportRoutes);
  await app.register(importRoutes(users));
  await app.register(setupRoutes(users));
  await app.register(caseRoutes);
  await app.register(locationRoutes);
  await app.register(sharingRoutes);
  await app.register(searchRoutes);
  await app.register(settingsRoutes);
  await app.register(postcodeRoutes);
  await app.register(reportRoutes);
  await app.register(timelineRoutes);
  await app.register(taskRoutes);
  await app.register(actionRoutes);
  await app.register(documentRoutes);
  await app.register(interestRoutes);
  await app.register(notificationRoutes);
  await app.register(assessmentTemplateRoutes);
  await app.register(assessmentRoutes);
  await app.register(homeRoutes);
  await app.register(supervisionRoutes);
  await app.register(panelRoutes);
  await app.register(victimCareRoutes);
  await app.register(portalRoutes);
  await app.register(messageRoutes);
  await app.register(safetyPlanRoutes);
  await app.register(appointmentRoutes);
  await app.register(portalSharingRoutes);
  await app.register(referralFormRoutes);
  await app.register(referralRoutes);
  await app.register(decisionRoutes);
  await app.register(publicReferralRoutes);
  await app.register(insightRoutes);
  await app.register(viewersRoutes);
  await app.register(emergencyAccessRoutes);
  await app.register(agreementRoutes);
  await app.register(lawfulBasisRoutes);
  await app.register(dataProtectionSettingsRoutes);
  await app.register(subjectAccessRoutes);
  await app.register(retentionRoutes);
  await app.register(disclosureLogRoutes);
  await app.register(summaryRoutes);
  await app.register(schemeRoutes);
  await app.register(helpRoutes);
  await app.register(suggestionRoutes);
  await app.register(eventStreamRoutes);
  await registerWebApp(app);

  const stopExpiry = startSessionExpiry(platform, log);
  const stopKeyExpiry = startIdempotencyExpiry(database.db, log);
  app.addHook('onClose', async () => {
    stopExpiry();
    stopKeyExpiry();
    outbox.stop();
    webhooks.stop();
    chainer.stop();
    await jobs.stop();
    await events.close();
    await sessions.close();
    await storage.close();
  });
  return app;
}
