import { and, asc, eq, gt, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { organisations, partnerships, teams, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import { forgetUser } from '../../platform/auth/session-cache.ts';

const userColumns = {
  user: users,
  teamName: teams.name,
  organisationId: organisations.id,
  organisationName: organisations.name,
  partnershipId: partnerships.id,
  partnershipName: partnerships.name,
};

export type UserRow = NonNullable<Awaited<ReturnType<typeof getUser>>>;

function withPlace(tx: Tx) {
  return tx
    .select(userColumns)
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .innerJoin(partnerships, eq(partnerships.id, organisations.partnershipId));
}

export async function getUser(tx: Tx, id: string) {
  const [row] = await withPlace(tx).where(eq(users.id, id));
  return row ?? null;
}

export interface UserFilter {
  partnershipId?: string;
  organisationId?: string;
  teamId?: string;
  search?: string;
  status?: 'invited' | 'active' | 'disabled';
  cursor: (string | number)[] | null;
  limit: number;
}

function statusIs(status: UserFilter['status']): SQL | undefined {
  switch (status) {
    case 'disabled':
      return isNotNull(users.disabledAt);
    case 'invited':
      return and(isNull(users.disabledAt), isNull(users.passwordHash));
    case 'active':
      return and(isNull(users.disabledAt), isNotNull(users.passwordHash));
    default:
      return undefined;
  }
}

export async function listUsers(tx: Tx, filter: UserFilter) {
  const pattern = filter.search ? `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const [name, id] = (filter.cursor ?? []) as [string?, string?];
  return withPlace(tx)
    .where(and(
      filter.partnershipId ? eq(partnerships.id, filter.partnershipId) : undefined,
      filter.organisationId ? eq(organisations.id, filter.organisationId) : undefined,
      filter.teamId ? eq(teams.id, filter.teamId) : undefined,
      pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
      statusIs(filter.status),
      name !== undefined && id !== undefined
        ? or(gt(sql`lower(${users.name})`, name.toLowerCase()), and(eq(sql`lower(${users.name})`, name.toLowerCase()), gt(users.id, id)))
        : undefined,
    ))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
    .limit(filter.limit + 1);
}

export async function emailTaken(tx: Tx, email: string, exceptId?: string): Promise<boolean> {
  const rows = await tx.select({ id: users.id }).from(users).where(and(eq(users.email, email), exceptId ? sql`${users.id} <> ${exceptId}` : undefined));
  return rows.length > 0;
}

export async function insertUser(tx: Tx, values: typeof users.$inferInsert) {
  const [row] = await tx.insert(users).values(values).returning({ id: users.id });
  return row!.id;
}

export type UserPatch = Partial<Pick<typeof users.$inferInsert, 'teamId' | 'name' | 'email' | 'role' | 'isSupervisor' | 'isCoordinator' | 'schemeLookUp' | 'jobTitle' | 'phone' | 'disabledAt' | 'totpSecret' | 'totpEnrolledAt' | 'totpLastStep'>>;

/**
 * Applies a change only if the record is still at the version the editor saw. This process's
 * session cache forgets the user first; other instances hear of it on commit.
 */
export async function updateUser(tx: Tx, id: string, version: number, patch: UserPatch): Promise<boolean> {
  forgetUser(id);
  const rows = await tx
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning({ id: users.id });
  return rows.length > 0;
}
