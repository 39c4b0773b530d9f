// The text shown for a thrown value.

/** The message of a thrown error (or the thrown value as text). */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
