import { useQuery } from '@tanstack/react-query';
import { Link } from '../components/Link.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { meQuery } from '../session.ts';

/** Where everything starts: the client's name, who their keyworker is, and the way to each part. */
export function HomePage() {
  const { data: me } = useQuery(meQuery);
  if (!me) return null;
  const unread = me.unreadMessages;
  return (
    <>
      <PageHeading>{`Hello ${me.firstName}`}</PageHeading>
      <p className="govuk-body">Your keyworker is {me.keyworker.name}.</p>
      <ul className="govuk-list govuk-list--spaced govuk-!-font-size-24">
        <li>
          <Link to="/portal/messages">
            Messages
            {unread > 0 && <> <strong className="govuk-tag govuk-tag--blue">{unread} new</strong></>}
          </Link>
        </li>
        <li><Link to="/portal/plan">Safety plan</Link></li>
        <li><Link to="/portal/appointments">Appointments</Link></li>
        <li><Link to="/portal/documents">Documents</Link></li>
        <li><Link to="/portal/things-to-do">Things to do</Link></li>
      </ul>
    </>
  );
}
