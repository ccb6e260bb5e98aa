// The management screens (/manage/…), loaded on demand (build.ts splits them out of the first
// screen): what the API manages, through the operations of client/operations/manage.graphql.
// The caller's role hides what it may not do; the API's refusals are shown as it types them.
import type { Viewer } from '../auth.tsx';
import { link } from '../location.ts';
import { ApiKeys } from './api-keys.tsx';
import { canAdmin, type Role, words } from './form.tsx';
import { Members } from './members.tsx';
import { Flags, Links, Monitors, Segments } from './organization.tsx';
import { OrganizationSettings } from './organization-settings.tsx';
import { WebsiteManagement, WebsitesManagement } from './websites.tsx';

const SECTIONS = [
  { path: 'websites', label: 'Websites' },
  { path: 'segments', label: 'Segments' },
  { path: 'flags', label: 'Feature flags' },
  { path: 'links', label: 'Short links' },
  { path: 'monitors', label: 'Uptime monitors' },
  { path: 'members', label: 'Members' },
  { path: 'keys', label: 'API keys' },
  { path: 'organization', label: 'Organization' },
] as const;

/** `parts`: the path after /manage, e.g. ["websites", "<id>", "goals"]. */
export function Manage({ parts, viewer }: { parts: string[]; viewer: Viewer | null }) {
  if (!viewer) {
    return (
      <p class="message">
        <a href="/sign-in" onClick={link('/sign-in')}>
          Sign in
        </a>{' '}
        to manage your organization.
      </p>
    );
  }
  const role = viewer.role as Role;
  const [section = 'websites', id, tab] = parts;
  return (
    <div class="manage-screen">
      <nav aria-label="Management">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.path}>
              <a
                href={`/manage/${s.path}`}
                onClick={link(`/manage/${s.path}`)}
                aria-current={s.path === section ? 'page' : undefined}
              >
                {s.label}
              </a>
            </li>
          ))}
        </ul>
        <p class="hint">
          {viewer.organization.name}: you are {role === 'VIEWER' || role === 'MEMBER' ? 'a' : 'an'}{' '}
          {words(role).toLowerCase()}
          {role === 'VIEWER' ? ' (read only)' : canAdmin(role) ? '' : ' (no members or keys)'}.
        </p>
      </nav>
      <div class="manage-body">
        {section === 'websites' && !id && <WebsitesManagement role={role} />}
        {section === 'websites' && id && <WebsiteManagement id={id} tab={tab ?? 'settings'} role={role} />}
        {section === 'segments' && <Segments role={role} />}
        {section === 'flags' && <Flags role={role} />}
        {section === 'links' && <Links role={role} />}
        {section === 'monitors' && <Monitors role={role} />}
        {section === 'members' && <Members role={role} self={viewer.user.id} />}
        {section === 'keys' && <ApiKeys role={role} />}
        {section === 'organization' && <OrganizationSettings role={role} />}
        {!SECTIONS.some((s) => s.path === section) && <p class="message">No such page.</p>}
      </div>
    </div>
  );
}
