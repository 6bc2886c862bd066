/**
 * The three roles an API key can have. Each includes the ones before it: a `write` key reads, an
 * `admin` key writes. Kept as an ordered list so "at least" is one comparison, not a table.
 */
export const ROLES = ['read', 'write', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(text: string): text is Role {
  return (ROLES as readonly string[]).includes(text);
}

/** Whether `held` is `needed` or a role above it. */
export function roleAllows(held: Role | null, needed: Role): boolean {
  return held !== null && ROLES.indexOf(held) >= ROLES.indexOf(needed);
}
