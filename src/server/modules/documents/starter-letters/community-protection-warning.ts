import type { StarterLetter } from './letter.ts';

/**
 * The written warning section 43(5) of the Anti-social Behaviour, Crime and Policing Act 2014
 * requires before a Community Protection Notice, worded on the test of section 43(1).
 */
export const communityProtectionWarning: StarterLetter = {
  key: 'community-protection-warning',
  folder: 'ASB toolkit',
  title: 'Community Protection Warning (CPW)',
  description: 'The written warning that must come before a Community Protection Notice (Anti-social Behaviour, Crime and Policing Act 2014, section 43).',
  fileName: 'community-protection-warning.docx',
  heading: 'Community Protection Warning',
  body: [
    { note: 'Only an authorised person (a police officer, a council officer designated by the council, or someone the council has designated, such as a social landlord) may issue a Community Protection Notice, and only to a person aged 16 or over or to a business or organisation. Before issuing, tell the other agencies you think should know, and keep the evidence of the behaviour and of how this warning was given. Replace every [highlighted placeholder].' },
    'Anti-social Behaviour, Crime and Policing Act 2014, section 43',
    { lines: ['Our reference: [case reference]', 'Date and time given: [date and time]'] },
    { heading: 'To' },
    { lines: ['[Full name, or the name of the business or organisation]', 'Date of birth: [date of birth]', 'Address: [address]'] },
    { heading: 'From' },
    { lines: ['[Officer name], [job title]', '[Organisation name], an authorised person under section 53 of the Act'] },
    { heading: 'The behaviour' },
    'I am satisfied that your conduct, namely [describe the conduct, with dates, times and places], is having a detrimental effect, of a persistent or continuing nature, on the quality of life of those in the locality, and that the conduct is unreasonable.',
    { heading: 'What you must do' },
    'To stop your conduct having this effect you must, by [date and time]:',
    {
      list: [
        'stop [what the person must stop doing];',
        '[what the person must do, for example: remove the rubbish from the front garden of [address]];',
        '[any reasonable steps the person must take to achieve a result].',
      ],
    },
    { heading: 'What happens if you do not' },
    'This is a warning that a Community Protection Notice will be issued to you unless your conduct stops having this effect by [date and time]. A notice can require you to stop doing things, to do things, or to take reasonable steps to achieve a result.',
    'Not complying with a Community Protection Notice without a reasonable excuse is a criminal offence under section 48 of the Act. On conviction a person can be fined up to £2,500 (level 4 on the standard scale), and a business or organisation can be fined without limit. Instead of being prosecuted you may be offered a fixed penalty notice of up to £100. A court can also order that anything used in the offence is forfeited, and the council can carry out the work itself and recover the cost from you.',
    { heading: 'Questions about this warning' },
    'This warning is not a conviction and does not go on a criminal record. There is no appeal to a court against a warning, but if you think it is wrong, or you need help to do what it asks, contact [officer name] on [telephone number] or at [email address]. If a Community Protection Notice is issued to you later, you can appeal against the notice to a magistrates\' court within 21 days.',
    'If you would like this warning in another language, in large print or in another format, please contact us.',
    { heading: 'Given by' },
    { sign: ['Signed', 'Name and job title', 'Date and time'] },
    { choices: ['Given by hand', 'Sent by post to the address above', 'Left at the address above'] },
    { heading: 'Received by' },
    { sign: ['Signed', 'Name', 'Date'] },
    { choices: ['The person declined to sign'] },
  ],
};
