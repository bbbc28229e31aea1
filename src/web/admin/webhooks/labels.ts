import type { Webhook } from '../../../shared/api/webhooks.ts';

/** The query keys of the webhook screens: every list and page under `webhooks` refreshes together. */
export const webhookKeys = {
  list: ['webhooks'] as const,
  one: (id: string) => ['webhooks', id] as const,
  deliveries: (id: string) => ['webhooks', id, 'deliveries'] as const,
};

/** A hook's state in words: on, turned off by someone, or turned off after failing (with why). */
export function hookState(hook: Webhook): string {
  if (hook.enabled) return 'On';
  return hook.disabledAutomatically ? 'Turned off automatically' : 'Turned off';
}
