import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  Kind,
  Lexer,
  type SelectionSetNode,
  Source,
  TokenKind,
  type ValidationContext,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { QueryTooComplexError } from './errors.ts';

/**
 * Bounds on a request's document, checked before anything recursive touches it. graphql-js parses,
 * validates and executes recursively, so a deep enough document overflows the stack; a wide one
 * (100,000 `__typename` aliases, 100 aliased `__schema`) costs seconds and megabytes, and in the
 * embedded mode ingest shares the event loop. Pothos's complexity limits see only schema fields,
 * so selections here count everything: `__typename`, introspection, fragments as often as spread.
 */
export const DOCUMENT_LIMITS = {
  /** Lexical tokens of the whole document (a large dashboard query is ~1,500). */
  tokens: 10_000,
  /** Nesting of `{`, `[` and `(`: selections, list and object literals, arguments. */
  nesting: 64,
  /** Fields selected by an operation, each fragment counted once per spread. */
  selections: 1_000,
  /** Fields under an alias. */
  aliases: 100,
  /** `__schema` and `__type` fields: one answers everything a tool needs. */
  introspection: 1,
  /** Serialised result (JSON characters); the largest dashboard answers are a few hundred KB. */
  responseBytes: 4_000_000,
};
export type DocumentLimits = typeof DOCUMENT_LIMITS;

/**
 * Bytes of a request body (document and variables). A document at the token limit is ~100 KB;
 * the largest variables the schema takes (a funnel, website settings) are a few KB.
 */
export const MAX_REQUEST_BYTES = 1_000_000;

const OPENERS = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSERS = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/** Counts tokens and nesting in one flat pass of graphql-js's own lexer (no recursion). */
export function checkDocumentText(text: string, limits = DOCUMENT_LIMITS): void {
  const lexer = new Lexer(new Source(text));
  let tokens = 0;
  let depth = 0;
  // Syntax errors are left to the parser, which reports them with their position.
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (++tokens > limits.tokens) {
        throw new QueryTooComplexError(`Documents are limited to ${limits.tokens} tokens.`);
      }
      if (OPENERS.has(token.kind) && ++depth > limits.nesting) {
        throw new QueryTooComplexError(`Documents are limited to ${limits.nesting} levels of nesting.`);
      }
      if (CLOSERS.has(token.kind)) depth--;
    }
  } catch (error) {
    if (error instanceof QueryTooComplexError) throw error;
  }
}

interface Tally {
  selections: number;
  aliases: number;
  introspection: number;
}

/**
 * A validation rule: the selections, aliases and introspection fields of each operation, fragments
 * expanded (memoised, so `...A` spread 100 times inside `...B` spread 100 times counts 10,000).
 * Nesting is already bounded, so the walk's recursion is too.
 */
export const documentBudget =
  (limits = DOCUMENT_LIMITS) =>
  (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const memo = new Map<string, Tally>();
    const tally = (set: SelectionSetNode, visiting: Set<string>): Tally => {
      const total: Tally = { selections: 0, aliases: 0, introspection: 0 };
      const add = (part: Tally) => {
        total.selections += part.selections;
        total.aliases += part.aliases;
        total.introspection += part.introspection;
      };
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          total.selections++;
          if (selection.alias) total.aliases++;
          if (selection.name.value === '__schema' || selection.name.value === '__type') total.introspection++;
          if (selection.selectionSet) add(tally(selection.selectionSet, visiting));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          add(tally(selection.selectionSet, visiting));
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          // Unknown fragments and cycles are reported by graphql-js's own rules.
          if (!fragment || visiting.has(name)) continue;
          if (!memo.has(name)) memo.set(name, tally(fragment.selectionSet, new Set([...visiting, name])));
          add(memo.get(name) as Tally);
        }
      }
      return total;
    };
    return {
      OperationDefinition(operation) {
        const { selections, aliases, introspection } = tally(operation.selectionSet, new Set());
        const over = (count: number, limit: number, what: string) =>
          count > limit &&
          context.reportError(
            new QueryTooComplexError(`Operations are limited to ${limit} ${what} (this one has ${count}).`),
          );
        over(selections, limits.selections, 'selected fields');
        over(aliases, limits.aliases, 'aliased fields');
        over(introspection, limits.introspection, 'introspection fields (__schema, __type)');
        return false;
      },
    };
  };

/**
 * The limits above as a Yoga plugin: the text before parsing, the document while validating, the
 * result before it is sent (refused whole rather than cut: a partial answer would look complete).
 */
export function documentLimits(limits = DOCUMENT_LIMITS): Plugin {
  return {
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => {
        checkDocumentText(typeof source === 'string' ? source : source.body, limits);
        return parseFn(source, options);
      });
    },
    onValidate({ addValidationRule }) {
      addValidationRule(documentBudget(limits));
    },
    onExecute: () => ({
      onExecuteDone({ result, setResult }) {
        if (Symbol.asyncIterator in result || JSON.stringify(result).length <= limits.responseBytes) return;
        setResult({
          errors: [
            new QueryTooComplexError(
              `Responses are limited to ${limits.responseBytes} bytes; select fewer fields or smaller pages.`,
            ),
          ],
        });
      },
    }),
  };
}
