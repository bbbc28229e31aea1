import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  cardholder, cardholderListQuery, cardholderPage, cardholderParams, cardholderPatch, createCardholderBody, createdCardholder, lookupBody,
  lookupLogPage, lookupLogQuery, lookupQuery, lookupResult, newCardBody, reviewBody, schemeParams, withdrawBody,
} from '../../../shared/api/schemes.ts';
import { errorReply } from '../../../shared/api/common.ts';
import { who } from '../../platform/http/types.ts';
import { applicationRoutes } from './applications/routes.ts';
import { renderCard } from './card-pdf.ts';
import { answerOf, listLookups, lookUp } from './lookup.ts';
import * as register from './register.ts';
import { schemeSettingsRoutes } from './settings/routes.ts';
import { startSchemeReviewSweep } from './sweep.ts';

const tags = ['schemes'];

/** The Keep Safe Card register, its cards and reviews, and the emergency services' look-up. */
export async function schemeRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.post('/api/v1/schemes/:scheme/cardholders', {
    config: { permission: 'schemes.approve' },
    schema: {
      tags,
      summary: 'Put a person on the register with a card (a new number, or the paper card\'s); the scheme\'s administrators only',
      params: schemeParams,
      body: createCardholderBody,
      response: { 201: createdCardholder },
    },
  }, async (request, reply) => {
    const created = await runner.run(who(request), (ctx) => register.registerCardholder(ctx, request.params.scheme, request.body));
    return reply.code(201).send(created);
  });

  api.get('/api/v1/schemes/:scheme/cardholders', {
    config: { permission: 'schemes.view' },
    schema: { tags, summary: 'The register by surname; `q` is part of a name or a card number', params: schemeParams, querystring: cardholderListQuery, response: { 200: cardholderPage } },
  }, (request) => runner.run(who(request), (ctx) => register.listCardholders(ctx, request.params.scheme, request.query)));

  api.get('/api/v1/schemes/:scheme/cardholders/:id', {
    config: { permission: 'schemes.view' },
    schema: { tags, summary: 'A cardholder with the scheme\'s details, card and look-up count', params: cardholderParams, response: { 200: cardholder } },
  }, (request) => runner.run(who(request), (ctx) => register.getCardholder(ctx, request.params.scheme, request.params.id)));

  api.patch('/api/v1/schemes/:scheme/cardholders/:id', {
    config: { permission: 'schemes.manage' },
    schema: { tags, summary: 'Change a cardholder\'s scheme details from the version read; 409 on a stale version', params: cardholderParams, body: cardholderPatch, response: { 200: cardholder } },
  }, (request) => runner.run(who(request), (ctx) => register.updateCardholder(ctx, request.params.scheme, request.params.id, request.body)));

  api.post('/api/v1/schemes/:scheme/cardholders/:id/cards', {
    config: { permission: 'schemes.approve' },
    schema: { tags, summary: 'Issue a new card: a renewal or changed details keep the number, a lost card gets a new one', params: cardholderParams, body: newCardBody, response: { 200: cardholder } },
  }, (request) => runner.run(who(request), (ctx) => register.issueCard(ctx, request.params.scheme, request.params.id, request.body)));

  api.get('/api/v1/schemes/:scheme/cardholders/:id/card.pdf', {
    config: { permission: 'schemes.manage' },
    schema: { tags, summary: 'The card to print, as a two-page PDF at bank card size', params: cardholderParams },
  }, async (request, reply) => {
    const card = await runner.run(who(request), (ctx) => register.cardToPrint(ctx, request.params.scheme, request.params.id));
    const pdf = await renderCard(card, card.photoKey ? await app.platform.files.get(card.photoKey) : null);
    reply.header('content-disposition', `attachment; filename="${card.fileName}"`);
    return reply.type('application/pdf').send(pdf);
  });

  api.post('/api/v1/schemes/:scheme/cardholders/:id/review', {
    config: { permission: 'schemes.manage' },
    schema: { tags, summary: 'Confirm the cardholder\'s details are right: the next review is set from today', params: cardholderParams, body: reviewBody, response: { 200: cardholder } },
  }, (request) => runner.run(who(request), (ctx) => register.confirmReview(ctx, request.params.scheme, request.params.id, request.body.version)));

  api.post('/api/v1/schemes/:scheme/cardholders/:id/withdraw', {
    config: { permission: 'schemes.manage' },
    schema: { tags, summary: 'Take the cardholder off the register; their card stops answering look-ups', params: cardholderParams, body: withdrawBody, response: { 200: cardholder } },
  }, (request) => runner.run(who(request), (ctx) => register.withdrawCardholder(ctx, request.params.scheme, request.params.id, request.body)));

  // The contract's look-up puts the reason in the address; the web app uses the POST below, which keeps it out.
  api.get('/api/v1/schemes/:scheme/lookup', {
    config: { permission: 'schemes.look_up' },
    schema: { tags, summary: 'Emergency look-up by card number, or by name and date of birth, with a reason: only what a responder needs', params: schemeParams, querystring: lookupQuery, response: { 200: lookupResult, 429: errorReply } },
  }, async (request) => answerOf(await runner.run(who(request), (ctx) => lookUp(ctx, request.params.scheme, request.query))));

  api.post('/api/v1/schemes/:scheme/lookup', {
    config: { permission: 'schemes.look_up' },
    schema: { tags, summary: 'The emergency look-up, with nothing personal in the address', params: schemeParams, body: lookupBody, response: { 200: lookupResult, 429: errorReply } },
  }, async (request) => answerOf(await runner.run(who(request), (ctx) => lookUp(ctx, request.params.scheme, request.body))));

  api.get('/api/v1/schemes/:scheme/lookups', {
    config: { permission: 'schemes.view' },
    schema: { tags, summary: 'Every look-up of the scheme, newest first; the scheme\'s administrators only', params: schemeParams, querystring: lookupLogQuery, response: { 200: lookupLogPage } },
  }, (request) => runner.run(who(request), (ctx) => listLookups(ctx, request.params.scheme, request.query)));

  await app.register(applicationRoutes);
  await app.register(schemeSettingsRoutes);

  const stopSweep = startSchemeReviewSweep(app.platform, app.log);
  app.addHook('onClose', async () => stopSweep());
}
