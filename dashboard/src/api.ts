// The dashboard's one way to the API: the typed client (client/client.ts) over `/graphql` with
// the session cookie, the CSRF header cookie sessions need, and a share link's token on share pages.
// It sends persisted operations: each document's hash, never its text (README "Persisted operations").
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useEffect, useState } from 'preact/hooks';
import { createClient, TidemarkError } from '../../client/client.ts';

let shareToken: string | undefined;

/** Share pages send their token (or the access token a password unlocked) with every request. */
export function setShareToken(token: string | undefined) {
  shareToken = token;
}

export const shareAccessKey = (token: string) => `tidemark-share:${token}`;

/** fetch with the dashboard's credentials: /graphql's, and the ZIP export's (controls.tsx). */
export function send(input: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'application/json');
  headers.set('x-tidemark-csrf', '1');
  if (shareToken) headers.set('x-tidemark-share', shareToken);
  return fetch(input, { ...init, headers, credentials: 'same-origin' });
}

export const client = createClient({ url: '/graphql', fetch: send, persisted: true });

export interface QueryState<T> {
  data?: T;
  error?: TidemarkError | Error;
  loading: boolean;
  /** The variables (as JSON) that `data` or `error` answers. */
  key?: string;
}

export interface QueryOptions {
  /** Do not ask (the state stays empty and not loading). */
  skip?: boolean;
  /** Not yet: shows as loading until the caller lets it ask (the main chart's request goes first). */
  wait?: boolean;
  /** A change asks again with the same variables. */
  refresh?: number;
}

/**
 * Runs an operation whenever its variables (or `refresh`) change; a late answer to an older
 * request is dropped.
 */
export function useQuery<Result, Variables extends Record<string, unknown>>(
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  { skip = false, wait = false, refresh = 0 }: QueryOptions = {},
): QueryState<Result> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<QueryState<Result>>({ loading: !skip });
  useEffect(() => {
    if (skip || wait) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    const request = client.request as (d: typeof document, v: Variables) => Promise<Result>;
    request(document, JSON.parse(key) as Variables).then(
      (data) => current && setState({ data, loading: false, key }),
      (error: Error) => current && setState({ error, loading: false, key }),
    );
    return () => {
      current = false;
    };
  }, [document, key, skip, wait, refresh]);
  return wait && state.key !== key ? { ...state, loading: true } : state;
}

export const errorCode = (error: unknown) => (error instanceof TidemarkError ? error.code : undefined);
