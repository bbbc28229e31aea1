import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Button, Modal, Stack, Text } from '@mantine/core';
import { template as templateSchema, type Template } from '../../shared/api/assessments.ts';
import { call } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { can, useMe } from '../app/session.ts';
import { Details } from '../components/Details.tsx';
import { formatDateTime } from '../components/format.ts';
import { notifySaved } from '../components/notify.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { templateKeys } from './keys.ts';
import { TemplateBuilder } from './TemplateBuilder.tsx';
import { TemplateCopyForm } from './TemplateCopyForm.tsx';
import { TemplateVersions } from './TemplateVersions.tsx';
import { TemplateView } from './TemplateView.tsx';
import { templatePath, useTemplate } from './template-api.ts';

function NewTemplate() {
  const me = useMe();
  const navigate = useNavigate();
  if (!can(me, 'assessments.design')) {
    return (
      <Page title="New assessment template">
        <Text>Only team administrators can build assessment templates.</Text>
      </Page>
    );
  }
  return (
    <Page title="New assessment template">
      <Text>The template belongs to {me.team.name}; everyone in the partnership can use it.</Text>
      <TemplateBuilder onSaved={(saved) => void navigate(`/assessments/templates/${saved.id}`)} onCancel={() => void navigate('/assessments/templates')} />
    </Page>
  );
}

function useStatusChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (t: Template) => call('PATCH', templatePath(t.id), templateSchema, { body: { version: t.version, status: t.status === 'active' ? 'retired' : 'active' } }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: templateKeys.all });
      notifySaved(saved.status === 'retired' ? `${saved.name} is retired: no new assessments can be started with it.` : `${saved.name} is in use again.`);
    },
  });
}

function ExistingTemplate({ id }: { id: string }) {
  const me = useMe();
  const [params] = useSearchParams();
  const requested = Number(params.get('version')) || undefined;
  const current = useTemplate(id);
  const shown = useTemplate(id, requested);
  const [editing, setEditing] = useState(false);
  const [copying, setCopying] = useState(false);
  const t = shown.data;
  const latest = current.data;
  const canEdit = Boolean(latest?.permissions.canEdit);
  const isOld = Boolean(t && latest && t.version !== latest.version);
  const statusChange = useStatusChange();

  if (!t || !latest) {
    return (
      <Page title="Assessment template">
        <QueryStatus isPending={shown.isPending || current.isPending} error={shown.error ?? current.error} onRetry={() => void shown.refetch()} label="Loading the template" />
      </Page>
    );
  }
  if (editing) {
    return (
      <Page title={`Edit ${latest.name}`}>
        <Text>Saving makes version {latest.version + 1}. Assessments already made keep the version they were made with.</Text>
        <TemplateBuilder template={latest} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
      </Page>
    );
  }
  return (
    <Page
      title={t.name}
      actions={
        <>
          <Button component={Link} to={`/assessments/templates/${latest.id}/statistics`} variant="default">
            Statistics
          </Button>
          {can(me, 'assessments.design') && (
            <Button variant="default" onClick={() => setCopying(true)}>
              Copy
            </Button>
          )}
          {canEdit && !isOld && <Button onClick={() => setEditing(true)}>Edit template</Button>}
        </>
      }
    >
      <Anchor component={Link} to="/assessments/templates">
        All templates
      </Anchor>
      {isOld && (
        <Alert color="blue" title={`This is version ${t.version}`}>
          The template is now at version {latest.version}. Assessments made with version {t.version} are shown as they were asked.{' '}
          <Anchor component={Link} to={`/assessments/templates/${latest.id}`} c="blue.9" underline="always">
            View the current version
          </Anchor>
        </Alert>
      )}
      {statusChange.error ? <Alert color="red" title="The status was not changed" role="alert">{messageOf(statusChange.error)}</Alert> : null}
      {t.description && <Text>{t.description}</Text>}
      <Details
        items={[
          { label: 'Built by', value: t.team?.name ?? 'Built in (every partnership has it)' },
          { label: 'Version', value: `${t.version}, saved ${formatDateTime(t.versionCreatedAt)}` },
          {
            label: 'Status',
            value: (
              <Badge color={latest.status === 'active' ? 'green' : 'gray'} variant="light">
                {latest.status === 'active' ? 'In use' : 'Retired'}
              </Badge>
            ),
          },
        ]}
      />
      {canEdit && !isOld && (
        <div>
          <Button variant="default" color={latest.status === 'active' ? 'red' : undefined} loading={statusChange.isPending} onClick={() => statusChange.mutate(latest)}>
            {latest.status === 'active' ? 'Retire template' : 'Bring back into use'}
          </Button>
        </div>
      )}
      <Stack gap="xl">
        <TemplateView template={t} />
        <TemplateVersions templateId={latest.id} shown={t.version} />
      </Stack>
      <Modal opened={copying} onClose={() => setCopying(false)} title={`Copy ${latest.name}`}>
        {copying && <TemplateCopyForm source={latest} onDone={() => setCopying(false)} />}
      </Modal>
    </Page>
  );
}

export function TemplatePage() {
  const { id } = useParams();
  return id ? <ExistingTemplate key={id} id={id} /> : <NewTemplate />;
}
