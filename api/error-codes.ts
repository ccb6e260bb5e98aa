import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

// Tagged in place: Yoga keeps other markings (such as the HTTP status) on these same objects.
function addCode(error: unknown, code: string): void {
  if (error instanceof GraphQLError) (error.extensions as Record<string, unknown>).code ??= code;
}

/**
 * GraphQL's own request errors get codes too, so every refusal a client sees carries one:
 * GRAPHQL_PARSE_FAILED for syntax, GRAPHQL_VALIDATION_FAILED for documents that do not fit the
 * schema, BAD_USER_INPUT for variables of the wrong type. All of them fail before any resolver runs.
 */
export function requestErrorCodes(): Plugin {
  return {
    onParse:
      () =>
      ({ result }) =>
        addCode(result, 'GRAPHQL_PARSE_FAILED'),
    onValidate:
      () =>
      ({ result }) => {
        for (const error of result) addCode(error, 'GRAPHQL_VALIDATION_FAILED');
      },
    onExecute: () => ({
      onExecuteDone({ result }) {
        if (!('errors' in result)) return;
        // An error without a path did not come from a field: graphql-js rejected the variables.
        for (const error of result.errors ?? []) if (!error.path) addCode(error, 'BAD_USER_INPUT');
      },
    }),
  };
}
