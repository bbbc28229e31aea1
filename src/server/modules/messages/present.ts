import type { Message, MessageAttachment } from '../../../shared/api/portal.ts';
import { open, type KeyRing } from '../../platform/crypto/envelope.ts';
import type { MessageRow } from './queries.ts';

/** A message as either side reads it: opened, signed by the practitioner's name or the client's first name. */
export function presentMessage(keyRing: KeyRing, row: MessageRow, attachments: MessageAttachment[]): Message {
  return {
    id: row.id,
    sender: row.sender,
    author: { name: (row.sender === 'staff' ? row.authorName : row.clientName) ?? '' },
    body: open(keyRing, row.sealedBody),
    sentAt: row.sentAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
    attachments,
  };
}
