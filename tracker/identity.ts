/** Cookieless identity: a random visitor id in localStorage, a session in sessionStorage. */

const SESSION_IDLE_MS = 30 * 60_000;

/** A v4 UUID; crypto.randomUUID exists only in secure contexts. */
export const uuid = (): string =>
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
    (+c ^ ((crypto.getRandomValues(new Uint8Array(1))[0] as number) & (15 >> (+c / 4)))).toString(16),
  );

/** Runs a web storage access, which throws when storage is blocked (privacy modes, sandboxed frames). */
export const attempt = <T>(access: () => T): T | undefined => {
  try {
    return access();
  } catch {}
};

let visitor: string | undefined;
/** Kept in memory too, so a page without storage still has one id. */
export const anonymousId = (): string => (visitor ||= attempt(() => (localStorage.tidemark_id ||= uuid())) || uuid());

interface Session {
  id: string;
  start: number;
  last: number;
  pages: number;
}

let memory: Session | undefined;
/** The current session, renewed after 30 idle minutes; `page` counts a page view. */
export function session(page?: boolean): Session {
  const now = Date.now();
  let s: Session | undefined = attempt(() => JSON.parse(sessionStorage.tidemark_session)) || memory;
  if (!s || now - s.last > SESSION_IDLE_MS) s = { id: uuid(), start: now, last: now, pages: 0 };
  s.last = now;
  if (page) s.pages++;
  attempt(() => (sessionStorage.tidemark_session = JSON.stringify(s)));
  memory = s;
  return s;
}
