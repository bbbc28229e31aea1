import { useNavigate } from 'react-router';
import { Paper } from '@mantine/core';
import { Page } from '../components/Page.tsx';
import { notifySaved } from '../components/notify.ts';
import { CreateLocationForm } from './CreateLocationForm.tsx';
import { placeName } from './labels.ts';

export function NewLocationPage() {
  const navigate = useNavigate();
  return (
    <Page title="Add a location">
      <Paper withBorder p="lg" maw={880}>
        <CreateLocationForm
          onCreated={(created) => {
            notifySaved(`${placeName(created)} added.`);
            void navigate(`/locations/${created.id}`);
          }}
          onCancel={() => void navigate('/locations')}
        />
      </Paper>
    </Page>
  );
}
