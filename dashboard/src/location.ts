// Where the dashboard is: the route from the path (what it shows is in the query string, view.ts).
// Links push history entries, so the back button returns to the previous view.
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { name: 'websites' }
  | { name: 'website'; id: string }
  | { name: 'share'; token: string }
  | { name: 'setup'; token: string }
  | { name: 'invite'; token: string }
  | { name: 'sign-in' }
  | { name: 'not-found' };

export function routeOf(pathname: string): Route {
  let parts: string[];
  try {
    parts = pathname.split('/').map((part) => decodeURIComponent(part));
  } catch {
    return { name: 'not-found' }; // a malformed %-escape
  }
  const [, first = '', second] = parts;
  if (pathname === '/') return { name: 'websites' };
  if (pathname === '/sign-in') return { name: 'sign-in' };
  if (second && pathname.split('/').length === 3) {
    if (first === 'w') return { name: 'website', id: second };
    if (first === 'share') return { name: 'share', token: second };
    if (first === 'setup') return { name: 'setup', token: second };
    if (first === 'invite') return { name: 'invite', token: second };
  }
  return { name: 'not-found' };
}

const listeners = new Set<() => void>();
addEventListener('popstate', () => {
  for (const listener of listeners) listener();
});

/** Goes to `href` (same origin) as a new history entry. */
export function navigate(href: string, replace = false) {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  for (const listener of listeners) listener();
}

/** The current location; re-renders on navigation and on the back button. */
export function useLocation(): { pathname: string; search: string } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((n) => n + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return { pathname: location.pathname, search: location.search };
}
