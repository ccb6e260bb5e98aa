import { GraphQLError } from 'graphql';

/**
 * Expected failures. Each is a GraphQLError with `extensions.code`, so Yoga passes it through
 * unmasked; mutations also list the domain ones in their result unions (see schema/errors.ts).
 */
export abstract class ApiError extends GraphQLError {
  abstract readonly code: string;
  constructor(message: string, code: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export class UnauthenticatedError extends ApiError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'A valid API key is required.') {
    super(message, 'UNAUTHENTICATED', { http: { status: 401 } });
  }
}

export class ForbiddenError extends ApiError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'This API key is not allowed to do that.') {
    super(message, 'FORBIDDEN');
  }
}

export class RateLimitedError extends ApiError {
  readonly code = 'RATE_LIMITED';
  constructor(retryAfterSeconds: number) {
    super(`Rate limit of this API key exceeded; retry in ${retryAfterSeconds} s.`, 'RATE_LIMITED', {
      retryAfter: retryAfterSeconds,
      http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
    });
  }
}

/** Also what another organization's record looks like: existence is never revealed. */
export class NotFoundError extends ApiError {
  readonly code = 'NOT_FOUND';
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
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly issues: InputIssue[]) {
    super(issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; '), 'BAD_USER_INPUT', {
      issues,
    });
  }

  static at(path: string[], message: string): InputError {
    return new InputError([{ path, message }]);
  }
}

/** A unique value (domain, slug, flag key) is taken inside the caller's own organization. */
export class ConflictError extends ApiError {
  readonly code = 'CONFLICT';
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
