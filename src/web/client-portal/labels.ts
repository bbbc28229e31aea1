import { showMobile } from '../../shared/portal.ts';
import { listText } from '../victim-care/labels.ts';

/** The channels a code may go by, as the contact plan allows them: "email and text messages". */
export function safeChannelsText(safe: { email: boolean; sms: boolean }): string {
  const channels = [safe.email && 'email', safe.sms && 'text messages'].filter((c): c is string => Boolean(c));
  return channels.length ? listText(channels) : 'neither email nor text messages';
}

/** How the client is reached: "jo@example.com and 07911 123456". */
export function reachedByText(access: { email: string | null; mobile: string | null }): string {
  return listText([access.email, access.mobile && showMobile(access.mobile)].filter((c): c is string => Boolean(c)));
}
