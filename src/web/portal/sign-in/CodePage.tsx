import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { portalMe } from '../../../shared/api/portal.ts';
import { portalCode, showMobile, ukMobile } from '../../../shared/portal.ts';
import { ApiError } from '../../api/errors.ts';
import { call, portalKeys } from '../api.ts';
import { ErrorSummary, problemFor, type Problem } from '../components/ErrorSummary.tsx';
import { TextField } from '../components/fields.tsx';
import { Link } from '../components/Link.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { remember } from '../session.ts';
import { named, useIdentity } from './flow.ts';

/** Why a code was refused, in words; a code that is wrong, used or expired reads the same. */
function refusal(error: unknown): string {
  if (!(error instanceof ApiError) || error.status === 0 || error.status === 429) {
    return error instanceof Error ? error.message : 'Something went wrong. Please try again.';
  }
  return 'The code is not right, or it has expired. Check the code, or get a new one.';
}

/** The second sign-in page: the 6-digit code that was sent. */
export function CodePage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [identity] = useIdentity();
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [checking, setChecking] = useState(false);
  if (!identity) return <Navigate to="/portal/sign-in" replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const typed = code.replace(/\s/g, '');
    if (!typed) return setProblems([{ field: 'code', text: 'Enter the code we sent you' }]);
    if (!new RegExp(`^\\d{${portalCode.digits}}$`).test(typed)) return setProblems([{ field: 'code', text: `The code must be ${portalCode.digits} numbers` }]);
    setChecking(true);
    try {
      const me = remember(await call('POST', '/sign-in/verify', portalMe, { ...named(identity), code: typed }));
      queryClient.setQueryData(portalKeys.me, me);
      void navigate('/portal', { replace: true });
    } catch (error) {
      setProblems([{ field: 'code', text: refusal(error) }]);
    } finally {
      setChecking(false);
    }
  };

  const where = identity.channel === 'email' ? identity.value : showMobile(ukMobile(identity.value) ?? identity.value);
  return (
    <>
      <ErrorSummary problems={problems} />
      <PageHeading hasError={problems.length > 0}>Enter your code</PageHeading>
      <p className="govuk-body">
        If <strong>{where}</strong> is the {identity.channel === 'email' ? 'email address' : 'mobile number'} we have for you, we have sent a code to it.
        The code works once, for {portalCode.lifetimeMinutes} minutes.
      </p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id="code"
          label="Code"
          hint={`The code is ${portalCode.digits} numbers`}
          autoComplete="one-time-code"
          inputMode="numeric"
          spellCheck={false}
          className="govuk-input--width-5"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={problemFor(problems, 'code')}
        />
        <button type="submit" className="govuk-button" disabled={checking}>Sign in</button>
      </form>
      <p className="govuk-body">
        <Link to="/portal/sign-in">Get a new code</Link>
      </p>
    </>
  );
}
