import { londonDayBoundary } from '../components/format.ts';
import type { Query } from '../api/client.ts';

/** The audit trail's filters, as kept in the address so that a filtered view can be linked to. */
export interface AuditFilters {
  /** A person's name, a case reference or an address, as typed. */
  q: string;
  actorId: string;
  entityType: string;
  entityId: string;
  action: string;
  outcome: string;
  /** Calendar days (YYYY-MM-DD) in UK time. */
  from: string;
  to: string;
  /** 'shown' to include the reads the app makes by itself; left out otherwise. */
  polling: string;
}

export function filtersFrom(params: URLSearchParams): AuditFilters {
  const get = (name: string) => params.get(name) ?? '';
  return {
    q: get('q'),
    actorId: get('actorId'),
    entityType: get('entityType'),
    entityId: get('entityId'),
    action: get('action'),
    outcome: get('outcome'),
    from: get('from'),
    to: get('to'),
    polling: get('polling'),
  };
}

export function paramsFrom(filters: AuditFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
}

/** The API query for the filters: days become the instants they start and end in the UK. */
export function apiQuery(filters: AuditFilters): Query {
  return {
    q: filters.q || undefined,
    actorId: filters.actorId || undefined,
    entityType: filters.entityType || undefined,
    entityId: filters.entityId || undefined,
    action: filters.action || undefined,
    outcome: filters.outcome || undefined,
    from: filters.from ? londonDayBoundary(filters.from, 'start') : undefined,
    to: filters.to ? londonDayBoundary(filters.to, 'end') : undefined,
    hidePolling: filters.polling === 'shown' ? undefined : 'true',
  };
}
