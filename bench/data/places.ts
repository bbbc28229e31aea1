/**
 * Areas for the generated partnerships: a postcode area, its rough centre and its towns. Demo
 * County takes the first; the others follow in order, repeating with a number when more are asked
 * for than listed.
 */
export interface Area {
  county: string;
  postcodeArea: string;
  latitude: number;
  longitude: number;
  towns: string[];
}

export const areas: Area[] = [
  { county: 'Demo County', postcodeArea: 'NG', latitude: 52.95, longitude: -1.15, towns: ['Nottingham', 'Mansfield', 'Newark', 'Worksop', 'Retford', 'Hucknall', 'Beeston'] },
  { county: 'Neighbouring County', postcodeArea: 'DE', latitude: 52.92, longitude: -1.48, towns: ['Derby', 'Belper', 'Ripley', 'Ilkeston', 'Swadlincote'] },
  { county: 'Leicestershire', postcodeArea: 'LE', latitude: 52.63, longitude: -1.13, towns: ['Leicester', 'Loughborough', 'Hinckley', 'Coalville', 'Melton Mowbray'] },
  { county: 'Lincolnshire', postcodeArea: 'LN', latitude: 53.23, longitude: -0.54, towns: ['Lincoln', 'Gainsborough', 'Market Rasen', 'Sleaford'] },
  { county: 'South Yorkshire', postcodeArea: 'S', latitude: 53.38, longitude: -1.47, towns: ['Sheffield', 'Rotherham', 'Barnsley', 'Chesterfield'] },
  { county: 'Doncaster', postcodeArea: 'DN', latitude: 53.52, longitude: -1.13, towns: ['Doncaster', 'Scunthorpe', 'Grimsby', 'Goole'] },
  { county: 'East Riding', postcodeArea: 'HU', latitude: 53.74, longitude: -0.33, towns: ['Hull', 'Beverley', 'Hessle', 'Cottingham'] },
  { county: 'York', postcodeArea: 'YO', latitude: 53.96, longitude: -1.08, towns: ['York', 'Selby', 'Malton', 'Scarborough'] },
  { county: 'West Yorkshire', postcodeArea: 'LS', latitude: 53.8, longitude: -1.55, towns: ['Leeds', 'Otley', 'Wetherby', 'Morley', 'Pudsey'] },
  { county: 'Bradford', postcodeArea: 'BD', latitude: 53.79, longitude: -1.75, towns: ['Bradford', 'Keighley', 'Shipley', 'Bingley'] },
  { county: 'Greater Manchester', postcodeArea: 'M', latitude: 53.48, longitude: -2.24, towns: ['Manchester', 'Salford', 'Stretford', 'Sale'] },
  { county: 'Bolton', postcodeArea: 'BL', latitude: 53.58, longitude: -2.43, towns: ['Bolton', 'Bury', 'Farnworth', 'Horwich'] },
  { county: 'Lancashire', postcodeArea: 'PR', latitude: 53.76, longitude: -2.7, towns: ['Preston', 'Chorley', 'Leyland', 'Southport'] },
  { county: 'Merseyside', postcodeArea: 'L', latitude: 53.41, longitude: -2.98, towns: ['Liverpool', 'Bootle', 'Kirkby', 'Huyton'] },
  { county: 'Staffordshire', postcodeArea: 'ST', latitude: 53.0, longitude: -2.18, towns: ['Stoke-on-Trent', 'Stafford', 'Newcastle-under-Lyme', 'Leek'] },
  { county: 'West Midlands', postcodeArea: 'B', latitude: 52.48, longitude: -1.9, towns: ['Birmingham', 'Solihull', 'Sutton Coldfield', 'Smethwick'] },
  { county: 'Coventry', postcodeArea: 'CV', latitude: 52.41, longitude: -1.51, towns: ['Coventry', 'Nuneaton', 'Rugby', 'Warwick', 'Leamington Spa'] },
  { county: 'Northamptonshire', postcodeArea: 'NN', latitude: 52.24, longitude: -0.9, towns: ['Northampton', 'Kettering', 'Corby', 'Wellingborough'] },
  { county: 'Cambridgeshire', postcodeArea: 'PE', latitude: 52.57, longitude: -0.24, towns: ['Peterborough', 'Huntingdon', 'Wisbech', 'March'] },
  { county: 'Norfolk', postcodeArea: 'NR', latitude: 52.63, longitude: 1.3, towns: ['Norwich', 'Great Yarmouth', 'Dereham', 'Wymondham'] },
  { county: 'Suffolk', postcodeArea: 'IP', latitude: 52.06, longitude: 1.16, towns: ['Ipswich', 'Felixstowe', 'Stowmarket', 'Bury St Edmunds'] },
  { county: 'Essex', postcodeArea: 'CM', latitude: 51.74, longitude: 0.47, towns: ['Chelmsford', 'Braintree', 'Harlow', 'Maldon'] },
];

export const streets = `
High Church Station Victoria Park Mill School Queens Kings Main Manor Green North South West
East Chapel Albert Alexandra New London York Grange Springfield Orchard Meadow Windsor Elm Oak
Ash Beech Cedar Willow Birch Chestnut Holly Laurel Hawthorn Rowan Sycamore Poplar Maple Spring
Bridge Castle Abbey Priory Market Forest Hill Brook Riverside Canal Cross Highfield Fairfield
Westfield Mount Stanley Nelson Wellington Gladstone Cromwell Jubilee Coronation Trinity
Hall Farm Moor Heath Common Lime Clarence Cambridge Oxford Derby Charles
`.trim().split(/\s+/);

export const streetSuffixes = ['Road', 'Street', 'Lane', 'Avenue', 'Close', 'Drive', 'Way', 'Crescent', 'Grove', 'Gardens', 'Court', 'Terrace'];

/** Premises and places that come up in ASB work, for locations other than homes. */
export const placeNames = `
The Red Lion|The Crown|The Royal Oak|The White Hart|The Plough|The Kings Arms|The Swan|Costcutter|
Spar|Tesco Express|One Stop|Premier Stores|Londis|Co-op|Bargain Booze|Chicken Cottage|
Golden Fry|Lucky Star Takeaway|Pizza Palace|Ladbrokes|William Hill|Coral|Vape Corner|
Riverside Park|Victoria Park|Memorial Gardens|Recreation Ground|Skate Park|Bus Station|
Railway Station|Shopping Precinct|Market Square|Library|Leisure Centre|Community Centre|
Multi-storey Car Park|Canal Towpath|Underpass|Playing Fields|Allotments|Youth Club|
Retail Park|Petrol Station|Launderette|Barber Shop|Nail Bar|Car Wash|Tattoo Studio|Social Club
`.trim().split('|').map((s) => s.trim()).filter(Boolean);

/** What case titles say: the behaviour, then where. */
export const caseSubjects = [
  'Noise nuisance', 'Youth ASB', 'Neighbour dispute', 'Harassment of neighbour', 'Drug dealing',
  'Cuckooing concern', 'Street drinking', 'Begging', 'Criminal damage', 'Graffiti',
  'Fly-tipping', 'Nuisance vehicles', 'Off-road bikes', 'Fireworks', 'Intimidation',
  'Hate incident', 'Domestic abuse', 'Rough sleeping', 'Dog fouling and dangerous dog', 'Party house',
  'Shoplifting', 'Vulnerable adult', 'Exploitation concern', 'Repeat calls', 'Licensing breach',
];

export const reasonsCreated = [
  'Reported by neighbour as causing noise nuisance',
  'Victim of repeated harassment reported to police',
  'Named in ASB referral from housing',
  'Identified at multi-agency meeting',
  'Witness to incident on estate',
  'Referred by school safeguarding lead',
  'Concern raised by GP surgery',
  'Arrested for criminal damage',
  'Tenancy enforcement referral',
  'Found rough sleeping during outreach',
  'Referred by IDVA service',
  'Linked to cuckooing investigation',
];

export const keyInformation = [
  'Prefers contact by phone in the afternoon',
  'Do not visit alone',
  'Speaks Polish; interpreter needed',
  'Has a dog at the address',
  'Hearing impaired: use text messages',
  'Works nights',
  'Lives with elderly mother who is the tenant',
  'Known to mental health services',
];
