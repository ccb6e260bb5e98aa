import { re2Error } from '../../clickhouse/re2.ts';
import { type Sql, sql } from '../../clickhouse/sql.ts';
import { UnsupportedFilterError } from '../errors.ts';
import type { Condition } from './conditions.ts';
import { DIMENSIONS, type Dimension, type Table } from './dimensions.ts';

/**
 * Analytics filters: a small AST, boolean trees of `{ field, op, value }` leaves, compiled to SQL
 * by one builder per operator. Fields are dimensions of the registry (dimensions.ts), which gives each one's SQL
 * per table; every value is a query parameter.
 */

export const FILTER_FIELDS = (Object.keys(DIMENSIONS) as Dimension[]).filter((d) => DIMENSIONS[d].filter);

export const FILTER_OPS = ['IS', 'IS_NOT', 'CONTAINS', 'NOT_CONTAINS', 'STARTS_WITH', 'IN', 'NOT_IN', 'REGEX'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export interface Filter {
  field: Dimension;
  op: FilterOp;
  /** One value, or several for IN / NOT_IN. */
  value: string | string[];
  /** The property key, for field PROPERTY. */
  key?: string;
  /** Compare letter case; default: sensitive except for CONTAINS / NOT_CONTAINS (see caseSensitiveByDefault). */
  caseSensitive?: boolean;
}

/**
 * A boolean filter tree: a leaf (Filter), or `and` / `or` of subtrees, or `not` of one. Lists of
 * trees (Scope.filters) are ANDed. Scope of a tree: `visit` when all its leaves are visit
 * dimensions, `event` otherwise (event-only or mixed). Semantics, one rule for every tree: a tree
 * is evaluated on each event together with its visit's attributes; event figures count the events
 * for which it holds, visit figures the visits containing such an event in the range. For a
 * visit-only tree that is "the visits that match"; for a top-level AND it is today's
 * visit-filter/event-filter split.
 */
export type FilterNode = Filter | Behavioural | { and: FilterNode[] } | { or: FilterNode[] } | { not: FilterNode };

/**
 * A behavioural leaf: the visit (or its visitor, `per: VISITOR`) did, or did not, do something
 * in the range: an event of a name, or what a goal counts (conditions.ts). A visit attribute
 * for the scope rules (it selects whole visits).
 */
export interface Behaviour {
  per: 'VISIT' | 'VISITOR';
  event?: string;
  goal?: Condition;
}
export type Behavioural = { hasDone: Behaviour } | { hasNotDone: Behaviour };

export const isLeaf = (node: FilterNode): node is Filter => 'field' in node;
export const isBehavioural = (node: FilterNode): node is Behavioural => 'hasDone' in node || 'hasNotDone' in node;

/** CONTAINS / NOT_CONTAINS ignore case unless told otherwise; the other operators compare exactly. */
export const caseSensitiveByDefault = (op: FilterOp) => op !== 'CONTAINS' && op !== 'NOT_CONTAINS';

/** The leaves of trees, left to right. */
export function leaves(nodes: readonly FilterNode[]): Filter[] {
  return allLeaves(nodes).filter(isLeaf);
}

/** Dimension and behavioural leaves of trees, left to right. */
function allLeaves(nodes: readonly FilterNode[]): (Filter | Behavioural)[] {
  return nodes.flatMap((node) =>
    isLeaf(node) || isBehavioural(node)
      ? [node]
      : 'and' in node
        ? allLeaves(node.and)
        : 'or' in node
          ? allLeaves(node.or)
          : allLeaves([node.not]),
  );
}

const checkBehaviour = (leaf: Behavioural) => {
  const b = 'hasDone' in leaf ? leaf.hasDone : leaf.hasNotDone;
  const valid =
    typeof b === 'object' &&
    b !== null &&
    (b.per === 'VISIT' || b.per === 'VISITOR') &&
    (b.event === undefined) !== (b.goal === undefined) &&
    (b.event === undefined ||
      (typeof b.event === 'string' && b.event.length > 0 && b.event.length <= LIMITS.valueLength));
  if (!valid) throw new InvalidFilterError('hasDone / hasNotDone name one event (≤ 1000 characters) or one goal');
};

export class InvalidFilterError extends Error {}

/** `filters`: leaves over all trees of one input; `depth`: nesting of and/or/not (a leaf alone is depth 1). */
export const LIMITS = { filters: 20, depth: 5, values: 100, valueLength: 1000, regexLength: 200 } as const;

const one = (filter: Filter): string => {
  if (Array.isArray(filter.value)) throw new InvalidFilterError(`${filter.op} takes one value`);
  return filter.value;
};
const many = (filter: Filter): string[] => {
  const values = Array.isArray(filter.value) ? filter.value : [filter.value];
  if (values.length === 0 || values.length > LIMITS.values) {
    throw new InvalidFilterError(`${filter.op} takes 1 to ${LIMITS.values} values`);
  }
  return values;
};

const sensitive = (f: Filter) => f.caseSensitive ?? caseSensitiveByDefault(f.op);
/** The column and value(s) as compared: lower-cased by ClickHouse when case is ignored. */
const fold = (col: Sql, f: Filter) => (sensitive(f) ? col : sql`lowerUTF8(${col})`);
const value = (f: Filter) => (sensitive(f) ? sql`${one(f)}` : sql`lowerUTF8(${one(f)})`);
const list = (f: Filter) =>
  sensitive(f) ? sql.array(many(f), 'String') : sql`arrayMap(x -> lowerUTF8(x), ${sql.array(many(f), 'String')})`;
const position = (col: Sql, f: Filter) =>
  sensitive(f) ? sql`positionUTF8(${col}, ${one(f)})` : sql`positionCaseInsensitiveUTF8(${col}, ${one(f)})`;

const BUILDERS: Record<FilterOp, (col: Sql, filter: Filter) => Sql> = {
  IS: (col, f) => sql`${fold(col, f)} = ${value(f)}`,
  IS_NOT: (col, f) => sql`${fold(col, f)} != ${value(f)}`,
  CONTAINS: (col, f) => sql`${position(col, f)} > 0`,
  NOT_CONTAINS: (col, f) => sql`${position(col, f)} = 0`,
  STARTS_WITH: (col, f) => sql`startsWith(${fold(col, f)}, ${value(f)})`,
  IN: (col, f) => sql`${fold(col, f)} IN ${list(f)}`,
  NOT_IN: (col, f) => sql`${fold(col, f)} NOT IN ${list(f)}`,
  REGEX: (col, f) => {
    const pattern = one(f);
    if (pattern.length > LIMITS.regexLength) {
      throw new InvalidFilterError(`Regular expressions are limited to ${LIMITS.regexLength} characters`);
    }
    const refused = re2Error(pattern);
    if (refused) throw new InvalidFilterError(`Not a valid RE2 regular expression: ${refused}`);
    // RE2's (?i) flag: case-insensitive matching of the whole pattern.
    return sql`match(${col}, ${sensitive(f) ? pattern : `(?i)${pattern}`})`;
  },
};

/** Checks every tree's shape and limits (whatever table it will apply to); throws InvalidFilterError. */
export function checkFilters(nodes: readonly FilterNode[]): void {
  const depth = (node: FilterNode): number => {
    if (typeof node !== 'object' || node === null) throw new InvalidFilterError('A filter is an object');
    if (isLeaf(node)) return 1;
    if (isBehavioural(node)) {
      checkBehaviour(node);
      return 1;
    }
    const children = 'and' in node ? node.and : 'or' in node ? node.or : 'not' in node ? [node.not] : undefined;
    if (!Array.isArray(children) || children.length === 0) {
      throw new InvalidFilterError('A filter is a leaf, or and/or of at least one filter, or not of one');
    }
    let deepest = 0;
    for (const child of children) {
      deepest = Math.max(deepest, depth(child));
      if (deepest >= LIMITS.depth) throw new InvalidFilterError(`Filters nest at most ${LIMITS.depth} deep`);
    }
    return deepest + 1;
  };
  for (const node of nodes) depth(node);
  if (allLeaves(nodes).length > LIMITS.filters) throw new InvalidFilterError(`At most ${LIMITS.filters} filters`);
  for (const filter of leaves(nodes)) predicate(filter, 'check');
}

function predicate(filter: Filter, table: Table | 'check'): Sql {
  const def = Object.hasOwn(DIMENSIONS, filter.field) ? DIMENSIONS[filter.field] : undefined;
  if (!def?.filter) throw new InvalidFilterError(`Unknown filter field: ${String(filter.field)}`);
  const builder = Object.hasOwn(BUILDERS, filter.op) ? BUILDERS[filter.op] : undefined;
  if (!builder) throw new InvalidFilterError(`Unknown filter operator: ${String(filter.op)}`);
  const key = filter.key ?? '';
  if ('keyed' in def && def.keyed && (!key || key.length > 128)) {
    throw new InvalidFilterError('A property filter needs a key (≤ 128 characters)');
  }
  const values = Array.isArray(filter.value) ? filter.value : [filter.value];
  if (values.some((v) => typeof v !== 'string' || v.length > LIMITS.valueLength)) {
    throw new InvalidFilterError(`Filter values are strings of at most ${LIMITS.valueLength} characters`);
  }
  if (table === 'check') return builder(sql`''`, filter);
  const column = (def.sql as Partial<Record<Table, (key: string) => Sql>>)[table];
  if (!column) throw new UnsupportedFilterError([filter.field]);
  return sql`(${builder(column(key), filter)})`;
}

/** Whether every leaf of a tree is a visit dimension. */
const visitOnly = (node: FilterNode) => leaves([node]).every((f) => DIMENSIONS[f.field].scope === 'visit');

/**
 * Compiles one tree on one table. A visit-only subtree on a table other than visits is handed to
 * `visitSubtree` (which selects the rows of the matching visits, see scope.ts); without it, or
 * when a leaf's dimension cannot be read on the table, the fields are refused (UNSUPPORTED_FILTER).
 */
function nodeSql(node: FilterNode, table: Table, hooks: Hooks): Sql {
  if (table !== 'visits' && hooks.visitSubtree && visitOnly(node)) return hooks.visitSubtree(node);
  if (isLeaf(node)) return predicate(node, table);
  if (isBehavioural(node)) {
    if (table !== 'visits' || !hooks.behaviour)
      throw new UnsupportedFilterError(['hasDone' in node ? 'HAS_DONE' : 'HAS_NOT_DONE']);
    return hooks.behaviour(node);
  }
  const join = (children: FilterNode[], glue: string) =>
    sql`(${sql.join(
      children.map((child) => nodeSql(child, table, hooks)),
      glue,
    )})`;
  if ('and' in node) return join(node.and, ' AND ');
  if ('or' in node) return join(node.or, ' OR ');
  return sql`(NOT ${nodeSql(node.not, table, hooks)})`;
}

/**
 * What compiling needs from the scope (scope.ts gives both): `visitSubtree` selects the rows of
 * the visits a visit-only subtree matches, on a table other than visits; `behaviour` compiles a
 * hasDone / hasNotDone leaf on visit rows.
 */
export interface Hooks {
  visitSubtree?: (node: FilterNode) => Sql;
  behaviour?: (leaf: Behavioural) => Sql;
}

/**
 * The trees as one SQL condition over one table (`1` when there are none). A leaf whose
 * dimension cannot be read on that table (and is not a visit subtree `visitSubtree` can select)
 * throws UnsupportedFilterError naming all such fields.
 */
export function filtersSql(filters: readonly FilterNode[], table: Table, hooks: Hooks = {}): Sql {
  checkFilters(filters);
  const readable = (f: Filter) =>
    (DIMENSIONS[f.field].sql as Partial<Record<Table, unknown>>)[table] ||
    (hooks.visitSubtree && table !== 'visits' && DIMENSIONS[f.field].scope === 'visit');
  const unsupported = leaves(filters).filter((f) => !readable(f));
  if (unsupported.length) throw new UnsupportedFilterError([...new Set(unsupported.map((f) => f.field))]);
  if (filters.length === 0) return sql`1`;
  return sql.join(
    filters.map((node) => nodeSql(node, table, hooks)),
    ' AND ',
  );
}

/**
 * Splits an AND list of trees (nested top-level ANDs flattened) by scope: `visit` trees have
 * visit leaves only and select visits; `event` trees (event-only or mixed) select events, and
 * for visit figures the visits containing a matching event.
 */
export function byScope(filters: readonly FilterNode[]): { visit: FilterNode[]; event: FilterNode[] } {
  const conjuncts = (nodes: readonly FilterNode[]): FilterNode[] =>
    nodes.flatMap((n) => ('and' in n ? conjuncts(n.and) : [n]));
  const all = conjuncts(filters);
  return { visit: all.filter(visitOnly), event: all.filter((n) => !visitOnly(n)) };
}
