import { QueryStatus } from '../components/QueryStatus.tsx';
import { Section } from '../records/Section.tsx';
import { usePortalItems } from './api.ts';
import { ClientTasks } from './ClientTasks.tsx';
import { SharedDocuments } from './SharedDocuments.tsx';

/** What the client sees of the profile's documents and tasks in the portal. */
export function SharedItems({ profileId, canEdit }: { profileId: string; canEdit: boolean }) {
  const query = usePortalItems(profileId);
  return (
    <Section title="Shared with the client">
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading what is shared" />
      {query.data && (
        <>
          <SharedDocuments profileId={profileId} documents={query.data.documents} canEdit={canEdit} />
          <ClientTasks profileId={profileId} tasks={query.data.tasks} canEdit={canEdit} />
        </>
      )}
    </Section>
  );
}
