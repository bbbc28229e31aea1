/**
 * A profile's fields in the words on its form: the form's labels and messages, the record's
 * history and the audit trail all read them from here.
 */
export const profileLabels = {
  firstName: 'First name',
  lastName: 'Last name',
  dateOfBirth: 'Date of birth',
  approximateAge: 'Approximate age',
  gender: 'Gender',
  ethnicity: 'Ethnicity',
  reasonCreated: 'Reason for creating this profile',
  roles: 'Roles',
  aliases: 'Other names',
  phone: 'Phone',
  email: 'Email',
  keyInformation: 'Key information',
  vulnerabilities: 'Vulnerabilities',
  warningMarkers: 'Warning markers',
  riskLevel: 'Risk level',
  addresses: 'Addresses',
  photo: 'Photo',
  mergedIntoId: 'Merged into',
};
