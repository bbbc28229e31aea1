import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Button, Group, Modal, Select, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { BankQuestion } from '../../shared/api/assessments.ts';
import { questionNatureLabels, questionNatures, questionStatuses, questionStatusLabels } from '../../shared/assessments.ts';
import { can, useMe } from '../app/session.ts';
import { Page } from '../components/Page.tsx';
import { BankQuestionForm } from './BankQuestionForm.tsx';
import { BankQuestionList } from './BankQuestionList.tsx';

type Editing = { question?: BankQuestion } | null;

export function QuestionBankPage() {
  const me = useMe();
  const curator = can(me, 'question_bank.manage');
  const mayWrite = can(me, 'records.edit');
  const [search, setSearch] = useState('');
  const [topic, setTopic] = useState('');
  const [nature, setNature] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [q] = useDebouncedValue(search.trim(), 300);
  const [topicFilter] = useDebouncedValue(topic.trim(), 300);
  const [editing, setEditing] = useState<Editing>(null);
  const filters = { q: q || undefined, topic: topicFilter || undefined, nature: nature ?? undefined };
  const showSubmittedFirst = curator && (status === null || status === 'submitted');

  return (
    <Page
      title="Question bank"
      actions={
        mayWrite && (
          <Button onClick={() => setEditing({})}>{curator ? 'Add a question' : 'Submit a question'}</Button>
        )
      }
    >
      <Anchor component={Link} to="/assessments/templates">
        Assessment templates
      </Anchor>
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput label="Search" description="Words in the question" type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={240} />
        <TextInput label="Topic" description="For example: risk, family" value={topic} onChange={(e) => setTopic(e.currentTarget.value)} w={200} />
        <Select
          label="Objective or subjective"
          placeholder="Either"
          data={questionNatures.map((n) => ({ value: n, label: questionNatureLabels[n] }))}
          value={nature}
          onChange={setNature}
          clearable
          w={200}
        />
        <Select
          label="Status"
          placeholder="Any status"
          data={questionStatuses.map((s) => ({ value: s, label: questionStatusLabels[s] }))}
          value={status}
          onChange={setStatus}
          clearable
          w={220}
        />
      </Group>
      {showSubmittedFirst && (
        <section aria-labelledby="bank-submitted">
          <Title order={2} size="h3" mb="sm" id="bank-submitted">
            Submitted for approval
          </Title>
          <BankQuestionList filters={{ ...filters, status: 'submitted' }} curator={curator} onEdit={(question) => setEditing({ question })} empty="No questions are waiting for approval." />
        </section>
      )}
      {status !== 'submitted' || !curator ? (
        <section aria-labelledby="bank-questions">
          <Title order={2} size="h3" mb="sm" id="bank-questions">
            {curator && status === null ? 'In the bank and retired' : 'Questions'}
          </Title>
          <BankQuestionList
            filters={{ ...filters, status: status ?? undefined }}
            curator={curator}
            onEdit={(question) => setEditing({ question })}
            empty="No questions match these filters."
            hideSubmitted={curator && status === null}
          />
        </section>
      ) : null}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.question ? 'Edit a question' : curator ? 'Add a question to the bank' : 'Submit a question to the bank'}
        size="lg"
      >
        {editing && <BankQuestionForm question={editing.question} curator={curator} onDone={() => setEditing(null)} />}
      </Modal>
    </Page>
  );
}
