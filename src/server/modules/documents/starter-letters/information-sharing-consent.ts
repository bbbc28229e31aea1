import type { StarterLetter } from './letter.ts';

/**
 * Consent as the UK GDPR asks it: freely given, specific, informed, recorded, as easy to
 * withdraw as to give, and explicit for health and other special category information.
 */
export const informationSharingConsent: StarterLetter = {
  key: 'information-sharing-consent',
  folder: 'Consent forms',
  title: 'Information sharing consent form',
  description: 'Asks a person\'s consent to share their information with named organisations, under the UK GDPR and the Data Protection Act 2018, and records it and any withdrawal.',
  fileName: 'information-sharing-consent.docx',
  heading: 'Consent to share information',
  body: [
    { note: 'Use this form when you are asking for consent, for example to refer someone for support they have asked for. Where you need to share to protect someone from serious harm or to prevent crime, you may not need consent: follow the partnership\'s information sharing agreement and record why you shared. Fill in the [highlighted placeholders] before you go through the form with the person, and read it to them if that helps.' },
    { heading: 'Your details' },
    { sign: ['Name', 'Date of birth', 'Address', 'Telephone or email', 'How you would like us to contact you'] },
    { heading: 'Who is asking' },
    '[Officer name], [job title], [organisation name], on behalf of [community safety partnership name].',
    { heading: 'Why we are asking' },
    'We would like to share information about you so that [purpose, for example: the organisations below can work together to give you the support you have asked for].',
    { heading: 'What we would share' },
    '[For example: your name, date of birth, address and contact details; what has happened to you; the support you need.]',
    'Some information needs your particular agreement because it is more sensitive: [for example: your health, including your mental health].',
    { heading: 'Who we would share it with' },
    { list: ['[Organisation name]: [why they need it]', '[Organisation name]: [why they need it]'] },
    { heading: 'How we keep it safe and how long we keep it' },
    'Your information is kept on the partnership\'s secure case management system. Only staff who need it for the purpose above can see it, and every time someone looks at it is recorded. We keep it for [how long, for example: six years after we stop working with you] and then delete it.',
    { heading: 'Your rights' },
    {
      list: [
        'You do not have to agree. If you say no, [what this means, for example: we will still help you, but the other organisations will not know what you have told us].',
        'You can agree to some things and not others. Tell us about any organisation you do not want us to tell, or any information you do not want shared.',
        'You can change your mind at any time. Tell [contact name] on [telephone number] or at [email address] and we will stop sharing from then on. Information already shared stays with the organisations that received it.',
        'You can ask for a copy of the information we hold about you and ask us to correct anything that is wrong. In some cases you can ask us to delete it or to limit how we use it.',
        'If you are unhappy with how we use your information, contact our Data Protection Officer at [contact details]. You can also complain to the Information Commissioner\'s Office: ico.org.uk, telephone 0303 123 1113.',
      ],
    },
    { heading: 'When we may share without your consent' },
    'The law allows us to share information without your consent in some situations, for example to protect you or someone else from serious harm, to prevent or detect crime, or when a court orders it. If that happens we will tell you, unless telling you would put someone at risk or harm an investigation.',
    { heading: 'Your decision' },
    {
      choices: [
        'I agree to my information being shared as described above.',
        'I agree to my more sensitive information ([for example: my health]) being shared as described above.',
        'I do not agree to my information being shared.',
      ],
    },
    'Anything you do not want shared, or anyone you do not want told:',
    { sign: [''] },
    { sign: ['Signed', 'Name', 'Date'] },
    'If you are signing for someone else (as their parent or guardian, or with legal authority to act for them):',
    { sign: ['Your name', 'Your relationship to them', 'Why they cannot sign themselves'] },
    { heading: 'For the person taking consent' },
    { sign: ['Name and job title', 'Organisation', 'Date'] },
    { choices: ['Signed in person', 'Agreed by telephone: I read this form to the person and recorded their answers'] },
    { heading: 'If consent is withdrawn' },
    { sign: ['Date withdrawn', 'How the person told us', 'Recorded by', 'Organisations told'] },
    'This form is made under the UK General Data Protection Regulation and the Data Protection Act 2018. Keep it on the person\'s record; it may be needed to show that consent was given.',
  ],
};
