import { Link } from 'react-router';
import { Anchor } from '@mantine/core';
import type { EntrySubject } from './historyActions.ts';
import { nameOf } from './historyValues.ts';
import { recordHref } from './kinds.ts';

/**
 * A person or place a change was about: a link by name when the reader may open it, otherwise
 * only what it is ("a person you cannot open"), since the server gave no name. A relationship
 * comes first ("Child of …"), a role in a case after ("… (Victim)").
 */
export function RecordSubject({ subject }: { subject: EntrySubject }) {
  const { kind, id, name, relationship, role } = subject;
  return (
    <>
      {relationship && `${relationship} `}
      {name === null ? (
        nameOf({ kind, name })
      ) : (
        <Anchor component={Link} to={recordHref(kind, id)} inherit>
          {name}
        </Anchor>
      )}
      {role && ` (${role})`}
    </>
  );
}
