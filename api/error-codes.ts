import { PothosValidationError } from '@pothos/core';
import { type ASTVisitor, GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

// Tagged in place: Yoga keeps other markings (such as the HTTP status) on these same objects.
function addCode(error: unknown, code: string): void {
  if (error instanceof GraphQLError) (error.extensions as Record<string, unknown>).code ??= code;
}

/**
 * GraphQL's own request errors get codes too, so every refusal a client sees carries one:
 * GRAPHQL_PARSE_FAILED for syntax, GRAPHQL_VALIDATION_FAILED for documents that do not fit the
 * schema, BAD_USER_INPUT for variables of the wrong type. All of them fail before any resolver runs.
 * Pothos's own argument checks (`first: -1`, a garbage cursor) fail in resolvers: BAD_USER_INPUT too.
 */
export function requestErrorCodes(): Plugin {
  return {
    onParse:
      () =>
      ({ result }) =>
        addCode(result, 'GRAPHQL_PARSE_FAILED'),
    onValidate: ({ addValidationRule }) => {
      addValidationRule(supportedOperationType);
      return ({ result }) => {
        for (const error of result) addCode(error, 'GRAPHQL_VALIDATION_FAILED');
      };
    },
    onExecute: () => ({
      onExecuteDone({ result }) {
        if (!('errors' in result)) return;
        // An error without a path did not come from a field: graphql-js rejected the variables.
        for (const error of result.errors ?? []) {
          if (!error.path || error.originalError instanceof PothosValidationError) addCode(error, 'BAD_USER_INPUT');
        }
      },
    }),
  };
}

/** graphql-js validates a subscription against a schema without subscriptions as valid, then fails to run it. */
function supportedOperationType(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(operation) {
      if (!context.getSchema().getRootType(operation.operation)) {
        context.reportError(
          new GraphQLError(`This API has no ${operation.operation} operations.`, { nodes: operation }),
        );
      }
    },
  };
}
