// Sign-in, first-start setup, invitations and share links: the screens of the cookie-session and
// share-link API (dashboard/auth-operations.graphql says what wiring them to codegen takes).
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { errorCode, requestUntyped, setShareToken, shareAccessKey } from './api.ts';
import { WebsiteDashboard } from './website.tsx';

/** The operation texts of dashboard/auth-operations.graphql, sent untyped until codegen knows them. */
const OPERATIONS = {
  Viewer: 'query Viewer { viewer { user { id email name } organization { id name } role } }',
  SignIn:
    'mutation SignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { __typename } }',
  SignOut: 'mutation SignOut { signOut }',
  CompleteSetup:
    'mutation CompleteSetup($token: String!, $email: String!, $name: String!, $password: String!) { completeSetup(token: $token, email: $email, name: $name, password: $password) { __typename } }',
  AcceptInvitation:
    'mutation AcceptInvitation($token: String!, $name: String!, $password: String!, $email: String) { acceptInvitation(token: $token, name: $name, password: $password, email: $email) { __typename } }',
  UnlockShareLink:
    'mutation UnlockShareLink($token: String!, $password: String!) { unlockShareLink(token: $token, password: $password) }',
  SharedWebsite: 'query SharedWebsite { sharedWebsite { id } }',
};

export interface Viewer {
  user: { id: string; email: string; name: string | null };
  organization: { id: string; name: string };
  role: string;
}

/** Who is signed in (null when nobody, or while the API has no sign-in). */
export async function loadViewer(): Promise<Viewer | null> {
  try {
    return (await requestUntyped<{ viewer: Viewer | null }>(OPERATIONS.Viewer)).viewer;
  } catch {
    return null;
  }
}

export async function signOut() {
  await requestUntyped(OPERATIONS.SignOut).catch(() => undefined);
  location.assign('/sign-in');
}

function Form(props: {
  title: string;
  submit: string;
  onSubmit: (data: FormData) => Promise<void>;
  children: ComponentChildren;
}) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="auth"
      aria-labelledby="form-title"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError(undefined);
        try {
          await props.onSubmit(new FormData(event.currentTarget));
        } catch (failure) {
          setError((failure as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h1 id="form-title">{props.title}</h1>
      {props.children}
      {error && (
        <p class="message error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {props.submit}
      </button>
    </form>
  );
}

const Field = ({
  name,
  label,
  type = 'text',
  auto,
}: {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  auto: string;
}) => (
  <label>
    {label}
    <input name={name} type={type as 'text'} autocomplete={auto} required />
  </label>
);

const text = (data: FormData, name: string) => String(data.get(name) ?? '');

export function SignIn() {
  return (
    <Form
      title="Sign in to Tidemark"
      submit="Sign in"
      onSubmit={async (data) => {
        await requestUntyped(OPERATIONS.SignIn, { email: text(data, 'email'), password: text(data, 'password') });
        location.assign('/');
      }}
    >
      <Field name="email" label="Email" type="email" auto="username" />
      <Field name="password" label="Password" type="password" auto="current-password" />
    </Form>
  );
}

export function Setup({ token }: { token: string }) {
  return (
    <Form
      title="Set up your Tidemark account"
      submit="Create account"
      onSubmit={async (data) => {
        await requestUntyped(OPERATIONS.CompleteSetup, {
          token,
          email: text(data, 'email'),
          name: text(data, 'name'),
          password: text(data, 'password'),
        });
        location.assign('/');
      }}
    >
      <Field name="name" label="Name" auto="name" />
      <Field name="email" label="Email" type="email" auto="username" />
      <Field name="password" label="Password" type="password" auto="new-password" />
    </Form>
  );
}

export function Invite({ token }: { token: string }) {
  return (
    <Form
      title="Join your team on Tidemark"
      submit="Accept invitation"
      onSubmit={async (data) => {
        await requestUntyped(OPERATIONS.AcceptInvitation, {
          token,
          name: text(data, 'name'),
          password: text(data, 'password'),
          email: text(data, 'email') || null,
        });
        location.assign('/');
      }}
    >
      <Field name="name" label="Name" auto="name" />
      <Field name="email" label="Email" type="email" auto="username" />
      <Field name="password" label="Password" type="password" auto="new-password" />
    </Form>
  );
}

/**
 * A shared dashboard: the link's token goes with every request; a password-protected link is
 * unlocked once per tab (the access token stays in sessionStorage, never in localStorage).
 */
export function Share({ token }: { token: string }) {
  const [websiteId, setWebsiteId] = useState<string>();
  const [locked, setLocked] = useState(false);
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    setShareToken(sessionStorage.getItem(shareAccessKey(token)) ?? token);
    requestUntyped<{ sharedWebsite: { id: string } }>(OPERATIONS.SharedWebsite).then(
      (data) => {
        setLocked(false);
        setWebsiteId(data.sharedWebsite.id);
      },
      (failure: Error) => {
        if (errorCode(failure) === 'SHARE_PASSWORD_REQUIRED') setLocked(true);
        else setError(failure.message);
      },
    );
    return () => setShareToken(undefined);
  }, [token, attempt]);
  if (locked) {
    return (
      <Form
        title="This dashboard is protected"
        submit="Open dashboard"
        onSubmit={async (data) => {
          const { unlockShareLink } = await requestUntyped<{ unlockShareLink: string }>(OPERATIONS.UnlockShareLink, {
            token,
            password: text(data, 'password'),
          });
          sessionStorage.setItem(shareAccessKey(token), unlockShareLink);
          setAttempt((n) => n + 1);
        }}
      >
        <Field name="password" label="Password" type="password" auto="current-password" />
      </Form>
    );
  }
  if (error) return <p class="message error">{error}</p>;
  if (!websiteId) return <p class="message">Loading…</p>;
  return <WebsiteDashboard id={websiteId} basePath={`/share/${encodeURIComponent(token)}`} member={false} />;
}
