/**
 * The upload budget of a company (its configuration's `uploads` section, schemas/config.schema.json):
 * a storage quota for all its attachments together and a rate per staff member, so no role can
 * fill the shared database. Checked before the file is read (the rate, and a company already at its
 * quota) and again with the file's size; a refusal stores nothing and names the limit.
 */
import type { EntityManager } from '@mikro-orm/core';
import { Attachment } from '../db/entities/index.js';
import type { ConfigService } from '../config/config-service.js';
import type { Principal } from '../auth/sessions.js';
import { WuyeError } from '../errors.js';

export const DEFAULT_UPLOAD_LIMITS = { storageQuotaMiB: 2048, perUserPerHour: 60 } as const;
const MIB = 1024 * 1024;
const HOUR_MS = 3600_000;

export interface UploadLimits { storageQuotaMiB: number; perUserPerHour: number }

/** The limits in force for the company now: its configuration's `uploads`, else the defaults. */
export async function uploadLimitsFor(configs: ConfigService, companyId: number, now: Date): Promise<UploadLimits> {
  const version = await configs.current(companyId, now);
  const document = await configs.documentOf(companyId, version.id);
  return { ...DEFAULT_UPLOAD_LIMITS, ...document.uploads };
}

export class UploadBudget {
  constructor(private readonly em: EntityManager, private readonly principal: Principal, private readonly limits: UploadLimits, private readonly now: Date) {}

  /** Before reading the body: the uploader's rate, and whether the company has room at all. */
  async checkBefore(): Promise<void> {
    const since = new Date(this.now.getTime() - HOUR_MS);
    const recent = await this.em.count(Attachment, { companyId: this.principal.companyId, uploadedBy: this.principal.staffId, createdAt: { $gt: since } });
    if (recent >= this.limits.perUserPerHour) {
      throw new WuyeError('WUYE_UPLOAD_RATE', 429, `upload limit reached: at most ${this.limits.perUserPerHour} files an hour per user (uploads.perUserPerHour); nothing was stored`, [
        { pointer: '/file', code: 'upload-rate', message: `每人每小时最多上传 ${this.limits.perUserPerHour} 个文件 / at most ${this.limits.perUserPerHour} uploads an hour` },
      ]);
    }
    await this.checkQuota(0);
  }

  /** With the file read: would it take the company over its quota? */
  async checkQuota(incomingBytes: number): Promise<void> {
    const quota = this.limits.storageQuotaMiB * MIB;
    const rows = await this.em.getConnection().execute<{ used: number | string | null }[]>(
      'select sum(size) as used from attachment where company_id = ?', [this.principal.companyId],
    );
    const used = Number(rows[0]?.used ?? 0);
    if (used + incomingBytes > quota || (incomingBytes === 0 && used >= quota)) {
      throw new WuyeError('WUYE_STORAGE_QUOTA', 413, `the company's attachment storage is full: quota ${this.limits.storageQuotaMiB} MiB (uploads.storageQuotaMiB), ${(used / MIB).toFixed(1)} MiB used; nothing was stored`, [
        { pointer: '/file', code: 'storage-quota', message: `公司附件存储空间已满（上限 ${this.limits.storageQuotaMiB} MiB）/ storage quota of ${this.limits.storageQuotaMiB} MiB reached` },
      ]);
    }
  }
}
