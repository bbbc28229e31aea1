import type { FastifyBaseLogger } from 'fastify';
import type { Runner } from '../../../platform/context.ts';
import { sealJson, openJson, type KeyRing } from '../../../platform/crypto/envelope.ts';
import { newStorageKey, type FileStorage } from '../../../platform/files/storage.ts';
import { getStoredFile, recordStoredFile } from '../../../platform/files/stored.ts';
import type { Jobs } from '../../../platform/jobs/types.ts';
import { notify } from '../../notifications/notify.ts';
import { settingsOf } from '../settings/service.ts';
import { collect } from './collect.ts';
import { buildPackage, type SourceItem } from './package.ts';
import * as q from './queries.ts';
import type { ItemContent } from './review.ts';
import { collectQueue, packageQueue, requestLink, requestSubject, reviewLink } from './service.ts';

/**
 * The two background steps of a request, each one transaction run as the system: collecting
 * (after the start commits) and packaging (after the last review). A step that throws marks the
 * request failed with its code rather than retrying: half a collection is never left behind, and
 * the handlers see the failure at once.
 */

export interface JobDeps {
  runner: Runner;
  keyRing: KeyRing;
  files: FileStorage;
  jobs: Jobs;
  log: Pick<FastifyBaseLogger, 'error'>;
}

const system = { actor: null, origin: { ip: null } };

/** Collects the person's items, their automatic redactions and one review per organisation; tells each organisation's admins. */
export async function runCollect(deps: JobDeps, id: string): Promise<void> {
  await deps.runner.run(system, async (ctx) => {
    const row = await q.getRequest(ctx.tx, id);
    if (!row || row.status !== 'queued') return;
    const settings = await settingsOf(ctx.tx, row.partnershipId);
    const collected = await collect(ctx.tx, deps.keyRing, row.profileId, {
      handlingOrganisationId: row.organisationId,
      redactOtherAgencyStaff: settings.redactOtherAgencyStaff,
    });
    const inserted = await q.insertItems(ctx.tx, collected.map((item, position) => ({
      requestId: row.id,
      organisationId: item.organisationId,
      kind: item.kind,
      sourceId: item.sourceId,
      position,
      title: item.title,
      occurredAt: item.occurredAt,
      sealedContent: sealJson(deps.keyRing, { fields: item.fields } satisfies ItemContent),
      storedFileId: item.file?.storedFileId ?? null,
      fileName: item.file?.fileName ?? null,
    })));
    const redactions = collected.flatMap((item, i) => item.redactions.map((r) => ({
      requestId: row.id, itemId: inserted[i]!.id, field: r.field, start: r.start, length: r.length, exemption: r.exemption, automatic: true,
    })));
    await q.insertRedactions(ctx.tx, redactions);
    const perOrganisation = new Map<string, number>();
    for (const item of collected) perOrganisation.set(item.organisationId, (perOrganisation.get(item.organisationId) ?? 0) + 1);
    await q.insertReviews(ctx.tx, row.id, perOrganisation);
    await q.updateRequest(ctx.tx, row.id, { status: 'in_review' }, ['queued']);
    const counts: Record<string, number> = {};
    for (const item of collected) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
    ctx.audit({ action: 'subject_access.collected', ...requestSubject(row), details: { counts, redactions: redactions.length } });
    const admins = await q.organisationAdmins(ctx.tx, [...perOrganisation.keys()]);
    await notify(ctx, admins.map((a) => ({
      userId: a.id,
      kind: 'subject_access_review' as const,
      message: `Subject access request ${row.reference} holds ${perOrganisation.get(a.organisationId)} items of your organisation to review before release, due by ${row.dueOn}.`,
      link: reviewLink(row.id, a.organisationId),
      subjectId: row.id,
    })));
  });
}

/** Builds the ZIP from the reviewed items, stores it, and opens the download window. */
export async function runPackage(deps: JobDeps, id: string): Promise<void> {
  await deps.runner.run(system, async (ctx) => {
    const row = await q.getRequest(ctx.tx, id);
    if (!row || row.status !== 'packaging') return;
    const settings = await settingsOf(ctx.tx, row.partnershipId);
    const items = await q.allItems(ctx.tx, row.id);
    const redactions = await q.redactionsOf(ctx.tx, items.map((i) => i.id));
    const organisations = await q.organisationNames(ctx.tx, items.map((i) => i.organisationId));
    const source: SourceItem[] = [];
    for (const item of items) {
      const fileId = item.replacementFileId ?? item.storedFileId;
      let file: SourceItem['file'] = null;
      if (fileId && item.decision === 'include') {
        const stored = await getStoredFile(ctx.tx, fileId);
        const bytes = stored ? await deps.files.get(stored.storageKey) : null;
        if (!bytes) throw new Error(`subject access ${row.id}: the file of item ${item.id} is missing`);
        // A replacement keeps the name it was uploaded with ("letter-redacted.pdf").
        file = { name: (item.replacementFileId ? stored?.originalName : item.fileName) ?? item.fileName ?? 'document', bytes };
      }
      source.push({
        kind: item.kind,
        title: item.title,
        occurredAt: item.occurredAt,
        organisationName: organisations.get(item.organisationId) ?? '',
        fields: openJson<ItemContent>(deps.keyRing, item.sealedContent).fields,
        decision: item.decision,
        exemption: item.exemption,
        redactions: redactions.filter((r) => r.itemId === item.id),
        file,
      });
    }
    const generatedAt = new Date();
    const { zip, files } = await buildPackage({
      reference: row.reference,
      profileTitle: row.profileTitle,
      partnershipName: await q.partnershipName(ctx.tx, row.partnershipId),
      organisationName: row.organisationName,
      receivedOn: row.receivedOn,
      dueOn: row.dueOn,
      extended: row.extendedAt !== null,
      extensionReason: row.extensionReason,
      pausedDays: row.pausedDays,
      generatedAt,
    }, source);
    // Bytes first, then the row: a rollback leaves an unreferenced file, never a row without its file.
    const storageKey = newStorageKey();
    await deps.files.put(storageKey, zip);
    const stored = await recordStoredFile(ctx.tx, {
      partnershipId: row.partnershipId, createdBy: null, originalName: `${row.reference}.zip`, storageKey, contentType: 'application/zip', bytes: zip,
    });
    const downloadExpiresAt = new Date(generatedAt.getTime() + settings.downloadDays * 86_400_000);
    await q.updateRequest(ctx.tx, row.id, { status: 'ready', zipFileId: stored.id, readyAt: generatedAt, downloadExpiresAt }, ['packaging']);
    ctx.audit({ action: 'subject_access.packaged', ...requestSubject(row), details: { files, bytes: zip.length, downloadExpiresAt: downloadExpiresAt.toISOString() } });
    const handlers = await q.organisationAdmins(ctx.tx, [row.organisationId]);
    const userIds = [...new Set([row.startedBy, ...handlers.map((h) => h.id)])];
    await notify(ctx, userIds.map((userId) => ({
      userId,
      kind: 'subject_access_ready' as const,
      message: `Subject access request ${row.reference} is ready to download until ${downloadExpiresAt.toISOString().slice(0, 10)}.`,
      link: requestLink(row.id),
      subjectId: row.id,
    })));
  });
}

async function failed(deps: JobDeps, id: string, code: string, error: unknown): Promise<void> {
  deps.log.error({ err: error, subjectAccessRequestId: id }, `subject access request ${code}`);
  await deps.runner.run(system, async (ctx) => {
    const row = await q.updateRequest(ctx.tx, id, { status: 'failed', failure: code }, ['queued', 'collecting', 'packaging']);
    if (row) ctx.audit({ action: 'subject_access.failed', ...requestSubject(row), details: { code } });
  });
}

/** Registers both workers. A job carries only the request's id. */
export async function startSubjectAccessWork(deps: JobDeps): Promise<void> {
  const idOf = (data: Record<string, unknown>) => {
    if (typeof data.id !== 'string') throw new Error('subject access job without a request id');
    return data.id;
  };
  await deps.jobs.work(collectQueue, async (data) => {
    const id = idOf(data);
    await runCollect(deps, id).catch((error: unknown) => failed(deps, id, 'collection_failed', error));
  });
  await deps.jobs.work(packageQueue, async (data) => {
    const id = idOf(data);
    await runPackage(deps, id).catch((error: unknown) => failed(deps, id, 'packaging_failed', error));
  });
}
