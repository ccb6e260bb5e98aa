import { type Cache, useResponseCache } from '@envelop/response-cache';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getOperationAST,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { Auth } from './auth.ts';
import type { Context } from './context.ts';

/** RESPONSE_CACHE_TTL_MS and RESPONSE_CACHE_MAX_BYTES (api/config.ts). */
export interface ResponseCacheSettings {
  /** How long an answer is served again; at most this old when it is. */
  ttlMs: number;
  /** Memory for kept answers (their JSON text); the least recently used go first. */
  maxBytes: number;
}

/** The fields whose whole subtree is analytics, read from ClickHouse. */
const ANALYTICS_FIELDS = new Set(['Website.analytics', 'Organization.aiUsage']);
/** Fields that only lead to analytics fields: allowed outside them, with nothing but `id` beside. */
const PATH_FIELDS = new Set(['Query.website', 'Query.sharedWebsite', 'Query.organization']);
/** A live count polled for its freshness: an operation selecting it is never kept. */
const LIVE_FIELDS = new Set(['WebsiteAnalytics.realtimeVisitors']);
const IDENTITY_FIELDS = new Set(['id', '__typename']);

/**
 * Whether an operation reads analytics and nothing else: a query whose fields outside the
 * ANALYTICS_FIELDS subtrees are PATH_FIELDS, `id` and `__typename`, so no metadata (names,
 * goals, keys, members…) is ever answered from the cache.
 */
export function readsOnlyAnalytics(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): boolean {
  const queryType = schema.getQueryType();
  if (operation.operation !== 'query' || !queryType) return false;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  let analytics = false;
  const typeNamed = (name: string | undefined, fallback: GraphQLNamedType) =>
    (name && schema.getType(name)) || fallback;
  const walk = (set: SelectionSetNode, type: GraphQLNamedType, inside: boolean): boolean =>
    set.selections.every((selection) => {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        return !!fragment && walk(fragment.selectionSet, typeNamed(fragment.typeCondition.name.value, type), inside);
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        return walk(selection.selectionSet, typeNamed(selection.typeCondition?.name.value, type), inside);
      }
      const name = selection.name.value;
      const coordinate = `${type.name}.${name}`;
      if (LIVE_FIELDS.has(coordinate)) return false;
      if (!selection.selectionSet) return inside || IDENTITY_FIELDS.has(name);
      const enters = ANALYTICS_FIELDS.has(coordinate);
      if (!inside && !enters && !PATH_FIELDS.has(coordinate)) return false;
      analytics ||= enters;
      const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
      return !!field && walk(selection.selectionSet, getNamedType(field.type), inside || enters);
    });
  return walk(operation.selectionSet, queryType, false) && analytics;
}

/**
 * Whose answer it is: the organization and the caller (key, signed-in user, share link), with
 * what the caller may see (a website restriction, scopes, a locked share link), so no two
 * callers who could be answered differently ever share an answer.
 */
function sessionOf(auth: Auth, generation: number): string {
  const { caller } = auth;
  const who =
    caller.kind === 'key'
      ? ['key', caller.key.id]
      : caller.kind === 'share'
        ? ['share', caller.shareLinkId, caller.locked]
        : ['user', auth.userId];
  return JSON.stringify([generation, auth.organizationId, who, auth.websiteId, auth.scopes]);
}

/**
 * Kept answers, as JSON text: the `data` of a result only (its extensions, such as
 * `extensions.cost`, belong to the request that made it), parsed anew for every hit so no
 * request can change another's copy. Bounded by bytes, each entry by the plugin's TTL.
 */
class AnswerStore implements Cache {
  private readonly answers: LRUCache<string, string>;

  constructor(maxBytes: number, now?: () => number) {
    this.answers = new LRUCache<string, string>({
      maxSize: maxBytes,
      sizeCalculation: (json, key) => json.length + key.length,
      // The clock is read on every lookup, so a test's clock that jumps is seen at once.
      ttlResolution: 0,
      ...(now ? { perf: { now } } : {}),
    });
  }

  set(id: string, result: { data?: unknown }, _entities: unknown, ttl: number): void {
    this.answers.set(id, JSON.stringify({ data: result.data }), { ttl });
  }

  get(id: string) {
    const json = this.answers.get(id);
    return json === undefined ? null : JSON.parse(json);
  }

  /** Never called (invalidateViaMutation is off): a mutation changes every key instead. */
  invalidate(): void {}
}

/**
 * Serves an analytics-only query (readsOnlyAnalytics) again to the same caller for
 * `settings.ttlMs`, with @envelop/response-cache, the engine of graphql-yoga's response-cache
 * plugin. Yoga's wrapper of it is not used: it answers from the cache, and If-None-Match with
 * 304, before the context exists, so before authentication and the point budget; here a hit is
 * served at execution, after both. The key is the operation, its variables and sessionOf the
 * authenticated caller; anonymous callers are not cached. Any mutation moves a
 * generation that is part of every key, so no answer computed before it (goals, funnels,
 * segments, timezone, erasure, deleted websites…) is served after it. Answers with errors are
 * not kept. `extensions.responseCache` says whether an answer was a hit.
 */
export function responseCache(settings: ResponseCacheSettings, now?: () => number): Plugin<Context> {
  const cacheable = new WeakSet<object>();
  let generation = 0;
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(
        useResponseCache<YogaInitialContext & Context>({
          cache: new AnswerStore(settings.maxBytes, now),
          ttl: settings.ttlMs,
          enabled: (context) => cacheable.has(context),
          session: (context) => (context.auth ? sessionOf(context.auth, generation) : null),
          invalidateViaMutation: false,
          shouldCacheResult: ({ result }) => !result.errors?.length,
          includeExtensionMetadata: true,
        }),
      );
    },
    onExecute({ args }) {
      const context = args.contextValue as Context;
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation === 'mutation') {
        // After it ran, so a read keyed with the new generation starts after the change.
        return { onExecuteDone: () => void generation++ };
      }
      if (context.auth && operation && readsOnlyAnalytics(args.schema, args.document, operation)) {
        cacheable.add(context);
      }
    },
  };
}
