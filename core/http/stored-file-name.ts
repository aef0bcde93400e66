/**
 * The name a stored file is kept and downloaded under: the client's name, cleaned of path and
 * control characters, with the extension of the type sniffed from its content. A PNG with HTML
 * appended, uploaded as "x.html", is "x.png": saved to disk it opens as an image, never as a page.
 */
const EXTENSIONS: Record<string, { ext: string; also: string[] }> = {
  'image/png': { ext: 'png', also: [] },
  'image/jpeg': { ext: 'jpg', also: ['jpeg', 'jpe'] },
  'image/webp': { ext: 'webp', also: [] },
  'application/pdf': { ext: 'pdf', also: [] },
};

export function storedFileName(clientName: string, mime: string): string {
  const clean = (clientName || 'file').replace(/[\u0000-\u001f\u007f\\/]/g, '_').trim() || 'file';
  const known = EXTENSIONS[mime];
  if (!known) return clean.slice(0, 200);
  const dot = clean.lastIndexOf('.');
  const base = dot > 0 ? clean.slice(0, dot) : clean;
  const ext = dot > 0 ? clean.slice(dot + 1).toLowerCase() : '';
  const suffix = ext === known.ext || known.also.includes(ext) ? clean.slice(dot + 1) : known.ext;
  return `${base.slice(0, 200 - suffix.length - 1)}.${suffix}`;
}

/** Content-Disposition that every browser reads: an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
