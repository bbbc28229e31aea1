import { useOutletContext } from 'react-router';
import type { PortalChannel } from '../../../shared/portal.ts';

/** Where the code was asked to go, as typed: the code page sends it back with the code. */
export interface Identity {
  channel: PortalChannel;
  value: string;
}

export type IdentityState = [Identity | null, (identity: Identity) => void];

/** Shared by the two sign-in pages (kept in memory only, never in the browser's storage). */
export const useIdentity = () => useOutletContext<IdentityState>();

/** The body that names the client: `{ email }` or `{ mobile }`. */
export const named = ({ channel, value }: Identity) => (channel === 'email' ? { email: value } : { mobile: value });
