import { builder } from '../builder.ts';
import { ConflictError, NotFoundError } from '../errors.ts';

// Expected failures of mutations, returned as members of each mutation's result union.

const ErrorInterface = builder.interfaceRef<NotFoundError | ConflictError>('Error').implement({
  description: 'An expected failure: nothing was changed.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Machine-readable code, e.g. NOT_FOUND or BAD_USER_INPUT.' }),
    message: t.exposeString('message', { description: 'What went wrong, for humans.' }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description:
    'The record does not exist or belongs to another organization (the two are indistinguishable). Code NOT_FOUND.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ resource: t.exposeString('resource', { description: 'Kind of record looked for.' }) }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'A unique value (domain, slug, flag key) is already used in this organization. Code CONFLICT.',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});

/**
 * The expected failures a mutation returns in its result union. Invalid input is rejected
 * before any resolver runs, as a top-level error with code BAD_USER_INPUT and its `issues`.
 */
export const mutationErrors = {
  types: [NotFoundError, ConflictError],
  dataField: { description: 'The record as it is after the mutation (as it was, for deletions).' },
};
