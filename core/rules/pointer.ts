/**
 * JSON pointers (RFC 6901) into rules. Operator names include '/' (division) and may include '~',
 * so tokens must be escaped or '/' would read as two path steps.
 */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function childPointer(parent: string, token: string | number): string {
  return `${parent}/${typeof token === 'number' ? token : escapePointerToken(token)}`;
}
