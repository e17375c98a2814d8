// Redacted forms of secret values: enough to recognise a value, never enough to use it.

/**
 * `AKIAIOSFODNN7EXAMPLE` → `AKIA…MPLE`. Values under 16 characters (passwords) keep only their first
 * two characters, and values of 8 or fewer only their first, so at most half of a short secret shows.
 */
export function redact(value: string): string {
  if (value.length <= 8) return `${value.slice(0, 1)}…`;
  if (value.length < 16) return `${value.slice(0, 2)}…`;
  return `${value.slice(0, 4)}…${value.slice(-4)}`;
}
