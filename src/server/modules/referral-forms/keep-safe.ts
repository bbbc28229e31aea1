import { formDefinition, type FormDefinition } from '../../../shared/forms/definition.ts';

/**
 * The Keep Safe Card's application form, as a scheme team starts from: who is applying, how to
 * help the person, and whom to call. The answer keys below are what the desk's decision maps onto
 * the application (`referrals/decisions/scheme.ts`), so a team changing the wording keeps them.
 * The person's name, date of birth and address are the public pages' own "About the person".
 */

const yesNo = [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }];

export const keepSafeAnswerKeys = {
  applicant: 'applicant',
  underAge: 'under-16',
  parentName: 'parent-name',
  parentAgrees: 'parent-agrees',
  condition: 'condition',
  communication: 'communication',
  medication: 'medication',
  disabilityLine: 'disability-line',
  showCondition: 'show-condition',
  contacts: [
    { name: 'contact-1-name', relationship: 'contact-1-relationship', phone: 'contact-1-phone' },
    { name: 'contact-2-name', relationship: 'contact-2-relationship', phone: 'contact-2-phone' },
  ],
} as const;

const k = keepSafeAnswerKeys;
const underAge = { questionKey: k.underAge, values: ['yes'] };

export const keepSafeIntroduction = 'A Keep Safe Card tells the police, ambulance and fire services how to help you in an emergency, '
  + 'and whom to call. Apply for yourself, or for someone you care for or support.\n\n'
  + 'We will contact you to check the details and to take a photo for the card.';

export const keepSafeDefinition: FormDefinition = formDefinition.parse({
  sections: [
    {
      title: 'The application',
      questions: [
        {
          key: k.applicant, text: 'Who is applying?', kind: 'single_choice', required: true,
          options: [
            { value: 'self', label: 'The person the card is for' },
            { value: 'parent', label: 'Their parent or guardian' },
            { value: 'carer', label: 'Their carer' },
            { value: 'professional', label: 'A professional who supports them' },
          ],
        },
        { key: k.underAge, text: 'Is the person the card is for under 16?', kind: 'yes_no', required: true, options: yesNo },
        { key: k.parentName, text: 'Full name of their parent or guardian', kind: 'text', required: true, condition: underAge },
        {
          key: k.parentAgrees, text: 'Does their parent or guardian agree to the application?', kind: 'yes_no', required: true, condition: underAge, options: yesNo,
          guidance: 'We need a parent\'s or guardian\'s agreement before we issue a card to someone under 16.',
        },
      ],
    },
    {
      title: 'How to help them',
      questions: [
        { key: k.condition, text: 'What condition or disability should the emergency services know about?', kind: 'text', required: true },
        {
          key: k.communication, text: 'How is it best to communicate with them?', kind: 'text', required: true,
          guidance: 'For example, speak slowly, use simple words, write things down, or call their carer.',
        },
        { key: k.medication, text: 'Medication the emergency services should know about (optional)', kind: 'text' },
        { key: k.disabilityLine, text: 'Are they registered with the police disability contact line?', kind: 'yes_no', required: true, options: yesNo },
        {
          key: k.showCondition, text: 'Should their condition be printed on the card?', kind: 'yes_no', required: true, options: yesNo,
          guidance: 'The card always says how to communicate with them. Their condition is printed only if they want it to be.',
        },
      ],
    },
    {
      title: 'People to call',
      questions: [
        { key: k.contacts[0].name, text: 'Name of the first person to call', kind: 'text', required: true },
        { key: k.contacts[0].relationship, text: 'How do they know the person? (optional)', kind: 'text' },
        { key: k.contacts[0].phone, text: 'Their telephone number', kind: 'text', required: true },
        { key: k.contacts[1].name, text: 'Name of a second person to call (optional)', kind: 'text' },
        { key: k.contacts[1].relationship, text: 'How does the second person know them? (optional)', kind: 'text' },
        { key: k.contacts[1].phone, text: 'The second person\'s telephone number (optional)', kind: 'text' },
      ],
    },
  ],
});
