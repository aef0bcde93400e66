/** A small glyph per field kind for the form builder's palette (decoration only: aria-hidden; no emoji: the print and kiosk machines have no emoji font). */
import type { FieldKind } from './field-kinds.js';

export const KIND_ICONS: Record<FieldKind, string> = {
  string: '✎', textarea: '¶', phone: '☎', email: '✉', integer: '#', number: '½', money: '¥', boolean: '☑',
  enum: '◉', multi: '☷', date: '▦', time: '◷', 'date-time': '◴', photo: '▣', files: '⊞', signature: '✍',
  unit: '⌂', person: '☺', staff: '♟', rows: '☰', other: '…',
};
