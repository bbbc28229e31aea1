/** What SafeLives' suggested order of a MARAC agenda looks at, for one referral. */
export interface OrderFacts {
  id: string;
  createdAt: Date;
  hasChildren: boolean;
  /** Its record has actions from the panel's earlier meetings still to do. */
  outstandingActions: boolean;
  /** When the panel last heard its record, if ever. */
  lastHeardAt: string | null;
}

const yearAgo = (now: Date) => {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d;
};

/**
 * SafeLives' suggested order: cases with outstanding actions first, then cases with children,
 * then adults only, then cases 12 months or more on from their last hearing.
 */
function agendaRank(f: OrderFacts, now = new Date()): number {
  if (f.outstandingActions) return 0;
  if (f.lastHeardAt && new Date(f.lastHeardAt) <= yearAgo(now)) return 3;
  return f.hasChildren ? 1 : 2;
}

/** The suggested order, and within each group the order they were referred in. */
export function byAgendaOrder(now = new Date()) {
  return (a: OrderFacts, b: OrderFacts): number =>
    agendaRank(a, now) - agendaRank(b, now) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
}

/**
 * Where a referral goes on an agenda already in some order (perhaps rearranged by the chair):
 * before the first item the suggested order puts after it, else at the end. Positions count from 1.
 */
export function positionFor(added: OrderFacts, agenda: OrderFacts[], now = new Date()): number {
  const compare = byAgendaOrder(now);
  const before = agenda.findIndex((item) => compare(added, item) < 0);
  return (before === -1 ? agenda.length : before) + 1;
}
