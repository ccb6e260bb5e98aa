import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';
import manifest from '../client/generated/persisted-documents.json' with { type: 'json' };
import type { Context } from './context.ts';
import { InputError, PersistedQueryNotFoundError, PersistedQueryOnlyError } from './errors.ts';

/** Document texts by `sha256:<hex>` of the text, as graphql-codegen's client preset writes them. */
export type PersistedDocuments = Readonly<Record<string, string>>;

/** The operations of client/operations (the dashboard's among them), from `npm run codegen`. */
export const PERSISTED_DOCUMENTS: PersistedDocuments = manifest;

/**
 * Persisted operations: a client sends `extensions: { persistedQuery: { version: 1, sha256Hash } }`
 * (Apollo's format) instead of `query`, and the API runs the document of that hash. The text then
 * goes through Yoga like any other (document limits, validation, cost accounting). Query texts
 * stay allowed, except from a key set to `persistedOnly`: it is refused before execution, and
 * before its points are charged (this plugin comes before costAccounting).
 */
export function persistedOperations(documents: PersistedDocuments = PERSISTED_DOCUMENTS): Plugin<Context>[] {
  // Requests that sent a query text (the persisted-operations plugin replaces params by the document).
  const texts = new WeakSet<Request>();
  return [
    {
      onParams({ params, request }) {
        if (params.query) texts.add(request);
      },
      onExecute({ args, setResultAndStopExecution }) {
        const { auth, request } = args.contextValue as Context & { request: Request };
        if (auth?.caller.kind === 'key' && auth.caller.key.persistedOnly && texts.has(request)) {
          setResultAndStopExecution({ errors: [new PersistedQueryOnlyError()] });
        }
      },
    },
    usePersistedOperations({
      allowArbitraryOperations: true,
      getPersistedOperation: (hash) => {
        const id = `sha256:${hash}`;
        return Object.hasOwn(documents, id) ? (documents[id] as string) : null;
      },
      customErrors: {
        notFound: () => new PersistedQueryNotFoundError(),
        keyNotFound: () =>
          InputError.at(['query'], 'Send a query, or a persisted operation as extensions.persistedQuery.sha256Hash.'),
      },
    }),
  ];
}
