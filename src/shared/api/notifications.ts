import { z } from 'zod';
import { recordKinds } from '../records.ts';
import { notificationEmailModes, notificationKinds } from '../work.ts';
import { isoTime, listQuery, page, uuid } from './common.ts';

export const notification = z.object({
  id: uuid,
  kind: z.enum(notificationKinds),
  message: z.string(),
  link: z.string(),
  record: z.object({ kind: z.enum(recordKinds), id: uuid }).nullable(),
  createdAt: isoTime,
  readAt: isoTime.nullable(),
});
export type Notification = z.infer<typeof notification>;
export const notificationPage = page(notification);
export const notificationListQuery = listQuery.extend({ unread: z.stringbool().optional() });
export const unreadCount = z.object({ count: z.number().int() });

export const notificationPreferences = z.object({ email: z.enum(notificationEmailModes) });
export const updateNotificationPreferencesBody = z.strictObject({ email: z.enum(notificationEmailModes) });

/** Register an interest: told whenever someone else adds or changes anything on the record. */
export const interestParams = z.object({ kind: z.enum(['profiles', 'cases']), id: uuid });
export const interest = z.object({ registered: z.boolean() });
export const interestItem = z.object({ record: z.object({ kind: z.enum(recordKinds), id: uuid, title: z.string().nullable() }), createdAt: isoTime });
export const interestList = z.object({ items: z.array(interestItem) });
