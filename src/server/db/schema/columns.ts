import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';

/** UUIDv7 keys: time-ordered, so indexes stay compact and lists sort by creation. */
export const id = () => uuid('id').primaryKey().$defaultFn(() => uuidv7());

export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const timestamps = {
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
};

/** Optimistic concurrency: every editable record carries the version an edit must be based on. */
export const version = () => integer('version').notNull().default(1);
