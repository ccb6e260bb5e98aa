/**
 * Renders single-node migration DDL for a ClickHouse cluster: every table becomes a
 * Replicated* `<name>_local` table on each node plus a Distributed table under the original
 * name (so queries are the same in both modes), materialized views run on the local tables,
 * and every statement gets ON CLUSTER (but a data copy, INSERT … SELECT, which runs once).
 * Migrations are our own files written in a fixed style (`CREATE ... IF NOT EXISTS db.name`,
 * `DROP ... IF EXISTS db.name`), which is what makes this rewrite safe; anything else is
 * refused rather than guessed at.
 */

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

const CREATE_DATABASE = /^CREATE DATABASE IF NOT EXISTS (\w+)$/;
const CREATE_TABLE = /^CREATE TABLE IF NOT EXISTS (\w+)\.(\w+) \(/;
const CREATE_VIEW = /^CREATE MATERIALIZED VIEW IF NOT EXISTS (\w+)\.(\w+)\s+TO (\w+)\.(\w+)/;
const ALTER_TABLE = /^ALTER TABLE (\w+)\.(\w+) /;
const DROP = /^DROP (TABLE|VIEW) IF EXISTS (\w+)\.(\w+)$/;
const INSERT_SELECT = /^INSERT INTO \w+\.\w+ \([\w, ]+\)\s+SELECT /;
const ENGINE = /ENGINE = (\w*)MergeTree(?:\(([^)]*)\))?/;
const FIRST_ORDER_KEY = /ORDER BY \(?\s*(\w+)/;
const TABLE_REFERENCE = /\b(FROM|JOIN) (\w+)\.(\w+)/g;

export function assertClusterName(cluster: string): void {
  if (!IDENTIFIER.test(cluster)) throw new Error(`Invalid ClickHouse cluster name: ${cluster}`);
}

export const localName = (table: string) => `${table}_local`;

export function renderForCluster(statement: string, cluster: string): string[] {
  assertClusterName(cluster);
  const on = `ON CLUSTER ${cluster}`;

  const database = CREATE_DATABASE.exec(statement);
  if (database) return [`${statement} ${on}`];

  const table = CREATE_TABLE.exec(statement);
  if (table) {
    const [, db, name] = table as unknown as [string, string, string];
    const engine = ENGINE.exec(statement);
    const orderKey = FIRST_ORDER_KEY.exec(statement);
    if (!engine || !orderKey) throw new Error(`Cannot render for cluster (engine/order key): ${name}`);
    const [, kind = '', args] = engine;
    const replicated = [`'/clickhouse/tables/{shard}/${db}/${localName(name)}'`, `'{replica}'`, args?.trim()]
      .filter(Boolean)
      .join(', ');
    const local = statement
      .replace(CREATE_TABLE, `CREATE TABLE IF NOT EXISTS ${db}.${localName(name)} ${on} (`)
      .replace(ENGINE, `ENGINE = Replicated${kind}MergeTree(${replicated})`);
    const distributed =
      `CREATE TABLE IF NOT EXISTS ${db}.${name} ${on} AS ${db}.${localName(name)} ` +
      `ENGINE = Distributed(${cluster}, ${db}, ${localName(name)}, cityHash64(${orderKey[1]}))`;
    return [local, distributed];
  }

  const view = CREATE_VIEW.exec(statement);
  if (view) {
    const [, db, name, targetDb, target] = view as unknown as [string, string, string, string, string];
    return [
      statement
        .replace(
          CREATE_VIEW,
          `CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.${name} ${on} TO ${targetDb}.${localName(target)}`,
        )
        .replace(TABLE_REFERENCE, (_, keyword, sourceDb, source) => `${keyword} ${sourceDb}.${localName(source)}`),
    ];
  }

  const alter = ALTER_TABLE.exec(statement);
  if (alter) {
    const [, db, name] = alter as unknown as [string, string, string];
    const rendered = [statement.replace(ALTER_TABLE, `ALTER TABLE ${db}.${localName(name)} ${on} `)];
    // Column changes must reach the Distributed table too; indexes and TTLs live on the local one.
    if (/\b(ADD|DROP|MODIFY|RENAME) COLUMN\b/.test(statement)) {
      rendered.push(statement.replace(ALTER_TABLE, `ALTER TABLE ${db}.${name} ${on} `));
    }
    return rendered;
  }

  const drop = DROP.exec(statement);
  if (drop) {
    const [, kind, db, name] = drop as unknown as [string, string, string, string];
    // A view is one object per node; a table is the Distributed table and its local tables.
    return kind === 'VIEW'
      ? [`${statement} ${on}`]
      : [`DROP TABLE IF EXISTS ${db}.${name} ${on}`, `DROP TABLE IF EXISTS ${db}.${localName(name)} ${on}`];
  }

  // A data copy runs once, between the Distributed tables, which route each row to its shard.
  if (INSERT_SELECT.test(statement)) return [statement];

  throw new Error(`Cannot render statement for cluster: ${statement.slice(0, 80)}`);
}
