/**
 * The searchable form of a phone number: its digits, reversed. One indexed column then serves both
 * searches the service desk makes — the whole number (equality) and its last digits, which is how
 * callers are most often identified ("尾号 0001": a prefix of the reversed digits, which a B-tree
 * index answers on SQLite and PostgreSQL alike). Formatting ("138-0000-0001", "+86 …") is ignored.
 *
 * Every writer of a person keeps it: the Person entity derives it in its beforeCreate /
 * beforeUpdate hooks (core/db/entities/registry.ts), so em.create / em.flush anywhere — roster
 * import, the registry seed, archive edits — stay correct. Raw SQL writers must call personPhoneKey().
 */
export function personPhoneKey(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  return digits ? [...digits].reverse().join('') : null;
}

/** Keeps person.phoneKey in step with person.phone (the entity's hooks call it). */
export function syncPhoneKey(person: { phone?: string | null; phoneKey?: string | null }): void {
  const key = personPhoneKey(person.phone);
  if (person.phoneKey !== key) person.phoneKey = key;
}
