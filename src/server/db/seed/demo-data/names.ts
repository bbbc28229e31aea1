/**
 * Names as a Midlands town's records hold them: mostly British, with the Irish, Welsh, Polish and
 * Romanian, South Asian, African and Caribbean and other names of its neighbours, accents kept as
 * written (so search's unaccented and sound-alike matching has work to do), each family of names
 * with the ethnicities (the partnership's lookup keys) their bearers most often give.
 */
export interface NameOrigin {
  weight: number;
  female: string[];
  male: string[];
  last: string[];
  ethnicities: [string, number][];
}

export const nameOrigins: NameOrigin[] = [
  {
    weight: 60,
    female: ['Sarah', 'Emma', 'Claire', 'Karen', 'Lisa', 'Amy', 'Jade', 'Chloe', 'Megan', 'Hannah', 'Rebecca', 'Gemma', 'Leanne', 'Tracey',
      'Julie', 'Margaret', 'Patricia', 'Doreen', 'Shirley', 'Jean', 'Ellie', 'Sophie', 'Olivia', 'Amelia', 'Grace', 'Ruby'],
    male: ['David', 'Paul', 'Mark', 'Lee', 'Darren', 'Craig', 'Jamie', 'Ryan', 'Liam', 'Connor', 'Callum', 'Kyle', 'Jordan', 'Nathan',
      'Gary', 'Steven', 'Kevin', 'Brian', 'Keith', 'Derek', 'Harry', 'Jack', 'Oliver', 'George', 'Alfie', 'Thomas', 'Shaun', 'Graham'],
    last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Thomson',
      'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Hughes', 'Edwards', 'Turner', 'Hill',
      'Moore', 'Cooper', 'Ward', 'Harrison', 'Martin', 'Nicholls', 'Nichols', 'Bradley', 'Marsh', 'Potter', 'Slater', 'Booth',
      'Hardy', 'Fletcher', 'Stone', 'Riley', 'Whitehead', 'Bancroft', 'Allsop', 'Bagshaw', 'Hollingworth', 'Shacklock'],
    ethnicities: [['english-welsh-scottish-northern-irish-or-british', 88], ['white-and-black-caribbean', 4], ['gypsy-or-irish-traveller', 3], ['any-other-white-background', 3], ['not-known', 2]],
  },
  {
    weight: 6,
    female: ['Siobhán', 'Aoife', 'Niamh', 'Gráinne'],
    male: ['Seán', 'Eoin', 'Ciarán', 'Pádraig'],
    last: ['O\'Brien', 'O\'Connor', 'Murphy', 'Ní Bhriain', 'Ó Súilleabháin', 'McCarthy', 'Doyle'],
    ethnicities: [['irish', 70], ['english-welsh-scottish-northern-irish-or-british', 20], ['gypsy-or-irish-traveller', 10]],
  },
  {
    weight: 4,
    female: ['Rhiannon', 'Ffion', 'Cerys'],
    male: ['Dafydd', 'Rhys', 'Gethin'],
    last: ['Llewellyn', 'Pritchard', 'ap Rhys', 'Prosser'],
    ethnicities: [['english-welsh-scottish-northern-irish-or-british', 100]],
  },
  {
    weight: 8,
    female: ['Agnieszka', 'Małgorzata', 'Zofia', 'Ioana', 'Katarzyna'],
    male: ['Łukasz', 'Piotr', 'Tomasz', 'Bogdan', 'Andrei'],
    last: ['Kowalczyk', 'Wiśniewski', 'Wiśniewska', 'Nowak', 'Zieliński', 'Lewandowska', 'Popescu', 'Ionescu', 'Horváth'],
    ethnicities: [['any-other-white-background', 85], ['roma', 15]],
  },
  {
    weight: 9,
    female: ['Priyanka', 'Aisha', 'Fatima', 'Samina', 'Nusrat', 'Harpreet'],
    male: ['Mohammed', 'Imran', 'Tariq', 'Arjun', 'Gurpreet', 'Faisal'],
    last: ['Khan', 'Hussain', 'Ahmed', 'Begum', 'Akhtar', 'Patel', 'Sharma', 'Singh', 'Kaur', 'Chowdhury'],
    ethnicities: [['pakistani', 40], ['indian', 35], ['bangladeshi', 15], ['any-other-asian-background', 10]],
  },
  {
    weight: 7,
    female: ['Ngozi', 'Chiamaka', 'Abena', 'Shanice', 'Keisha'],
    male: ['Kwame', 'Oluwaseun', 'Emeka', 'Delroy', 'Marlon'],
    last: ['Okafor', 'Adeyemi', 'Mensah', 'Boateng', 'Okonkwo', 'Campbell', 'Grant', 'Brown-Francis'],
    ethnicities: [['african', 45], ['caribbean', 35], ['white-and-black-caribbean', 10], ['any-other-black-black-british-or-caribbean-background', 10]],
  },
  {
    weight: 6,
    female: ['Zoë', 'Chloé', 'Renée', 'Mónica', 'Inês', 'Mei'],
    male: ['Jérôme', 'José', 'André', 'Wei', 'Mateus'],
    last: ['Núñez', 'Fernández', 'Dubois', 'Lefèvre', 'Müller', 'Rossi', 'Costa', 'Chen', 'Nguyễn'],
    ethnicities: [['any-other-white-background', 50], ['chinese', 20], ['any-other-ethnic-group', 15], ['arab', 5], ['any-other-mixed-or-multiple-ethnic-background', 10]],
  },
];

/** For people who gave neither gender, or whose record gives a name that says neither. */
export const neutralFirstNames = ['Alex', 'Sam', 'Charlie', 'Jo', 'Robin', 'Jesse', 'Morgan', 'Riley', 'Taylor', 'Kai', 'Ashley', 'Frankie'];
