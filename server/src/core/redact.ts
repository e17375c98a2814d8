// Redacted forms of secret values: enough to recognise a value, never enough to use it.

/** `AKIAIOSFODNN7EXAMPLE` → `AKIA…MPLE`. Short values keep only their first character. */
export function redact(value: string): string {
  if (value.length <= 8) return `${value.slice(0, 1)}…`;
  return `${value.slice(0, 4)}…${value.slice(-4)}`;
}
