/**
 * Uploaded files (ID copies, photos, drawings, signatures on paper). Kept in the database so a
 * case and its files are backed up, isolated per company and removed together.
 */
import { EntitySchema } from '@mikro-orm/core';

export class Attachment {
  /** 'att_' + random, the value form fields of format "attachment" hold */
  id!: string;
  companyId!: number;
  name!: string;
  /** MIME type established from the file's content, not from what the client claimed */
  type!: string;
  size!: number;
  content!: Buffer;
  uploadedBy!: number;
  createdAt!: Date;
}
export const AttachmentSchema = new EntitySchema<Attachment>({
  class: Attachment,
  tableName: 'attachment',
  properties: {
    id: { type: 'string', length: 40, primary: true },
    companyId: { type: 'integer' },
    name: { type: 'string', length: 200 },
    type: { type: 'string', length: 100 },
    size: { type: 'integer' },
    content: { type: 'blob', lazy: true },
    uploadedBy: { type: 'integer' },
    createdAt: { type: 'datetime' },
  },
  indexes: [{ properties: ['companyId', 'createdAt'] }],
});
