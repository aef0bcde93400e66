/** Where the staff app fetches (and opens) an attachment. */
export const attachmentHref = (id: string): string => `/api/attachments/${encodeURIComponent(id)}`;
