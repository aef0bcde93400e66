/**
 * Reading the one file of a multipart upload (field "file"): a malformed body or a missing file is a
 * 400 naming /file, a file over the limit a 413, an empty one a 400. Used by attachments and by the
 * roster import.
 */
import type { FastifyRequest } from 'fastify';
import { ValidationError, WuyeError } from '../errors.js';

export async function readUploadedFile(request: FastifyRequest, maxBytes: number): Promise<{ content: Buffer; filename: string }> {
  if (!request.isMultipart()) throw new WuyeError('WUYE_UNSUPPORTED_MEDIA', 415, 'send the file as multipart/form-data in a field named "file"');
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 0 } }).catch((err: Error) => {
    // a malformed multipart body (no boundary, a field instead of the file…) is the client's mistake
    throw new ValidationError([{ pointer: '/file', code: 'multipart', message: `send one file in the field "file" (${err.message})` }]);
  });
  if (!part || part.fieldname !== 'file') throw new ValidationError([{ pointer: '/file', code: 'required', message: 'a file in the field "file" is required' }]);
  const content = await part.toBuffer().catch((err: { code?: string }) => {
    if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw new WuyeError('WUYE_TOO_LARGE', 413, `the file is larger than ${maxBytes / 1024 / 1024} MiB`, [{ pointer: '/file', code: 'too-large', message: `at most ${maxBytes} bytes` }]);
    throw err;
  });
  if (content.length === 0) throw new ValidationError([{ pointer: '/file', code: 'empty', message: 'the file is empty' }]);
  return { content, filename: part.filename };
}
