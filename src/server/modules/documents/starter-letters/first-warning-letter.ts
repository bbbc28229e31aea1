import type { StarterLetter } from './letter.ts';

/** The first step of the incremental approach: a plain warning, before any agreement or notice. */
export const firstWarningLetter: StarterLetter = {
  key: 'first-warning-letter',
  folder: 'ASB toolkit',
  title: 'First warning letter',
  description: 'The first step for anti-social behaviour: says what was reported, what must stop, what help there is and what may follow.',
  fileName: 'first-warning-letter.docx',
  heading: 'Anti-social behaviour: first warning',
  body: [
    { note: 'Replace every [highlighted placeholder] and delete any paragraph that does not apply. Describe the behaviour as it was reported, with dates and places, without naming who reported it. Keep a copy on the case.' },
    { lines: ['[Organisation name]', '[Organisation address]', '[Telephone number] [Email address]'] },
    { lines: ['Our reference: [case reference]', 'Date: [date]'] },
    { lines: ['Private and confidential', '[Full name]', '[Address line 1]', '[Address line 2]', '[Town]', '[Postcode]'] },
    'Dear [name],',
    'We have received reports that on [date or dates] you, or someone living with or visiting you, [describe the behaviour, for example: played loud music late at night, shouted abuse at neighbours or damaged property] at or near [address or area].',
    'This kind of behaviour causes harassment, alarm or distress to the people who live and work nearby. It is anti-social behaviour and it must stop now.',
    'This letter is a first warning. It is not a criminal record, a court order or a finding that you have broken the law. We are writing to give you the chance to put things right before any further action is needed.',
    { heading: 'What we are asking you to do' },
    {
      list: [
        'Stop [the behaviour] straight away.',
        'Make sure that anyone living with or visiting you does not behave in this way.',
        'Contact [officer name] by [date] if you want to tell us your side of what happened, or if something is making it hard for you to change.',
      ],
    },
    { heading: 'What happens next' },
    'We will keep a record of this letter. If we receive more reports, we may take further steps. These can include asking you to agree an Acceptable Behaviour Contract, a Community Protection Warning and then a Community Protection Notice under the Anti-social Behaviour, Crime and Policing Act 2014, or an application to court for a civil injunction.',
    '[If the person rents their home: We will also tell your landlord, [landlord name]. Anti-social behaviour can break the terms of your tenancy and put your home at risk.]',
    { heading: 'Help and support' },
    'If you need help, for example with alcohol or drugs, money, your mental health or your housing, tell us and we will put you in touch with someone who can help. [Local support services and how to contact them.]',
    'If you would like this letter in another language, in large print or in another format, please contact us.',
    { heading: 'Your information' },
    'We hold information about this matter to prevent anti-social behaviour and we share it with partner organisations only where the law allows. Our privacy notice at [privacy notice address] explains how we use your information and your rights.',
    'Yours sincerely,',
    { lines: ['[Name]', '[Job title]', '[Organisation name]', 'On behalf of [community safety partnership name]'] },
  ],
};
