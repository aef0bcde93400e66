/**
 * Uploads: one file per request, size-limited, within the company's upload budget (storage quota,
 * per-user rate), its type established from its content (magic bytes) and checked against the
 * accepted types; stored per company under a name with the extension of that type. Downloads only
 * within the uploader's company.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { MikroORM } from '@mikro-orm/core';
import { fileTypeFromBuffer } from 'file-type';
import { Attachment } from '../../db/entities/index.js';
import { NotFoundError, WuyeError } from '../../errors.js';
import { principalOf } from '../auth-hook.js';
import { readUploadedFile } from '../upload.js';
import { errorResponses } from '../schemas.js';
import type { ConfigService } from '../../config/config-service.js';
import { UploadBudget, uploadLimitsFor } from '../upload-budget.js';
import { contentDisposition, storedFileName } from '../stored-file-name.js';
import type { AttachmentInfo } from '../api-types.js';

/** What staff attach to cases: scans and photos of documents, and PDFs. */
export const ACCEPTED_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'] as const;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export async function attachmentRoutes(app: FastifyInstance, opts: { orm: MikroORM; configs: ConfigService; now: () => Date }): Promise<void> {
  app.post('/api/attachments', {
    schema: {
      tags: ['attachments'], summary: `Upload one file (field "file"; ${ACCEPTED_TYPES.join(', ')}; at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB)`,
      consumes: ['multipart/form-data'],
      response: { ...errorResponses },
    },
  }, async (request, reply): Promise<AttachmentInfo> => {
    const principal = principalOf(request);
    const now = opts.now();
    const em = opts.orm.em.fork();
    const budget = new UploadBudget(em, principal, await uploadLimitsFor(opts.configs, principal.companyId, now), now);
    await budget.checkBefore();
    const { content, filename } = await readUploadedFile(request, MAX_ATTACHMENT_BYTES);
    const sniffed = await fileTypeFromBuffer(content);
    if (!sniffed || !(ACCEPTED_TYPES as readonly string[]).includes(sniffed.mime)) {
      throw new WuyeError('WUYE_UNSUPPORTED_MEDIA', 415, `this kind of file is not accepted (accepted: ${ACCEPTED_TYPES.join(', ')})`, [
        { pointer: '/file', code: 'type', message: `content is ${sniffed?.mime ?? 'not recognised'}` },
      ]);
    }
    await budget.checkQuota(content.length);
    const name = storedFileName(filename, sniffed.mime);
    const row = em.create(Attachment, {
      id: `att_${randomBytes(12).toString('base64url')}`, companyId: principal.companyId, name, type: sniffed.mime, size: content.length,
      content, uploadedBy: principal.staffId, createdAt: now,
    });
    await em.flush();
    reply.code(201 as never);
    return { id: row.id, name: row.name, size: row.size, type: row.type };
  });

  app.get('/api/attachments/:id', {
    schema: {
      tags: ['attachments'], summary: 'Download a file of your company',
      params: { type: 'object', properties: { id: { type: 'string', pattern: '^att_[A-Za-z0-9_-]{8,64}$' } }, required: ['id'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const { id } = request.params as { id: string };
    const row = await opts.orm.em.fork().findOne(Attachment, { id, companyId: principal.companyId }, { populate: ['content'] });
    if (!row) throw new NotFoundError('attachment');
    return reply
      .type(row.type)
      // files stored before names followed the sniffed type are named by it on the way out too
      .header('content-disposition', contentDisposition('inline', storedFileName(row.name, row.type)))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'")
      .send(row.content);
  });
}
