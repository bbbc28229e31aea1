import type { LocationKind, ProfileRole, RiskLevel } from '../../../../shared/records.ts';
import type { TeamKey } from './world.ts';

/** What the later steps need to know of what the earlier ones made. */

export interface Place {
  id: string;
  kind: LocationKind;
  name: string | null;
  addressLine1: string;
  postcode: string;
  team: TeamKey;
  createdAt: Date;
  /** How many reports of trouble a place draws, relative to the others: the hotspots' is large. */
  trouble: number;
}

export interface Person {
  id: string;
  team: TeamKey;
  createdAt: Date;
  createdBy: string;
  firstName: string;
  lastName: string;
  roles: ProfileRole[];
  /** The location they live at, when the partnership has one at their address. */
  homeId: string | null;
  /** Calls about themselves, relative to other victims: the repeat callers' is large. */
  calls: number;
  riskLevel: RiskLevel | null;
  /**
   * Nothing says why they are on the record: a reason of a few letters and no report about them,
   * as compliance monitoring looks for. Reports are written on their cases, never on them.
   */
  unexplained: boolean;
  /** Someone they are related to is a child: what a panel referral says as `hasChildren`. */
  childRelative: boolean;
}

export interface CaseFile {
  id: string;
  typeKey: string;
  team: TeamKey;
  openedAt: Date;
  closedAt: Date | null;
  leadId: string;
  people: { person: Person; role: ProfileRole }[];
  places: Place[];
}

/** Teams besides the owner that may write on a record, from its access list: who else reports and sets tasks on it. */
export type Partners = Map<string, TeamKey[]>;
