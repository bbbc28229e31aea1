/**
 * A change that has been committed, for live updates. The audience says who may hear of it;
 * the SSE streams send an event only to a signed-in user, or client, inside that audience.
 */
export interface DomainEvent {
  type: string;
  audience: Audience;
  data: Record<string, unknown>;
}

export interface Audience {
  userIds?: string[];
  teamIds?: string[];
  organisationIds?: string[];
  partnershipIds?: string[];
  /** System administrators hear of structural changes everywhere. */
  systemAdmins?: boolean;
  /** Clients in the portal, by their access id; nothing else in an audience reaches a client. */
  clientIds?: string[];
}

export interface EventBus {
  publish(events: DomainEvent[]): Promise<void>;
  subscribe(listener: (event: DomainEvent) => void): () => void;
  close(): Promise<void>;
}
