import type { LookupList } from '../../../shared/records.ts';

export interface DefaultLookup {
  key: string;
  name: string;
  groupName?: string;
  code?: string;
}

/**
 * What every partnership starts with, in the words of the seeds. Admins rename, add and retire
 * values; the keys stay, so imports and other systems can rely on them.
 */
export const defaultLookups: Record<LookupList, DefaultLookup[]> = {
  case_type: [
    { key: 'asb', name: 'ASB', code: 'ASB' },
    { key: 'iom', name: 'IOM', code: 'IOM' },
    { key: 'troubled-families', name: 'Troubled Families', code: 'TF' },
    { key: 'marac', name: 'MARAC', code: 'MARAC' },
    { key: 'community-marac', name: 'Community MARAC', code: 'CMARAC' },
    { key: 'channel', name: 'Channel', code: 'CHN' },
    { key: 'modern-slavery-operation', name: 'Modern Slavery operation', code: 'MSO' },
    { key: 'pathfinder', name: 'Pathfinder deferred charge', code: 'PF' },
    { key: 'neighbourhood-plan', name: 'Neighbourhood plan / project', code: 'NP' },
    { key: 'rough-sleepers', name: 'Rough sleepers', code: 'RS' },
    { key: 'licensing', name: 'Licensing', code: 'LIC' },
    { key: 'hate-crime', name: 'Hate crime', code: 'HC' },
    { key: 'vulnerable-person', name: 'Vulnerable person', code: 'VP' },
  ],
  vulnerability: [
    { key: 'intimidated', name: 'Intimidated' },
    { key: 'mental-health', name: 'Mental health' },
    { key: 'age', name: 'Age' },
    { key: 'repeat-victim', name: 'Repeat victim' },
    { key: 'physical-disability', name: 'Physical disability' },
    { key: 'illness', name: 'Illness' },
    { key: 'family', name: 'Family' },
    { key: 'isolated', name: 'Isolated' },
    { key: 'prescribed-medication', name: 'Prescribed medication' },
    { key: 'sleep-deprivation', name: 'Sleep deprivation' },
    { key: 'learning-disability', name: 'Learning disability' },
  ],
  warning_marker: [
    { key: 'violence', name: 'Violence' },
    { key: 'weapons', name: 'Weapons' },
    { key: 'firearms', name: 'Firearms' },
    { key: 'dishonesty', name: 'Dishonesty' },
    { key: 'drugs', name: 'Drugs' },
    { key: 'infection-risk', name: 'Infection risk' },
    { key: 'dangerous-dog', name: 'Dangerous dog at the address' },
    { key: 'self-harm', name: 'Self-harm or suicide risk' },
    { key: 'visit-in-pairs', name: 'Visit in pairs' },
  ],
  // ONS 2021 census categories for England and Wales; "not known" and "prefer not to say" last.
  ethnicity: [
    ...['Bangladeshi', 'Chinese', 'Indian', 'Pakistani', 'Any other Asian background'].map((name) => ({ name, groupName: 'Asian or Asian British' })),
    ...['African', 'Caribbean', 'Any other Black, Black British or Caribbean background'].map((name) => ({ name, groupName: 'Black, Black British, Caribbean or African' })),
    ...['White and Asian', 'White and Black African', 'White and Black Caribbean', 'Any other Mixed or multiple ethnic background'].map((name) => ({ name, groupName: 'Mixed or multiple ethnic groups' })),
    ...['English, Welsh, Scottish, Northern Irish or British', 'Irish', 'Gypsy or Irish Traveller', 'Roma', 'Any other White background'].map((name) => ({ name, groupName: 'White' })),
    ...['Arab', 'Any other ethnic group'].map((name) => ({ name, groupName: 'Other ethnic group' })),
    { name: 'Not known', groupName: 'Not stated' },
    { name: 'Prefer not to say', groupName: 'Not stated' },
  ].map((e) => ({ ...e, key: slug(e.name) })),
  intervention: [
    { key: 'warning-letter', name: 'Warning letter' },
    { key: 'acceptable-behaviour-contract', name: 'Acceptable Behaviour Contract' },
    { key: 'community-protection-warning', name: 'Community Protection Warning' },
    { key: 'community-protection-notice', name: 'Community Protection Notice' },
    { key: 'civil-injunction', name: 'Civil injunction' },
    { key: 'criminal-behaviour-order', name: 'Criminal Behaviour Order' },
    { key: 'closure-notice', name: 'Closure notice' },
    { key: 'closure-order', name: 'Closure order' },
    { key: 'pspo', name: 'Public Spaces Protection Order' },
    { key: 'noise-abatement-notice', name: 'Noise abatement notice' },
    { key: 'dispersal', name: 'Dispersal direction' },
    { key: 'community-remedy', name: 'Community remedy' },
  ],
  report_type: [
    { key: 'contact-log', name: 'Contact log' },
    { key: 'visit', name: 'Visit' },
    { key: 'intelligence', name: 'Intelligence' },
    { key: 'meeting-note', name: 'Meeting note' },
    { key: 'debrief', name: 'Debrief' },
    { key: 'significant-event', name: 'Significant event' },
    { key: 'victim-update', name: 'Victim update' },
    { key: 'case-review', name: 'Case review' },
    { key: 'asb-complaint', name: 'ASB complaint' },
    { key: 'hate-incident', name: 'Hate incident' },
    // The first report on a case a referral was accepted into: what the referrer said.
    { key: 'referral', name: 'Referral' },
  ],
};

export function slug(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/[\s_]+/g, '-').replace(/-+/g, '-');
}
