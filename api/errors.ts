import { GraphQLError } from 'graphql';
import { isRefusedPattern } from '../clickhouse/re2.ts';
import { UnstorableTextError } from '../prisma/client.ts';

/**
 * Expected failures. Each is a GraphQLError with `extensions.code`, so Yoga passes it through
 * unmasked; mutations also list the domain ones in their result unions (see schema/errors.ts).
 */
export abstract class ApiError extends GraphQLError {
  constructor(
    message: string,
    readonly code: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export class UnauthenticatedError extends ApiError {
  constructor(message = 'A valid API key is required.') {
    super(message, 'UNAUTHENTICATED', { http: { status: 401 } });
  }
}

/** A password-protected share link was presented without unlocking it (unlockShareLink). */
export class SharePasswordRequiredError extends ApiError {
  constructor() {
    super('This share link needs its password: unlock it with unlockShareLink.', 'SHARE_PASSWORD_REQUIRED');
  }
}

export class ForbiddenError extends ApiError {
  constructor(message = 'This caller is not allowed to do that.') {
    super(message, 'FORBIDDEN');
  }
}

export class RateLimitedError extends ApiError {
  constructor(retryAfterSeconds: number, limited = 'Rate limit of this API key exceeded') {
    super(`${limited}; retry in ${retryAfterSeconds} s.`, 'RATE_LIMITED', {
      retryAfter: retryAfterSeconds,
      http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
    });
  }
}

/** Also what another organization's record looks like: existence is never revealed. */
export class NotFoundError extends ApiError {
  constructor(readonly resource: string) {
    super(`${resource} not found.`, 'NOT_FOUND');
  }
}

export interface InputIssue {
  /** Path of the offending input value, e.g. ["input", "domain"]. */
  path: string[];
  message: string;
}

export class InputError extends ApiError {
  constructor(readonly issues: InputIssue[]) {
    super(issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; '), 'BAD_USER_INPUT', {
      issues,
    });
  }

  static at(path: string[], message: string): InputError {
    return new InputError([{ path, message }]);
  }
}

/** An analytics family cannot apply these filters to its data; `fields` names them. */
export class UnsupportedFilterError extends ApiError {
  constructor(readonly fields: readonly string[]) {
    super(`Filters on ${fields.join(', ')} do not apply here.`, 'UNSUPPORTED_FILTER', { fields });
  }
}

/** The query exceeds the depth, breadth or complexity limit; it was not run. */
export class QueryTooComplexError extends ApiError {
  constructor(message: string) {
    super(message, 'QUERY_TOO_COMPLEX');
  }
}

/** A unique value (domain, slug, flag key) is taken inside the caller's own organization. */
export class ConflictError extends ApiError {
  constructor(message: string) {
    super(message, 'CONFLICT');
  }
}

/** Runs a write, turning a unique-constraint violation into a ConflictError. */
export async function unlessDuplicate<T>(write: Promise<T>, message: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'P2002') throw new ConflictError(message);
    throw error;
  }
}

/**
 * Failures the stores report about a client's value rather than a fault of ours: answered as
 * BAD_USER_INPUT instead of being masked as INTERNAL_SERVER_ERROR.
 */
export function asClientError(error: unknown): InputError | undefined {
  if (error instanceof UnstorableTextError) return InputError.at([], error.message);
  if (isRefusedPattern(error)) {
    return InputError.at(['filters'], 'ClickHouse cannot compile this regular expression (pattern too large).');
  }
  return undefined;
}

/** A groups metric has no meaning grouped by this dimension (e.g. visit duration by page); names both. */
export class UnsupportedGroupingError extends ApiError {
  constructor(
    readonly metric: string,
    readonly dimension: string,
  ) {
    super(`${metric} cannot be grouped by ${dimension}.`, 'UNSUPPORTED_GROUPING', { metric, dimension });
  }
}

/** A result past a size bound that only a streamed download (GET /export) can carry. */
export class ResultTooLargeError extends ApiError {
  constructor(message: string, limit: number) {
    super(message, 'RESULT_TOO_LARGE', { limit });
  }
}

/** A key set to persisted-only sent a query text: only operations sent by hash run for it (HTTP 403). */
export class PersistedQueryOnlyError extends ApiError {
  constructor() {
    super(
      'This API key runs persisted operations only: send extensions.persistedQuery.sha256Hash instead of a query text.',
      'PERSISTED_QUERY_ONLY',
      { http: { status: 403 } },
    );
  }
}

/** The hash names no persisted operation of this API (HTTP 400); nothing ran. */
export class PersistedQueryNotFoundError extends ApiError {
  constructor() {
    super('No persisted operation has this hash.', 'PERSISTED_QUERY_NOT_FOUND', { http: { status: 400 } });
  }
}
