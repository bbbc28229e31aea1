import { sql, type SQL } from 'drizzle-orm';
import { documents, documentVersions, storedFiles } from '../../db/schema/index.ts';
import type { SafetyFacts } from '../../modules/profiles/safety.ts';
import { canReadContent, type ActorRef } from './records.ts';

/*
 * What a page shows of another module's rows, as SQL for a page read in one statement to embed
 * (a module calls no other's queries.ts): a person's safety facts and a report's attachments,
 * each as json, written as their own modules read them, for every page that shows them.
 */

/**
 * A person's `SafetyFacts` as json, from the row of `profiles` named `row` (its name or alias),
 * for a statement that decides itself whether the actor may open them. Written with that name:
 * Drizzle leaves an outer column unqualified inside a subquery.
 */
export const safetyFactsJson = (row: SQL) => sql<SafetyFacts>`json_build_object(
  'dateOfBirth', ${row}.date_of_birth, 'approximateAge', ${row}.approximate_age, 'approximateAgeOn', ${row}.approximate_age_on,
  'roles', ${row}.roles, 'riskLevel', ${row}.risk_level,
  'warningMarkers', coalesce((
    select json_agg(json_build_object('id', l.id, 'key', l.key, 'name', l.name) order by l.position, l.name)
      from profile_warning_markers m join lookups l on l.id = m.lookup_id
     where m.profile_id = ${row}.id), '[]'::json))`;

/** An attachment as `attachmentsJson` gives it. */
export interface AttachmentJson { id: string; title: string; fileName: string; contentType: string }

/**
 * The documents attached to one report that the actor may read, as `reports/queries.ts` `attachments`
 * reads them (the current version's file, in the order they were added), as a json list: for a
 * statement that reads the report itself, whose id (`reportId`) may be its column.
 */
export const attachmentsJson = (actor: ActorRef, reportId: SQL) => sql<AttachmentJson[]>`coalesce((
  select json_agg(json_build_object('id', ${documents.id}, 'title', ${documents.title}, 'fileName', ${documentVersions.fileName},
                                    'contentType', ${storedFiles.contentType}) order by ${documents.createdAt}, ${documents.id})
    from ${documents}
    join ${documentVersions} on ${documentVersions.documentId} = ${documents.id} and ${documentVersions.version} = ${documents.currentVersion}
    join ${storedFiles} on ${storedFiles.id} = ${documentVersions.storedFileId}
   where ${documents.reportId} = ${reportId} and ${canReadContent(actor, documents)}), '[]'::json)`;
