import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import type PrismaTypes from '../prisma/generated/pothos-types.ts';
import { getDatamodel } from '../prisma/generated/pothos-types.ts';
import { can, forbidden } from './auth.ts';
import type { Context } from './context.ts';
import { InputError, QueryTooComplexError, UnauthenticatedError } from './errors.ts';

/** Limits every operation is checked against before it runs (lists count 10× their selections). */
export const QUERY_LIMITS = { complexity: 2500, depth: 12, breadth: 200 };

/** The Pothos builder. Types live in schema/<domain>.ts, never here. */
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  PrismaTypes: PrismaTypes;
  AuthScopes: {
    authenticated: boolean;
    anonymous: boolean;
    apiKey: boolean;
    signedIn: boolean;
    shareViewer: boolean;
    readMetadata: boolean;
    writeMetadata: boolean;
    evaluateFlags: boolean;
    manageOrganization: boolean;
    readMembers: boolean;
    manageInstance: boolean;
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  // Scope checks run first, so a caller without access learns nothing from validation messages.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, ValidationPlugin, PrismaPlugin, RelayPlugin, ComplexityPlugin],
  // Fields are non-null unless marked nullable: typed clients get precise types.
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => ({
      // A caller of an organization: an API key or a session (a share link reaches one website only).
      authenticated: ctx.auth !== null && ctx.auth.caller.kind !== 'share',
      anonymous: ctx.auth === null,
      apiKey: ctx.auth?.caller.kind === 'key',
      signedIn: ctx.auth?.caller.kind === 'session',
      shareViewer: ctx.auth?.caller.kind === 'share',
      readMetadata: can(ctx.auth, 'readMetadata'),
      writeMetadata: can(ctx.auth, 'writeMetadata'),
      evaluateFlags: can(ctx.auth, 'evaluateFlags'),
      manageOrganization: can(ctx.auth, 'manageOrganization'),
      readMembers: can(ctx.auth, 'readMembers'),
      manageInstance: can(ctx.auth, 'manageInstance'),
    }),
    unauthorizedError: (_parent, ctx) => (ctx.auth ? forbidden(ctx.auth) : new UnauthenticatedError()),
  },
  errors: {
    defaultTypes: [],
    defaultUnionOptions: { description: 'The result of a mutation: its success, or an expected failure (see Error).' },
    defaultResultOptions: { description: 'The mutation succeeded; nothing else is needed to read the result.' },
  },
  validation: {
    validationError: (result) =>
      new InputError(
        result.issues.map((issue) => ({
          path: (issue.path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment)),
          message: issue.message,
        })),
      ),
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    defaultConnectionTypeOptions: { description: 'One page of a list, with its edges and paging information.' },
    defaultEdgeTypeOptions: { description: 'One item of a list, with its cursor.' },
    pageInfoTypeOptions: { description: 'Where a page lies in its list.' },
    edgesFieldOptions: { description: 'The items of this page.' },
    pageInfoFieldOptions: { description: 'Paging information for the next request.' },
    nodeFieldOptions: { description: 'The item.' },
    cursorFieldOptions: { description: 'Opaque position of the item: pass it as `after` or `before`.' },
    hasNextPageFieldOptions: { description: 'Whether items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Whether items precede this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first item of the page.' },
    endCursorFieldOptions: { description: 'Cursor of the last item of the page.' },
    firstArgOptions: { description: 'Return at most this many items from the start (default 20, at most 100).' },
    afterArgOptions: { description: 'Start after the item with this cursor.' },
    lastArgOptions: { description: 'Return at most this many items from the end.' },
    beforeArgOptions: { description: 'End before the item with this cursor.' },
  },
  complexity: {
    limit: QUERY_LIMITS,
    complexityError: (kind, result) => {
      const measure = kind.toLowerCase() as 'complexity' | 'depth' | 'breadth';
      return new QueryTooComplexError(
        `Query ${measure} ${result[measure]} exceeds the limit of ${result[`max${kind}`]}.`,
      );
    },
  },
});

builder.queryType({ description: 'Entry point for reads.' });
builder.mutationType({ description: 'Entry point for changes. Expected failures are members of each result union.' });
