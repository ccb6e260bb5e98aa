// Sign-in, first-start setup, invitations and share links: the screens of the cookie-session and
// share-link API, through the typed documents of client/operations (auth.graphql, share-links.graphql).
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
// Not a hook: codegen's unmasking of a fragment's data (an identity function at run time).
import { useFragment as unmask } from '../../client/generated/fragment-masking.ts';
import {
  AcceptInvitationDocument,
  CompleteSetupDocument,
  SharedWebsiteDocument,
  SignInDocument,
  SignOutDocument,
  UnlockShareLinkDocument,
  ViewerDocument,
  type ViewerFieldsFragment,
  ViewerFieldsFragmentDoc,
} from '../../client/generated/graphql.ts';
import { client, errorCode, setShareToken, shareAccessKey } from './api.ts';
import { WebsiteDashboard } from './website.tsx';

export type Viewer = ViewerFieldsFragment;

/** Who is signed in: null for nobody (a request that fails shows the page as to nobody). */
export async function loadViewer(): Promise<Viewer | null> {
  try {
    return unmask(ViewerFieldsFragmentDoc, (await client.request(ViewerDocument)).viewer) ?? null;
  } catch {
    return null;
  }
}

/** Ends the session (the API deletes it and clears the cookie), then shows the sign-in page. */
export async function signOut() {
  await client.request(SignOutDocument).catch(() => undefined);
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
        await client.request(SignInDocument, { email: text(data, 'email'), password: text(data, 'password') });
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
        await client.request(CompleteSetupDocument, {
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
        await client.request(AcceptInvitationDocument, {
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
    const key = shareAccessKey(token);
    const access = sessionStorage.getItem(key);
    setShareToken(access ?? token);
    client.request(SharedWebsiteDocument).then(
      (data) => {
        setLocked(false);
        setWebsiteId(data.sharedWebsite.id);
      },
      (failure: Error) => {
        if (access) {
          // An access token of a link revoked or re-created since: ask with the link's own token.
          sessionStorage.removeItem(key);
          setAttempt((n) => n + 1);
        } else if (errorCode(failure) === 'SHARE_PASSWORD_REQUIRED') setLocked(true);
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
          const { unlockShareLink } = await client.request(UnlockShareLinkDocument, {
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
  if (error) {
    return (
      <p class="message error" role="alert">
        {error}
      </p>
    );
  }
  if (!websiteId) return <p class="message">Loading…</p>;
  return <WebsiteDashboard id={websiteId} basePath={`/share/${encodeURIComponent(token)}`} member={false} />;
}
