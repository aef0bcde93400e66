/**
 * A search term for LIKE. SQLite has no default escape character and PostgreSQL's is the
 * backslash, so rather than escaping differently per database the wildcard characters are
 * dropped: nobody searches for a room number or a name by '%' or '_'.
 */
export function likeTerm(input: string): string {
  return input.replace(/[%_\\]/g, '');
}
