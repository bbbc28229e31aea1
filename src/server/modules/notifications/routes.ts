import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/api/common.ts';
import {
  notification, notificationListQuery, notificationPage, notificationPreferences, unreadCount, updateNotificationPreferencesBody,
} from '../../../shared/api/notifications.ts';
import { who } from '../../platform/http/types.ts';
import { startNotificationEmails } from './delivery.ts';
import * as service from './service.ts';

const tags = ['notifications'];
const mine = { permission: 'signed_in' } as const;

/** Each person's own notifications and how they want them emailed. */
export async function notificationRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner } = app.platform;

  api.get('/api/v1/notifications', {
    config: mine,
    schema: { tags, summary: 'Your notifications, newest first', querystring: notificationListQuery, response: { 200: notificationPage } },
  }, (request) => runner.run(who(request), (ctx) => service.list(ctx, request.query)));

  api.get('/api/v1/notifications/unread-count', {
    config: mine,
    schema: { tags, summary: 'How many of your notifications are unread', response: { 200: unreadCount } },
  }, (request) => runner.run(who(request), (ctx) => service.unreadCount(ctx)));

  api.post('/api/v1/notifications/:id/read', {
    config: mine,
    schema: { tags, summary: 'Mark one of your notifications read', params: idParams, body: z.strictObject({}).optional(), response: { 200: notification } },
  }, (request) => runner.run(who(request), (ctx) => service.markRead(ctx, request.params.id)));

  api.post('/api/v1/notifications/read-all', {
    config: mine,
    schema: { tags, summary: 'Mark all your notifications read', body: z.strictObject({}).optional(), response: { 200: unreadCount } },
  }, (request) => runner.run(who(request), (ctx) => service.markAllRead(ctx)));

  api.get('/api/v1/notification-preferences', {
    config: mine,
    schema: { tags, summary: 'Whether you are emailed each notification or a daily digest', response: { 200: notificationPreferences } },
  }, (request) => runner.run(who(request), (ctx) => service.getPreferences(ctx)));

  api.put('/api/v1/notification-preferences', {
    config: mine,
    schema: { tags, body: updateNotificationPreferencesBody, response: { 200: notificationPreferences } },
  }, (request) => runner.run(who(request), (ctx) => service.updatePreferences(ctx, request.body)));

  const stop = startNotificationEmails(app.platform, app.log);
  app.addHook('onClose', stop);
}
