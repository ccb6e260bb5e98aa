// API keys: created with scopes, revoked, rotated. A secret is shown once, right after it is
// issued, and kept only in this component's state: the API never returns it again.
import { useState } from 'preact/hooks';
import {
  type ApiScope,
  ManageApiKeysDocument,
  ManageCreateApiKeyDocument,
  ManageRevokeApiKeyDocument,
  ManageRotateApiKeyDocument,
} from '../../../client/generated/graphql.ts';
import { client, useQuery } from '../api.ts';
import {
  Copyable,
  canAdmin,
  instant,
  Listing,
  ManageForm,
  optional,
  ReadError,
  type Role,
  refusalOf,
  succeeded,
  text,
  useVersion,
} from './form.tsx';
import { useWebsites, websiteOptions } from './websites.tsx';

/** The scopes a member may grant (INSTANCE_ADMIN only an instance's own admin key can). */
const SCOPES: { scope: ApiScope; label: string }[] = [
  { scope: 'READ_ANALYTICS', label: 'Read analytics (read:analytics)' },
  { scope: 'WRITE_METADATA', label: 'Manage websites, goals, flags… (write:metadata)' },
  { scope: 'TRACK_EVENTS', label: 'Send events from servers (track:events)' },
  { scope: 'WRITE_LLM', label: 'Send LLM spans (write:llm)' },
  { scope: 'ADMIN', label: 'Everything, members and keys included (admin)' },
];

interface Issued {
  name: string;
  secret: string;
  rotated: boolean;
}

export function ApiKeys({ role }: { role: Role }) {
  const [version, refresh] = useVersion();
  const [issued, setIssued] = useState<Issued>();
  const [failure, setFailure] = useState<string>();
  const state = useQuery(ManageApiKeysDocument, {}, { refresh: version });
  const { websites } = useWebsites();
  const keys = state.data?.organization.apiKeys.edges.map((edge) => edge.node);
  const admin = canAdmin(role);
  const date = (iso: unknown) => (iso ? new Date(String(iso)).toLocaleDateString('en-GB') : '—');
  return (
    <section aria-labelledby="manage-title">
      <h1 id="manage-title">API keys</h1>
      <p>
        Programs send a key as <code>Authorization: Bearer tmk_…</code> to <code>/graphql</code> and ingest.
      </p>
      {issued && (
        <section class="issued" aria-labelledby="secret-title">
          <h2 id="secret-title">
            {issued.rotated ? 'New secret' : 'Secret'} of “{issued.name}”
          </h2>
          <p>Copy it now: it is shown this once and cannot be read again.</p>
          <Copyable id="api-key-secret" label="Secret" value={issued.secret} />
          <button type="button" class="link" onClick={() => setIssued(undefined)}>
            Done, hide it
          </button>
        </section>
      )}
      {state.error && <ReadError error={state.error} />}
      {failure && (
        <p class="message error" role="alert">
          {failure}
        </p>
      )}
      {keys && (
        <Listing
          caption="API keys of the organization, newest first"
          rows={keys}
          nameOf={(key) => key.name}
          deleteLabel="Revoke"
          columns={[
            { label: 'Key', cell: (key) => key.name },
            { label: 'Starts with', cell: (key) => <code>{`${key.prefix}${key.start}…`}</code> },
            { label: 'Scopes', cell: (key) => key.scopes.join(', ') },
            { label: 'Website', cell: (key) => websites.find((w) => w.id === key.websiteId)?.domain ?? 'All' },
            { label: 'Created', cell: (key) => date(key.createdAt) },
            { label: 'Last used', cell: (key) => date(key.lastUsedAt) },
            {
              label: 'Status',
              cell: (key) =>
                key.revokedAt
                  ? `Revoked ${date(key.revokedAt)}`
                  : key.expiresAt
                    ? `Until ${date(key.expiresAt)}`
                    : 'Active',
            },
          ]}
          actions={(key) =>
            admin &&
            !key.revokedAt && (
              <button
                type="button"
                class="link"
                onClick={async () => {
                  setFailure(undefined);
                  try {
                    const { rotateApiKey } = await client.request(ManageRotateApiKeyDocument, { id: key.id });
                    const rotated = succeeded(rotateApiKey);
                    if (rotated.__typename === 'MutationRotateApiKeySuccess') {
                      setIssued({ name: key.name, secret: rotated.data.secret, rotated: true });
                    }
                  } catch (error) {
                    setFailure(`${key.name}: ${refusalOf(error).message}`);
                  }
                  refresh();
                }}
              >
                Rotate<span class="visually-hidden"> {key.name}</span>
              </button>
            )
          }
          deletable={(key) => !key.revokedAt}
          onDelete={
            admin
              ? async (key) => {
                  succeeded((await client.request(ManageRevokeApiKeyDocument, { id: key.id })).revokeApiKey);
                  refresh();
                }
              : undefined
          }
        />
      )}
      {admin && (
        <ManageForm
          title="Create an API key"
          submit="Create key"
          fields={() => [
            { name: 'name', label: 'Name', required: true, placeholder: 'Nightly export' },
            <fieldset key="scopes" class="scopes">
              <legend>What it may do</legend>
              {SCOPES.map(({ scope, label }) => (
                <label key={scope} class="check">
                  <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === 'READ_ANALYTICS'} />{' '}
                  {label}
                </label>
              ))}
            </fieldset>,
            { name: 'websiteId', label: 'Only for the website', options: websiteOptions(websites, 'All websites') },
            { name: 'expiresAt', label: 'Expires (optional)', type: 'datetime-local' },
          ]}
          onSubmit={async (data) => {
            const { createApiKey } = await client.request(ManageCreateApiKeyDocument, {
              input: {
                name: text(data, 'name'),
                scopes: data.getAll('scopes').map(String) as ApiScope[],
                websiteId: optional(data, 'websiteId'),
                expiresAt: instant(data, 'expiresAt'),
              },
            });
            const created = succeeded(createApiKey);
            if (created.__typename === 'MutationCreateApiKeySuccess') {
              setIssued({ name: created.data.apiKey.name, secret: created.data.secret, rotated: false });
            }
            refresh();
          }}
        />
      )}
    </section>
  );
}
