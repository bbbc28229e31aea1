/** A location's fields in the words on its form, for the form, its history and the audit trail. */
export const locationLabels = {
  kind: 'Type of place',
  name: 'Name',
  addressLine1: 'Address line 1',
  addressLine2: 'Address line 2',
  town: 'Town or city',
  postcode: 'Postcode',
  latitude: 'Latitude',
  longitude: 'Longitude',
  uprn: 'UPRN',
};
