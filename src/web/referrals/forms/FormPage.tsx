import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Anchor, Button, Stack, Text } from '@mantine/core';
import type { ReferralForm } from '../../../shared/api/referrals.ts';
import { lawfulBasisLabels } from '../../../shared/referrals.ts';
import { profileRoleLabels } from '../../../shared/records.ts';
import { useTeams } from '../../api/options.ts';
import { useMe } from '../../app/session.ts';
import { Details } from '../../components/Details.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { Section } from '../../records/Section.tsx';
import { useReferralForm } from '../api.ts';
import { FormBuilder } from './FormBuilder.tsx';
import { FormStatusBadge } from './FormStatusBadge.tsx';
import { draftOfForm, newFormDraft } from './formDraft.ts';
import { FormVersions } from './FormVersions.tsx';
import { FormView } from './FormView.tsx';
import { PublicLink } from './PublicLink.tsx';

const back = (
  <Anchor component={Link} to="/admin/referral-forms" size="sm">
    All referral forms
  </Anchor>
);

function NewForm() {
  const me = useMe();
  const navigate = useNavigate();
  const teams = useTeams();
  // The teams whose administrators this person is: those whose forms they may build.
  const teamOptions = (teams.data?.items ?? [])
    .filter((t) => t.partnership.id === me.partnership.id && t.permissions.canManageUsers)
    .map((t) => ({ value: t.id, label: `${t.name}, ${t.organisation.name}` }));
  const [start] = useState(() => newFormDraft(me.team.id));
  return (
    <Page title="New referral form">
      {back}
      <FormBuilder start={start} teamOptions={teamOptions} onSaved={(saved) => void navigate(`/admin/referral-forms/${saved.id}`, { replace: true })} onCancel={() => void navigate('/admin/referral-forms')} />
    </Page>
  );
}

function Settings({ form }: { form: ReferralForm }) {
  return (
    <Details
      items={[
        { label: 'Receiving team', value: form.team.name },
        { label: 'Status', value: <FormStatusBadge status={form.status} /> },
        { label: 'Public link', value: <PublicLink form={form} /> },
        { label: 'Questions', value: form.template ? `From ${form.template.name} (version ${form.template.version})` : 'Written for this form' },
        { label: 'Version', value: `${form.formVersion}, changed ${formatDateTime(form.updatedAt)}` },
        { label: 'Working days to decide', value: String(form.decisionDays) },
        { label: 'The person’s role in a case', value: form.subjectRole ? profileRoleLabels[form.subjectRole] : 'Other' },
        { label: 'Sensitive', value: form.sensitive ? 'Yes: the page offers “Exit this page”' : 'No' },
        { label: 'Lawful basis', value: lawfulBasisLabels[form.lawfulBasis] },
        ...(form.introduction ? [{ label: 'Introduction', value: <span style={{ whiteSpace: 'pre-wrap' }}>{form.introduction}</span> }] : []),
        { label: 'Privacy notice', value: <span style={{ whiteSpace: 'pre-wrap' }}>{form.privacyNotice}</span> },
      ]}
    />
  );
}

function ExistingForm({ id }: { id: string }) {
  const query = useReferralForm(id);
  const [editing, setEditing] = useState(false);
  const form = query.data;
  if (!form) {
    return (
      <Page title="Referral form">
        {back}
        <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the form" />
      </Page>
    );
  }
  if (editing) {
    return (
      <Page title={`Change ${form.name}`}>
        <Text>New questions make version {form.formVersion + 1}; referrals already sent keep the questions they were sent with.</Text>
        <FormBuilder form={form} start={draftOfForm(form)} teamOptions={null} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
      </Page>
    );
  }
  return (
    <Page title={form.name} actions={form.permissions.canManage && <Button onClick={() => setEditing(true)}>Change the form</Button>}>
      {back}
      <Settings form={form} />
      <Stack gap="lg">
        <Section title="Questions">
          <FormView definition={form.definition} />
        </Section>
        <FormVersions formId={form.id} />
      </Stack>
    </Page>
  );
}

export function FormPage() {
  const { id } = useParams();
  return id ? <ExistingForm key={id} id={id} /> : <NewForm />;
}
