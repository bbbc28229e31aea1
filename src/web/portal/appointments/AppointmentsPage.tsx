import { useQuery } from '@tanstack/react-query';
import { portalAppointmentList, type PortalAppointment } from '../../../shared/api/portal.ts';
import { get, portalKeys } from '../api.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { AppointmentCard } from './AppointmentCard.tsx';

/** Those to come and those past, as the list comes (soonest first, then the latest past first). */
function split(items: PortalAppointment[], now: number) {
  return {
    upcoming: items.filter((a) => new Date(a.endsAt ?? a.startsAt).getTime() >= now),
    past: items.filter((a) => new Date(a.endsAt ?? a.startsAt).getTime() < now),
  };
}

export function AppointmentsPage() {
  const { data, error } = useQuery({
    queryKey: portalKeys.appointments,
    queryFn: () => get('/appointments', portalAppointmentList),
    select: (list) => split(list.items, Date.now()),
  });
  return (
    <>
      <PageHeading>Appointments</PageHeading>
      {error && <p className="govuk-error-message">{error.message}</p>}
      {!data && !error && <p className="govuk-body">Loading your appointments…</p>}
      {data && (
        <>
          <h2 className="govuk-heading-m">Coming up</h2>
          {data.upcoming.length === 0 && <p className="govuk-body">You have no appointments coming up.</p>}
          {data.upcoming.map((a) => <AppointmentCard key={a.id} appointment={a} canRearrange={a.status === 'booked'} />)}
          {data.past.length > 0 && (
            <>
              <h2 className="govuk-heading-m">Past appointments</h2>
              {data.past.map((a) => <AppointmentCard key={a.id} appointment={a} canRearrange={false} />)}
            </>
          )}
        </>
      )}
    </>
  );
}
