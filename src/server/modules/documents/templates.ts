import type { z } from 'zod';
import type { replaceTemplateFileQuery, Template, templateListQuery, updateTemplateBody, uploadTemplateQuery } from '../../../shared/api/documents.ts';
import { canManagePartnershipLists } from '../../platform/access/administration.ts';
import { actorHas } from '../../platform/access/permissions.ts';
import { diff } from '../../platform/audit/diff.ts';
import type { Context, Runner, Who } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError, staleVersion } from '../../platform/errors.ts';
import { contentDisposition } from '../../platform/files/content.ts';
import { presentTemplate } from './present.ts';
import * as q from './queries.ts';
import type { DocumentContent } from './service.ts';
import type { Uploads } from './uploads.ts';

const subject = (id: string) => ({ entityType: 'document_template' as const, entityId: id });

async function loadTemplate(ctx: Context, id: string): Promise<q.TemplateRow> {
  const row = await q.getTemplate(ctx.tx, ctx.actor.partnershipId, id);
  if (!row) throw new NotFoundError('template');
  return row;
}

/** The library is the whole partnership's, kept by its system administrators, not one organisation's. */
function requireCurator(ctx: Context) {
  if (canManagePartnershipLists(ctx.actor, ctx.actor.partnershipId)) return;
  throw new ForbiddenError('Only the partnership\'s system administrators can change its template library.');
}

/** Every open template library screen of the partnership fetches the library again. */
function announce(ctx: Context, id: string) {
  ctx.emit({ type: 'template.changed', audience: { partnershipIds: [ctx.actor.partnershipId] }, data: { id } });
}

/**
 * The partnership's template library: letters, consent forms and agreements that its system
 * administrators curate in folders (their own partnership's) and anyone may copy onto a record.
 * Retired templates stay, for the copies already made, but are no longer offered.
 */
export function createTemplateService({ runner, uploads }: { runner: Runner; uploads: Uploads }) {
  return {
    list(who: Who, query: z.infer<typeof templateListQuery>) {
      return runner.run(who, async (ctx) => {
        const includeRetired = query.includeRetired && actorHas(ctx.actor, 'templates.manage');
        const items = (await q.listTemplates(ctx.tx, ctx.actor.partnershipId, includeRetired)).map(presentTemplate);
        return { items, folders: [...new Set(items.map((t) => t.folder))].sort((a, b) => a.localeCompare(b)) };
      });
    },

    async create(who: Who, query: z.infer<typeof uploadTemplateQuery>, bytes: Buffer): Promise<Template> {
      const upload = await uploads.prepare(bytes, query.fileName);
      return uploads.cleaningUp((written) => runner.run(who, async (ctx) => {
        requireCurator(ctx);
        const stored = await uploads.store(ctx.tx, upload, { partnershipId: ctx.actor.partnershipId, createdBy: ctx.actor.id }, written);
        const id = await q.insertTemplate(ctx.tx, {
          partnershipId: ctx.actor.partnershipId,
          folder: query.folder,
          title: query.title,
          description: query.description || null,
          storedFileId: stored.id,
          fileName: upload.fileName,
          createdBy: ctx.actor.id,
          updatedBy: ctx.actor.id,
        });
        ctx.audit({ action: 'template.created', ...subject(id), details: { folder: query.folder, title: query.title, contentType: upload.contentType, scanResult: upload.scanResult } });
        announce(ctx, id);
        return presentTemplate((await q.getTemplate(ctx.tx, ctx.actor.partnershipId, id))!);
      }));
    },

    update(who: Who, id: string, body: z.infer<typeof updateTemplateBody>): Promise<Template> {
      return runner.run(who, async (ctx) => {
        const current = await loadTemplate(ctx, id);
        requireCurator(ctx);
        const t = current.template;
        if (t.version !== body.version) throw staleVersion(presentTemplate(current));
        const next = {
          title: body.title ?? t.title,
          folder: body.folder ?? t.folder,
          description: body.description === undefined ? t.description : body.description || null,
          active: body.active ?? t.active,
        };
        const changes = diff({ title: t.title, folder: t.folder, description: t.description, active: t.active }, next, ['title', 'folder', 'description', 'active']);
        if (Object.keys(changes).length === 0) return presentTemplate(current);
        if (!(await q.updateTemplate(ctx.tx, id, body.version, { ...next, updatedBy: ctx.actor.id }))) throw staleVersion(presentTemplate((await q.getTemplate(ctx.tx, ctx.actor.partnershipId, id))!));
        ctx.audit({ action: 'template.updated', ...subject(id), changes });
        announce(ctx, id);
        return presentTemplate((await q.getTemplate(ctx.tx, ctx.actor.partnershipId, id))!);
      });
    },

    /** A new file for the template. The old one stays in storage: copies already made point at it. */
    async replaceFile(who: Who, id: string, query: z.infer<typeof replaceTemplateFileQuery>, bytes: Buffer): Promise<Template> {
      const upload = await uploads.prepare(bytes, query.fileName);
      return uploads.cleaningUp((written) => runner.run(who, async (ctx) => {
        const current = await loadTemplate(ctx, id);
        requireCurator(ctx);
        if (current.template.version !== query.version) throw staleVersion(presentTemplate(current));
        const stored = await uploads.store(ctx.tx, upload, { partnershipId: ctx.actor.partnershipId, createdBy: ctx.actor.id }, written);
        if (!(await q.updateTemplate(ctx.tx, id, query.version, { storedFileId: stored.id, fileName: upload.fileName, updatedBy: ctx.actor.id }))) {
          throw staleVersion(presentTemplate((await q.getTemplate(ctx.tx, ctx.actor.partnershipId, id))!));
        }
        ctx.audit({
          action: 'template.updated', ...subject(id),
          changes: { file: { before: current.template.storedFileId, after: stored.id }, fileName: { before: current.template.fileName, after: upload.fileName } },
        });
        announce(ctx, id);
        return presentTemplate((await q.getTemplate(ctx.tx, ctx.actor.partnershipId, id))!);
      }));
    },

    content(who: Who, id: string): Promise<DocumentContent> {
      return runner.run(who, async (ctx) => {
        const row = await loadTemplate(ctx, id);
        const bytes = await uploads.read(row.storageKey);
        if (!bytes) throw new NotFoundError('file');
        ctx.audit({ action: 'template.downloaded', ...subject(id) });
        return { bytes, contentType: row.contentType, disposition: contentDisposition('attachment', row.template.fileName) };
      });
    },
  };
}
