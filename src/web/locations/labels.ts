import { locationLabels } from '../../shared/labels/locations.ts';
import { locationKindLabels, locationKinds, type LocationKind } from '../../shared/records.ts';
import type { ComparedField } from '../components/changes.ts';

export { locationLabels };

export const kindOptions = locationKinds.map((k) => ({ value: k, label: locationKindLabels[k] }));

interface Addressed {
  name?: string | null;
  addressLine1: string;
  town?: string | null;
  postcode: string;
}

/** How a place is named in lists, links and on the map: "The Crown, 12 High Street, NG1 5AB". */
export function placeName(l: Addressed): string {
  return [l.name, l.addressLine1, l.town, l.postcode].filter(Boolean).join(', ');
}

/** A location's form, as text in every field (coordinates included) until it is sent. */
export interface LocationFormValues {
  kind: LocationKind;
  name: string;
  addressLine1: string;
  addressLine2: string;
  town: string;
  postcode: string;
  latitude: string;
  longitude: string;
  /** Kept from an address picked from a postcode lookup; blank otherwise. */
  uprn: string;
}

export const emptyLocation: LocationFormValues = {
  kind: 'premises',
  name: '',
  addressLine1: '',
  addressLine2: '',
  town: '',
  postcode: '',
  latitude: '',
  longitude: '',
  uprn: '',
};

export const comparedLocationFields: ComparedField<LocationFormValues>[] = [
  { key: 'kind', label: locationLabels.kind, show: (k) => locationKindLabels[k as LocationKind] },
  { key: 'name', label: locationLabels.name },
  { key: 'addressLine1', label: locationLabels.addressLine1 },
  { key: 'addressLine2', label: locationLabels.addressLine2 },
  { key: 'town', label: locationLabels.town },
  { key: 'postcode', label: locationLabels.postcode },
  { key: 'latitude', label: locationLabels.latitude },
  { key: 'longitude', label: locationLabels.longitude },
  { key: 'uprn', label: locationLabels.uprn },
];
