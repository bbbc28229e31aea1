import { useRef } from 'react';

function randomKey(): string {
  // randomUUID needs a secure context; plain-http intranet deployments still need unique keys.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One Idempotency-Key per submission: a retry of the same details reuses it, so a double click or
 * a lost reply never creates two records; changed details are a new submission with a new key.
 */
export function useIdempotencyKey() {
  const last = useRef<{ body: string; key: string } | null>(null);
  return {
    keyFor(body: unknown): string {
      const text = JSON.stringify(body);
      if (last.current?.body === text) return last.current.key;
      const key = randomKey();
      last.current = { body: text, key };
      return key;
    },
    /** After a success, the next submission is a new record even with the same details. */
    reset(): void {
      last.current = null;
    },
  };
}
