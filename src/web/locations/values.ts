import type { Location } from '../../shared/api/locations.ts';
import type { FieldErrors } from '../components/forms.ts';
import { locationLabels, type LocationFormValues } from './labels.ts';

const blankToNull = (s: string) => (s.trim() === '' ? null : s.trim());
const toNumber = (s: string) => (s.trim() === '' ? null : Number(s.trim()));

export function locationValues(l: Location): LocationFormValues {
  return {
    kind: l.kind,
    name: l.name ?? '',
    addressLine1: l.addressLine1,
    addressLine2: l.addressLine2 ?? '',
    town: l.town ?? '',
    postcode: l.postcode,
    latitude: l.latitude === null ? '' : String(l.latitude),
    longitude: l.longitude === null ? '' : String(l.longitude),
    uprn: l.uprn ?? '',
  };
}

/** The form as the API takes it: blanks as null, coordinates as numbers. */
export function locationInput(v: LocationFormValues): Record<string, unknown> {
  return {
    kind: v.kind,
    name: blankToNull(v.name),
    addressLine1: v.addressLine1,
    addressLine2: blankToNull(v.addressLine2),
    town: blankToNull(v.town),
    postcode: v.postcode,
    latitude: toNumber(v.latitude),
    longitude: toNumber(v.longitude),
    uprn: blankToNull(v.uprn),
  };
}

const bounds = {
  latitude: { min: 49, max: 61 },
  longitude: { min: -9, max: 3 },
} as const;

/**
 * Coordinates are checked here, in words people understand, before the shared schema's own
 * messages ("expected number, received NaN") could reach the screen.
 */
export function coordinateErrors(v: LocationFormValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of ['latitude', 'longitude'] as const) {
    const value = toNumber(v[field]);
    if (value === null) continue;
    const { min, max } = bounds[field];
    if (Number.isNaN(value)) errors[field] = `${locationLabels[field]} must be a number, like ${field === 'latitude' ? '52.9548' : '-1.1581'}`;
    else if (value < min || value > max) errors[field] = `${locationLabels[field]} must be between ${min} and ${max}, in the UK`;
  }
  const [lat, lng] = [v.latitude.trim(), v.longitude.trim()];
  if ((lat === '') !== (lng === '')) errors[lat === '' ? 'latitude' : 'longitude'] = 'Give both latitude and longitude, or neither';
  return errors;
}

/** The point the form describes, when both coordinates are numbers. */
export function formPosition(v: LocationFormValues): { latitude: number; longitude: number } | null {
  const latitude = toNumber(v.latitude);
  const longitude = toNumber(v.longitude);
  if (latitude === null || longitude === null || Number.isNaN(latitude) || Number.isNaN(longitude)) return null;
  return { latitude, longitude };
}
