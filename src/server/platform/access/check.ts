import type { AccessLevel, RecordKind } from '../../../shared/records.ts';
import type { Context } from '../context.ts';
import { ForbiddenError, NoAccessError, NotFoundError, type RecordOwner } from '../errors.ts';
import { kinds } from './kinds.ts';
import { effectiveLevel, mayEverEdit } from './records.ts';

/**
 * What a person wants with a record: to open it, to add their own work to it (a report, a
 * document, a task: an agency with view access records its own work on a shared record), or to
 * change the record itself (its details, its links, who it is shared with).
 */
export type Need = 'open' | 'contribute' | 'edit';

/** What the decision needs to know of a record, read with the actor's access level by `accessLevel`. */
export interface AccessFacts {
  id: string;
  partnershipId: string;
  level: AccessLevel | null;
  ownerTeamId: string;
  ownerTeamName: string;
  ownerOrganisationId: string;
  ownerOrganisationName: string;
}

declare const checkedFor: unique symbol;

/**
 * A record that has been through `checkRecord`. Only this module makes one, so a read that asks
 * for a checked record cannot be reached with a bare id whose check was forgotten.
 */
export type Checked<T> = T & { readonly [checkedFor]: Need };

/** Any checked record, for reads of what is on a record (its documents, tasks, timeline) that need no more of it. */
export type CheckedRecord = Checked<{ kind: RecordKind; id: string }>;

export const ownerOf = (facts: AccessFacts): RecordOwner => ({
  team: { id: facts.ownerTeamId, name: facts.ownerTeamName },
  organisation: { id: facts.ownerOrganisationId, name: facts.ownerOrganisationName },
});

/** The audit subject: the record, and the organisation and team whose administrators see what was done to it. */
export const subjectOf = (kind: RecordKind, facts: AccessFacts) => ({
  entityType: kinds[kind].auditEntityType,
  entityId: facts.id,
  subjectOrganisationId: facts.ownerOrganisationId,
  subjectTeamId: facts.ownerTeamId,
});

/**
 * The one answer to "may this actor open, add to or change this record?" for profiles, cases and
 * locations. Outside the actor's partnership a record does not exist (404). Inside it, one they
 * may not open is refused with its owner, so they can ask for access (403 `no_access`); adding
 * needs an account that may write, and changing needs edit. Every refusal is audited. `name` is
 * how messages speak of the record ("the duplicate profile"); by default its kind.
 */
export function checkRecord<T>(ctx: Pick<Context, 'actor' | 'refuse'>, need: Need, kind: RecordKind, row: T | null, factsOf: (row: T) => AccessFacts, name = `this ${kind}`): Checked<T> {
  const facts = row ? factsOf(row) : null;
  if (!row || !facts || facts.partnershipId !== ctx.actor.partnershipId) throw new NotFoundError(kind);
  const refuse = (why: string) => ctx.refuse({ action: 'access.refused', ...subjectOf(kind, facts), details: { why, need } });
  if (!facts.level) {
    refuse('not shared with your team or organisation');
    throw new NoAccessError(ownerOf(facts));
  }
  if (need === 'contribute' && !mayEverEdit(ctx.actor)) {
    refuse('read only');
    throw new ForbiddenError('Your account can read records but not add to them.');
  }
  if (need === 'edit' && effectiveLevel(ctx.actor, facts.level) !== 'edit') {
    refuse('view only');
    throw new ForbiddenError(`You can see ${name} but not change it.`);
  }
  return row as Checked<T>;
}
