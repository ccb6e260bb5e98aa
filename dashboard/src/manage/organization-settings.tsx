// The organization itself: its name and slug, changed by an owner or admin (updateOrganization).
import { ManageOrganizationDocument, ManageUpdateOrganizationDocument } from '../../../client/generated/graphql.ts';
import { client, useQuery } from '../api.ts';
import { canAdmin, ManageForm, optional, ReadError, type Role, succeeded, text, useVersion } from './form.tsx';

export function OrganizationSettings({ role }: { role: Role }) {
  const [version, refresh] = useVersion();
  const state = useQuery(ManageOrganizationDocument, {}, { refresh: version });
  const organization = state.data?.organization;
  return (
    <section aria-labelledby="manage-title">
      <h1 id="manage-title">Organization</h1>
      {state.error && <ReadError error={state.error} />}
      {organization && !canAdmin(role) && (
        <p>
          {organization.name}
          {organization.slug ? ` (${organization.slug})` : ''}. Owners and admins change these.
        </p>
      )}
      {organization && canAdmin(role) && (
        <ManageForm
          key={version}
          title="Change the organization"
          submit="Save changes"
          keep
          initial={{ name: organization.name, slug: organization.slug ?? '' }}
          fields={() => [
            { name: 'name', label: 'Name', required: true },
            { name: 'slug', label: 'Slug', hint: 'Lowercase letters, digits and dashes.' },
          ]}
          onSubmit={async (data) => {
            const { updateOrganization } = await client.request(ManageUpdateOrganizationDocument, {
              name: text(data, 'name'),
              slug: optional(data, 'slug'),
            });
            succeeded(updateOrganization);
            refresh();
          }}
        />
      )}
    </section>
  );
}
