// Members: their roles changed, removed, and new ones invited by a one-time link with a role.
import { useState } from 'preact/hooks';
import {
  CreateInvitationDocument,
  type CreateInvitationMutation,
  ManageMembersDocument,
  ManageRemoveMemberDocument,
  ManageUpdateMemberRoleDocument,
  type MemberRole,
} from '../../../client/generated/graphql.ts';
import { client, useQuery } from '../api.ts';
import {
  Copyable,
  canAdmin,
  Listing,
  ManageForm,
  optional,
  ReadError,
  type Role,
  refusalOf,
  succeeded,
  useVersion,
  words,
} from './form.tsx';

const ROLES: MemberRole[] = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'];
const ROLE_HINTS: Record<MemberRole, string> = {
  OWNER: 'everything, the organization included',
  ADMIN: 'members, keys and everything else',
  MEMBER: 'websites, goals and the rest, not members or keys',
  VIEWER: 'reads only',
};
const roleOptions = ROLES.map((role) => ({ value: role, label: `${words(role)}: ${ROLE_HINTS[role]}` }));

export function Members({ role, self }: { role: Role; self: string }) {
  const [version, refresh] = useVersion();
  const [invitation, setInvitation] = useState<CreateInvitationMutation['createInvitation']>();
  const [failure, setFailure] = useState<string>();
  const state = useQuery(ManageMembersDocument, {}, { refresh: version });
  const members = state.data?.organization.members.edges.map((edge) => edge.node);
  const admin = canAdmin(role);
  return (
    <section aria-labelledby="manage-title">
      <h1 id="manage-title">Members</h1>
      {state.error && <ReadError error={state.error} />}
      {failure && (
        <p class="message error" role="alert">
          {failure}
        </p>
      )}
      {members && (
        <Listing
          caption="Members of the organization"
          rows={members}
          nameOf={(m) => m.name}
          deleteLabel="Remove"
          columns={[
            { label: 'Member', cell: (m) => `${m.name}${m.user.id === self ? ' (you)' : ''}` },
            { label: 'Email', cell: (m) => m.user.email },
            {
              label: 'Role',
              cell: (m) =>
                admin ? (
                  <RoleChoice
                    name={m.name}
                    role={m.role}
                    onChange={async (next) => {
                      setFailure(undefined);
                      try {
                        succeeded(
                          (await client.request(ManageUpdateMemberRoleDocument, { id: m.id, role: next }))
                            .updateMemberRole,
                        );
                      } catch (error) {
                        setFailure(`${m.name}: ${refusalOf(error).message}`);
                      }
                      refresh();
                    }}
                  />
                ) : (
                  words(m.role)
                ),
            },
          ]}
          onDelete={
            admin
              ? async (m) => {
                  succeeded((await client.request(ManageRemoveMemberDocument, { id: m.id })).removeMember);
                  refresh();
                }
              : undefined
          }
        />
      )}
      {admin && (
        <ManageForm
          title="Invite someone"
          submit="Create invitation link"
          fields={() => [
            { name: 'role', label: 'Role', options: roleOptions, value: 'MEMBER' },
            {
              name: 'email',
              label: 'Email (optional)',
              type: 'email',
              hint: 'When given, only this address may accept.',
            },
          ]}
          onSubmit={async (data) => {
            const { createInvitation } = await client.request(CreateInvitationDocument, {
              role: (optional(data, 'role') ?? 'MEMBER') as MemberRole,
              email: optional(data, 'email'),
            });
            setInvitation(createInvitation);
          }}
        />
      )}
      {invitation && (
        <section class="issued" aria-labelledby="invitation-title">
          <h2 id="invitation-title">Invitation for a {words(invitation.role).toLowerCase()}</h2>
          <p>
            Send this link{invitation.email ? ` to ${invitation.email}` : ''}: it works once, until{' '}
            {new Date(String(invitation.expiresAt)).toLocaleString('en-GB')}.
          </p>
          <Copyable id="invitation-url" label="Invitation link" value={invitation.url} />
        </section>
      )}
    </section>
  );
}

/** A member's role: chosen, then changed with its button (arrow keys on a select change nothing yet). */
function RoleChoice(props: { name: string; role: MemberRole; onChange: (role: MemberRole) => Promise<void> }) {
  const [chosen, setChosen] = useState(props.role);
  return (
    <span class="role-choice">
      <select
        aria-label={`Role of ${props.name}`}
        value={chosen}
        onChange={(event) => setChosen(event.currentTarget.value as MemberRole)}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {words(r)}
          </option>
        ))}
      </select>{' '}
      {chosen !== props.role && (
        <button type="button" class="link" onClick={() => props.onChange(chosen)}>
          Change role<span class="visually-hidden"> of {props.name}</span>
        </button>
      )}
    </span>
  );
}
