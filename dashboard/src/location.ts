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
  | { name: 'manage'; parts: string[] }
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
  if (first === 'manage' && parts.length <= 5 && parts.slice(2).every(Boolean)) {
    return { name: 'manage', parts: parts.slice(2) };
  }
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

/** A same-origin link followed in the page (a new history entry, no reload). */
export const link = (href: string) => (event: MouseEvent) => {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(href);
};
