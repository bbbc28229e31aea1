import type { StarterLetter } from './letter.ts';

/** A voluntary written agreement: no court made it, so it binds no one, but it can be evidence later. */
export const acceptableBehaviourContract: StarterLetter = {
  key: 'acceptable-behaviour-contract',
  folder: 'ASB toolkit',
  title: 'Acceptable Behaviour Contract (ABC)',
  description: 'A voluntary written agreement, usually for six months: what the person agrees not to do, and the support the agencies agree to give.',
  fileName: 'acceptable-behaviour-contract.docx',
  heading: 'Acceptable Behaviour Contract',
  body: [
    { note: 'Agree the terms with the person at a meeting, with a parent or guardian if they are under 18. Each term should be clear, about the behaviour reported and possible to keep. Replace every [highlighted placeholder] and delete what does not apply.' },
    { lines: ['Our reference: [case reference]', 'Date of this contract: [date]'] },
    { heading: 'Who this contract is between' },
    { lines: ['[Full name], date of birth [date of birth]', 'of [address]'] },
    'and',
    { lines: ['[Organisation name], represented by [officer name, job title]', '[Organisation name], represented by [officer name, job title]'] },
    { heading: 'About this contract' },
    'This is a voluntary agreement. It is not a court order and you do not have to sign it. It sets out behaviour that has caused problems for other people, what you agree not to do, and the help we agree to give you. You can ask anyone you choose for advice before you sign, including a solicitor.',
    { heading: 'Why we are asking you to agree this contract' },
    '[Describe the behaviour that led to this contract, with dates and places, as it was reported. Do not name the people who reported it.]',
    { heading: 'What you agree not to do' },
    {
      list: [
        'I will not behave in a way that causes, or is likely to cause, harassment, alarm or distress to anyone living in, working in or visiting [area].',
        'I will not [go to [place]] [between [time] and [time]].',
        'I will not [write graffiti on, or damage, any property in [area]].',
        '[Add, change or remove terms to fit the behaviour reported.]',
      ],
    },
    { heading: 'What you agree to do' },
    {
      list: [
        'I will [go to appointments with [support service]].',
        'I will come to the review meetings set out below.',
      ],
    },
    { heading: 'What we agree to do' },
    {
      list: [
        'We will [refer you to [support service] for help with [need]].',
        'We will meet you to review this contract and tell you honestly how it is going.',
        'We will listen if you tell us that someone else is causing you problems.',
      ],
    },
    { heading: 'How long this contract lasts' },
    'This contract starts on [start date] and lasts for [six] months, until [end date]. We will review it with you on [review dates]. At the end we will tell you in writing whether it has been kept.',
    { heading: 'If the contract is not kept' },
    'If we think you have not kept to this contract we will talk to you about it first. Not keeping to it may lead to further action, such as a Community Protection Notice, an application to court for a civil injunction or, if you rent your home, action on your tenancy. This contract, and whether it was kept, may be given to a court as evidence.',
    { heading: 'Signatures' },
    'I have read this contract, or had it read to me, and I understand it. I agree to keep to it.',
    { sign: ['Signed', 'Name', 'Date'] },
    'Parent or guardian, if the person is under 18: I have read this contract and I will support [name] in keeping to it.',
    { sign: ['Signed', 'Name', 'Date'] },
    'For [organisation name]:',
    { sign: ['Signed', 'Name and job title', 'Date'] },
    'For [organisation name]:',
    { sign: ['Signed', 'Name and job title', 'Date'] },
    'You will be given a copy of this signed contract. Each organisation named above keeps a copy too.',
  ],
};
