import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { ProfileMatch } from '../../shared/api/profiles.ts';
import { referralDecisionBody, referralDecisionReply, type Referral } from '../../shared/api/referrals.ts';
import type { SearchResult } from '../../shared/api/search.ts';
import { profileRoleLabels, profileRoles, type ProfileRole } from '../../shared/records.ts';
import { referralDecisionLabels, referralDecisions, referralStateLabels, type ReferralDecision } from '../../shared/referrals.ts';
import { visibilities, visibilityLabels, type Visibility } from '../../shared/work.ts';
import { call } from '../api/client.ts';
import { RecordPicker } from '../cases/RecordPicker.tsx';
import { formatDate } from '../components/format.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { ownerText } from '../records/OwnerLine.tsx';
import { lookupOptions, useLookups } from '../records/lookups.ts';
import { decisionBody, decisionProblems, noDecision, type DecisionValues } from './decision.ts';
import { referralKeys } from './keys.ts';
import { decisionLabels } from './labels.ts';
import { isStale } from './useReferralChange.ts';
import { useMe } from '../app/session.ts';
import { useScheme } from '../schemes/api.ts';

const roleOptions = profileRoles.map((r) => ({ value: r, label: profileRoleLabels[r] }));

/** A likely match that may be linked: the reader can open them. */
function MatchChoice({ match }: { match: ProfileMatch }) {
  const name = `${match.profile.firstName} ${match.profile.lastName}`;
  const born = match.profile.dateOfBirth ? `born ${formatDate(match.profile.dateOfBirth)}` : 'date of birth not known';
  return <Radio value={match.profile.id} label={`${name}, ${born}`} description={[ownerText(match.owner), ...match.reasons].join(' · ')} />;
}

interface PersonProps {
  values: DecisionValues;
  set: (change: Partial<DecisionValues>) => void;
  matches: ProfileMatch[];
  error?: string | undefined;
  /** Into a case: the person's role there and who sees the first report. */
  intoCase: boolean;
}

function PersonFields({ values, set, matches, error, intoCase }: PersonProps) {
  const linkable = matches.filter((m) => m.accessible);
  return (
    <>
      <Radio.Group label={decisionLabels.profileId} description="Nothing is keyed twice: their name, date of birth and address come from the referral" value={values.person} onChange={(person) => set({ person })} error={error}>
        <Stack gap="xs" mt="xs">
          <Radio value="new" label="Create a new person from the referral" />
          {linkable.map((m) => <MatchChoice key={m.profile.id} match={m} />)}
        </Stack>
      </Radio.Group>
      {matches.length > linkable.length && (
        <Text size="sm" c="dimmed">
          Likely matches you cannot open are not offered: ask their team for access first.
        </Text>
      )}
      {intoCase && (
        <>
      <Select
        label={decisionLabels.role}
        placeholder="As the form sets it (otherwise other)"
        data={roleOptions}
        value={values.role}
        onChange={(v) => set({ role: v as ProfileRole | null })}
        clearable
        maw={360}
      />
      <Radio.Group label={decisionLabels.reportVisibility} description="The referral becomes the case’s first report" value={values.reportVisibility} onChange={(v) => set({ reportVisibility: v as Visibility })}>
        <Stack gap="xs" mt="xs">
          {visibilities.map((v) => <Radio key={v} value={v} label={visibilityLabels[v]} />)}
        </Stack>
      </Radio.Group>
        </>
      )}
    </>
  );
}

interface Props {
  referral: Referral;
  matches: ProfileMatch[];
  onDone: () => void;
}

/** The team's decision, with what each one needs and always a reason; accepting fills a case from the referral. */
export function DecideForm({ referral, matches, onDone }: Props) {
  const queryClient = useQueryClient();
  const errors = useFieldErrors(decisionLabels);
  const caseTypes = useLookups('case_type');
  const [values, setValues] = useState<DecisionValues>(noDecision);
  const [chosenCase, setChosenCase] = useState<SearchResult | null>(null);
  const set = (change: Partial<DecisionValues>) => setValues((v) => ({ ...v, ...change }));
  // Taking a referral in as an application is for the Keep Safe Card's own form, on the scheme team's desk.
  const me = useMe();
  const scheme = useScheme(referral.form !== null && me.schemeStaff);
  const isApplication = !!referral.form && scheme.data?.applicationForm?.id === referral.form.id;
  const offered = referralDecisions.filter((d) => d !== 'scheme-application' || isApplication);

  const decide = useMutation({
    mutationFn: (body: unknown) => call('POST', `/referrals/${referral.id}/decision`, referralDecisionReply, { body }),
    onSuccess: (reply) => {
      void queryClient.invalidateQueries({ queryKey: referralKeys.all });
      // A person made from the referral is now one of its likely matches.
      void queryClient.invalidateQueries({ queryKey: referralKeys.matches(referral.id) });
      notifySaved(
        reply.assessmentStatus === 'draft'
          ? `${referral.reference}: ${referralStateLabels[reply.status].toLowerCase()}. The assessment is left as a draft on the case: the referral did not answer all its required questions.`
          : `${referral.reference}: ${referralStateLabels[reply.status].toLowerCase()}.`,
      );
      onDone();
    },
    onError: (error) => {
      if (isStale(error)) void queryClient.invalidateQueries({ queryKey: referralKeys.one(referral.id) });
      errors.fromServer(error);
    },
  });

  const submit = () => {
    const body = errors.check(referralDecisionBody, decisionBody(values, referral.version), {}, decisionProblems(values));
    if (body) decide.mutate(body);
  };

  const { decision } = values;
  return (
    <Form onSubmit={submit}>
      <FormAlert error={decide.error} fieldErrors={errors.fieldErrors} />
      <Radio.Group label={decisionLabels.decision} required value={decision} onChange={(v) => set({ decision: v as ReferralDecision })} error={errors.fieldErrors.decision}>
        <Stack gap="xs" mt="xs">
          {offered.map((d) => <Radio key={d} value={d} label={referralDecisionLabels[d]} />)}
        </Stack>
      </Radio.Group>
      {decision === 'new-case' && (
        <Select
          label={decisionLabels.caseType}
          required
          data={lookupOptions(caseTypes.data?.items ?? [])}
          value={values.caseTypeId}
          onChange={(caseTypeId) => set({ caseTypeId })}
          error={errors.fieldErrors.caseType}
          searchable
          maw={360}
        />
      )}
      {decision === 'existing-case' && (
        <RecordPicker
          kind="case"
          label="Find the case"
          description="By its reference or title: cases you may add to"
          linked={[]}
          chosen={chosenCase}
          onChoose={(c) => {
            setChosenCase(c);
            set({ caseId: c?.id ?? null });
          }}
          error={errors.fieldErrors.caseId}
        />
      )}
      {(decision === 'new-case' || decision === 'existing-case' || decision === 'scheme-application') && (
        <PersonFields values={values} set={set} matches={matches} error={errors.fieldErrors.profileId} intoCase={decision !== 'scheme-application'} />
      )}
      {decision === 'signpost' && (
        <TextInput
          label={decisionLabels.signpostedTo}
          description="The service or agency they were sent to, e.g. Citizens Advice"
          required
          maxLength={500}
          value={values.signpostedTo}
          onChange={(e) => set({ signpostedTo: e.currentTarget.value })}
          error={errors.fieldErrors.signpostedTo}
        />
      )}
      {decision === 'more-information' && (
        <>
          <Textarea
            label={decisionLabels.question}
            description="What you need to know to decide. The clock pauses until they answer."
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={values.question}
            onChange={(e) => set({ question: e.currentTarget.value })}
            error={errors.fieldErrors.question}
          />
          {referral.referrer.email ? (
            <Text size="sm">We will email {referral.referrer.email} a link to answer it; the email does not say what the referral was about.</Text>
          ) : (
            <Alert color="yellow" title="The referrer gave no email address">
              Nothing can be sent to them: ask them {referral.referrer.phone ? `on ${referral.referrer.phone}` : 'another way'}, then record what they say here.
            </Alert>
          )}
        </>
      )}
      <Textarea
        label={decisionLabels.reason}
        description="Kept with the decision on the audit trail; the referrer is never told it"
        required
        autosize
        minRows={2}
        maxLength={2000}
        value={values.reason}
        onChange={(e) => set({ reason: e.currentTarget.value })}
        error={errors.fieldErrors.reason}
      />
      <FormButtons submitLabel="Record the decision" pending={decide.isPending} onCancel={onDone} />
    </Form>
  );
}
