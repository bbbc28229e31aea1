import { Checkbox, NumberInput, Radio, Select, Stack, Group, Textarea, TextInput, Title, Text } from '@mantine/core';
import { profileRoleLabels, profileRoles, type ProfileRole } from '../../../shared/records.ts';
import {
  lawfulBases, lawfulBasisLabels, referralFormPurposeLabels, referralFormPurposes, referralFormStatuses, referralFormStatusLabels, type LawfulBasis,
  type ReferralFormPurpose, type ReferralFormStatus,
} from '../../../shared/referrals.ts';
import type { Problems } from '../../assessments/TemplateDraft.ts';
import type { FormDraft } from './formDraft.ts';

interface Props {
  draft: FormDraft;
  set: (change: Partial<FormDraft>) => void;
  problems: Problems;
  /** The teams this person may build a form for; none once the form exists (it stays with its team). */
  teamOptions: { value: string; label: string }[] | null;
}

const lawfulBasisData = lawfulBases.map((b) => ({ value: b, label: lawfulBasisLabels[b] }));
const purposeData = referralFormPurposes.map((p) => ({ value: p, label: referralFormPurposeLabels[p] }));
const roleData = profileRoles.map((r) => ({ value: r, label: profileRoleLabels[r] }));
const statusWords: Record<ReferralFormStatus, string> = {
  draft: 'Not yet open to the public',
  published: 'Anyone with the link can send a referral',
  closed: 'The page says it no longer takes referrals',
};
const shown = (problems: Problems, field: string) => problems[field]?.join('; ');

/** The form's settings: who receives it, where it lives, what the public is told, and its clock. */
export function FormSettingsFields({ draft, set, problems, teamOptions }: Props) {
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        About the form
      </Title>
      <TextInput label="Name" description="The heading of the public page" required maxLength={200} value={draft.name} onChange={(e) => set({ name: e.currentTarget.value })} error={shown(problems, 'name')} maw={560} />
      {teamOptions && (
        <Select label="Receiving team" description="Referrals sent with the form go to this team’s desk" required data={teamOptions} value={draft.teamId} onChange={(teamId) => set({ teamId })} error={shown(problems, 'teamId')} allowDeselect={false} searchable maw={480} />
      )}
      <TextInput
        label="Web address"
        description={`Lower-case letters, digits and hyphens: the page is /refer/${draft.slug || 'made-from-the-name'}${teamOptions ? '. Left blank, it is made from the name.' : ''}`}
        maxLength={80}
        value={draft.slug}
        onChange={(e) => set({ slug: e.currentTarget.value })}
        error={shown(problems, 'slug')}
        maw={480}
      />
      <Textarea label="Introduction" description="Under the heading: who the form is for and what happens next" autosize minRows={2} maxLength={3000} value={draft.introduction} onChange={(e) => set({ introduction: e.currentTarget.value })} error={shown(problems, 'introduction')} maw={720} />
      <Textarea label="Privacy notice" required autosize minRows={3} maxLength={5000} value={draft.privacyNotice} onChange={(e) => set({ privacyNotice: e.currentTarget.value })} error={shown(problems, 'privacyNotice')} maw={720} />
      <Select label="Lawful basis" description="UK GDPR Article 6, as the privacy notice names it" data={lawfulBasisData} value={draft.lawfulBasis} onChange={(v) => v && set({ lawfulBasis: v as LawfulBasis })} error={shown(problems, 'lawfulBasis')} allowDeselect={false} maw={480} />
      <Checkbox
        label="Sensitive: offer “Exit this page” on every page of the form"
        description="For domestic abuse and other forms someone may need to leave quickly"
        checked={draft.sensitive}
        onChange={(e) => set({ sensitive: e.currentTarget.checked })}
      />
      <Group align="flex-start" gap="md">
        <NumberInput
          label="Working days to decide"
          description="From arrival to the decision due, bank holidays left out"
          min={0}
          max={60}
          allowDecimal={false}
          value={draft.decisionDays}
          onChange={(v) => set({ decisionDays: typeof v === 'number' ? v : Number.parseInt(v, 10) || 0 })}
          error={shown(problems, 'decisionDays')}
          w={260}
        />
        <Select
          label="The person’s role in a case"
          description="When a referral is accepted into a case"
          placeholder="Other"
          data={roleData}
          value={draft.subjectRole}
          onChange={(v) => set({ subjectRole: v as ProfileRole | null })}
          error={shown(problems, 'subjectRole')}
          clearable
          w={260}
        />
        <Select
          label="What the form is for"
          description="An application form is worded “Apply for a Keep Safe Card” and taken in on the desk as an application"
          data={purposeData}
          value={draft.purpose}
          onChange={(v) => v && set({ purpose: v as ReferralFormPurpose })}
          error={shown(problems, 'purpose')}
          allowDeselect={false}
          w={260}
        />
      </Group>
      <Radio.Group label="Status" value={draft.status} onChange={(v) => set({ status: v as ReferralFormStatus })} error={shown(problems, 'status')}>
        <Stack gap="xs" mt="xs">
          {referralFormStatuses.map((s) => (
            <Radio key={s} value={s} label={referralFormStatusLabels[s]} description={statusWords[s]} />
          ))}
        </Stack>
      </Radio.Group>
      {draft.sensitive && (
        <Text size="sm" c="dimmed">
          Subject lines of emails to the referrer never say what the referral is about.
        </Text>
      )}
    </Stack>
  );
}
