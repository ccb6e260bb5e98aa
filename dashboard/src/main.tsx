// The dashboard: a client of the public GraphQL API (client/), routed in the browser.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Invite, loadViewer, Setup, Share, SignIn, signOut, type Viewer } from './auth.tsx';
import { routeOf, useLocation } from './location.ts';
import './style.css';
import { WebsiteDashboard } from './website.tsx';
import { link, Websites } from './websites.tsx';

function App() {
  const { pathname } = useLocation();
  const route = routeOf(pathname);
  const [viewer, setViewer] = useState<Viewer | null>(null);
  useEffect(() => {
    if (route.name !== 'share') loadViewer().then(setViewer);
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
        {route.name === 'not-found' && <p class="message">No such page.</p>}
      </main>
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
