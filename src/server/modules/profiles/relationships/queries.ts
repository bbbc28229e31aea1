import { and, eq, or } from 'drizzle-orm';
import type { RelationshipKind } from '../../../../shared/records.ts';
import { profileRelationships } from '../../../db/schema/index.ts';
import type { Tx } from '../../../db/transaction.ts';

export type RelationshipRow = typeof profileRelationships.$inferSelect;

/** A relationship of this kind between the two already, either way round when the kind reads the same both ways. */
export async function relationshipExists(tx: Tx, fromId: string, toId: string, kind: RelationshipKind, eitherWay: boolean): Promise<boolean> {
  const rows = await tx
    .select({ id: profileRelationships.id })
    .from(profileRelationships)
    .where(and(
      eq(profileRelationships.kind, kind),
      or(
        and(eq(profileRelationships.fromProfileId, fromId), eq(profileRelationships.toProfileId, toId)),
        eitherWay ? and(eq(profileRelationships.fromProfileId, toId), eq(profileRelationships.toProfileId, fromId)) : undefined,
      ),
    ));
  return rows.length > 0;
}

export async function insertRelationship(tx: Tx, values: typeof profileRelationships.$inferInsert): Promise<RelationshipRow> {
  const [row] = await tx.insert(profileRelationships).values(values).returning();
  return row!;
}

/** The relationship, only if it involves the given profile. */
export async function getRelationshipOf(tx: Tx, profileId: string, relationshipId: string): Promise<RelationshipRow | null> {
  const [row] = await tx
    .select()
    .from(profileRelationships)
    .where(and(eq(profileRelationships.id, relationshipId), or(eq(profileRelationships.fromProfileId, profileId), eq(profileRelationships.toProfileId, profileId))));
  return row ?? null;
}

export async function deleteRelationship(tx: Tx, id: string): Promise<void> {
  await tx.delete(profileRelationships).where(eq(profileRelationships.id, id));
}
