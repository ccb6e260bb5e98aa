// The dashboard: a client of the public GraphQL API (client/), routed in the browser.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Invite, loadViewer, Setup, Share, SignIn, signOut, type Viewer } from './auth.tsx';
import { link, routeOf, useLocation } from './location.ts';
import type { Manage } from './manage/index.tsx';
import './style.css';
import { WebsiteDashboard } from './website.tsx';
import { Websites } from './websites.tsx';

/** The management screens, imported the first time one is shown (build.ts splits them out). */
function LazyManage(props: Parameters<typeof Manage>[0]) {
  const [Loaded, setLoaded] = useState<typeof Manage | null>(null);
  useEffect(() => {
    let live = true;
    import('./manage/index.tsx').then((module) => live && setLoaded(() => module.Manage));
    return () => {
      live = false;
    };
  }, []);
  return Loaded ? <Loaded {...props} /> : <p class="message">Loading…</p>;
}

function App() {
  const { pathname } = useLocation();
  const route = routeOf(pathname);
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [viewerKnown, setViewerKnown] = useState(false);
  useEffect(() => {
    if (route.name !== 'share') {
      loadViewer().then((loaded) => {
        setViewer(loaded);
        setViewerKnown(true);
      });
    }
  }, [route.name]);
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href="/" onClick={route.name === 'share' ? undefined : link('/')}>
          Tidemark
        </a>
        {viewer && (
          <span class="viewer">
            <a class="manage-link" href="/manage" onClick={link('/manage')}>
              Manage
            </a>{' '}
            {viewer.user.email}{' '}
            <button type="button" class="link" onClick={signOut}>
              Sign out
            </button>
          </span>
        )}
      </header>
      <main id="main">
        {route.name === 'websites' && <Websites />}
        {route.name === 'website' && <WebsiteDashboard id={route.id} basePath={`/w/${route.id}`} member />}
        {route.name === 'share' && <Share token={route.token} />}
        {route.name === 'sign-in' && <SignIn />}
        {route.name === 'setup' && <Setup token={route.token} />}
        {route.name === 'invite' && <Invite token={route.token} />}
        {route.name === 'manage' &&
          (viewerKnown ? <LazyManage parts={route.parts} viewer={viewer} /> : <p class="message">Loading…</p>)}
        {route.name === 'not-found' && <p class="message">No such page.</p>}
      </main>
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
