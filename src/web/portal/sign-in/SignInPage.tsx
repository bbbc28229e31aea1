import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { email as emailSchema } from '../../../shared/api/common.ts';
import { ukMobile, type PortalChannel } from '../../../shared/portal.ts';
import { ApiError } from '../../api/errors.ts';
import { callNoReply } from '../api.ts';
import { ErrorSummary, problemFor, type Problem } from '../components/ErrorSummary.tsx';
import { Radios, TextField } from '../components/fields.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { signedOutNotices, type SignedOutReason } from '../session.ts';
import { named, useIdentity } from './flow.ts';

function problemsOf(channel: PortalChannel | null, email: string, mobile: string): Problem[] {
  if (channel === null) return [{ field: 'channel', text: 'Select how you want to get your code' }];
  if (channel === 'email') {
    if (!email.trim()) return [{ field: 'email', text: 'Enter your email address' }];
    if (!emailSchema.safeParse(email).success) return [{ field: 'email', text: 'Enter an email address in the correct format, like name@example.com' }];
    return [];
  }
  if (!mobile.trim()) return [{ field: 'mobile', text: 'Enter your mobile phone number' }];
  if (!ukMobile(mobile)) return [{ field: 'mobile', text: 'Enter a UK mobile phone number, like 07700 900982' }];
  return [];
}

/** The first sign-in page: where to send a one-time code. The reply is the same whoever asks. */
export function SignInPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const signedOut = (location.state as { signedOut?: SignedOutReason } | null)?.signedOut;
  const [identity, setIdentity] = useIdentity();
  const [channel, setChannel] = useState<PortalChannel | null>(identity?.channel ?? null);
  const [email, setEmail] = useState(identity?.channel === 'email' ? identity.value : '');
  const [mobile, setMobile] = useState(identity?.channel === 'sms' ? identity.value : '');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = problemsOf(channel, email, mobile);
    setProblems(found);
    if (found.length > 0 || channel === null) return;
    const asked = { channel, value: channel === 'email' ? email.trim() : mobile.trim() };
    setSending(true);
    try {
      await callNoReply('POST', '/sign-in', named(asked));
      setIdentity(asked);
      void navigate('/portal/sign-in/code', { replace: true });
    } catch (error) {
      setProblems([{ field: channel === 'email' ? 'email' : 'mobile', text: error instanceof ApiError ? error.message : 'Something went wrong. Please try again.' }]);
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      {signedOut && problems.length === 0 && (
        // An alert, so that it is read out although focus goes to the heading below it.
        <div className="govuk-notification-banner" role="alert" aria-labelledby="signed-out-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="signed-out-title">Important</h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{signedOutNotices[signedOut]}</p>
          </div>
        </div>
      )}
      <ErrorSummary problems={problems} />
      <PageHeading hasError={problems.length > 0}>Sign in</PageHeading>
      <div className="govuk-inset-text">
        <p className="govuk-body">If you need to leave this page quickly, select ‘Exit this page’ or press the Shift key 3 times.</p>
        <p className="govuk-body">Exiting this page does not clear your browsing history. Find out how to do that in your browser’s help, or use a private window.</p>
      </div>
      <p className="govuk-body">We will send you a code to sign in. You do not need a password.</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Radios
          id="channel"
          legend="How do you want to get your code?"
          error={problemFor(problems, 'channel')}
          value={channel}
          onChange={setChannel}
          options={[
            {
              value: 'email',
              label: 'By email',
              reveals: (
                <TextField
                  id="email"
                  label="Email address"
                  type="email"
                  autoComplete="email"
                  spellCheck={false}
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                  error={problemFor(problems, 'email')}
                />
              ),
            },
            {
              value: 'sms',
              label: 'By text message',
              reveals: (
                <TextField
                  id="mobile"
                  label="Mobile phone number"
                  hint="A UK mobile number, like 07700 900982"
                  type="tel"
                  autoComplete="tel"
                  className="govuk-input--width-20"
                  value={mobile}
                  onChange={(e) => setMobile(e.target.value)}
                  error={problemFor(problems, 'mobile')}
                />
              ),
            },
          ]}
        />
        <button type="submit" className="govuk-button" disabled={sending}>Continue</button>
      </form>
    </>
  );
}
