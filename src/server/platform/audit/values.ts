/**
 * Details that say only how an event came about, never what a record holds: they stay on the
 * event, so a refusal still says why to every reader of the trail, and they survive erasure.
 * Everything else an event carries (the reason given, the before and after of a change, and the
 * other details, such as the terms searched for) is its values, kept in `audit_values`. Keep
 * this list to codes and ids.
 */
export const structuralDetails: readonly string[] = ['why', 'code', 'method', 'route', 'permission', 'recordKind', 'recordId', 'record', 'found', 'lookupMethod', 'ruleId', 'counts', 'requestId'];

type Details = Record<string, unknown>;

/** Splits an event's details into what stays on the event and what is kept with its values. */
export function splitDetails(details: object | null | undefined): { structural: Details | null; personal: Details | null } {
  if (!details) return { structural: null, personal: null };
  const structural: Details = {};
  const personal: Details = {};
  for (const [key, value] of Object.entries(details)) {
    if (value === undefined) continue;
    (structuralDetails.includes(key) ? structural : personal)[key] = value;
  }
  const orNull = (part: Details) => (Object.keys(part).length > 0 ? part : null);
  return { structural: orNull(structural), personal: orNull(personal) };
}

/** An event's details as written: what stayed on the event, with its values' details unless erased. */
export const mergedDetails = (structural: unknown, personal: unknown) =>
  structural || personal ? { ...(structural as object | null), ...(personal as object | null) } : null;
