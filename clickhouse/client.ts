import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { type ClickHouseClient, type ClickHouseClientConfigOptions, createClient } from '@clickhouse/client';
import type { ChdbConnection, createChdbConnection } from 'chdb/connection';

export type { ClickHouseClient };

export interface ClickHouseConfig {
  /** HTTP(S) URL of a ClickHouse server; unset means embedded chDB in `dataDir`. */
  url?: string;
  username?: string;
  password?: string;
  /** Data directory of the embedded engine. */
  dataDir: string;
}

/**
 * Settings pinned on every query: ClickHouse changed both defaults in 2025–26, and the
 * rest of the code relies on 64-bit integers arriving as JSON numbers and on lenient
 * DateTime parsing of inserted strings.
 */
export const PINNED_SETTINGS = {
  output_format_json_quote_64bit_integers: 0,
  date_time_input_format: 'best_effort',
} as const;

/** The embedded engine was chosen (no CLICKHOUSE_URL) but chdb is not installed. */
export class EmbeddedClickHouseMissingError extends Error {
  constructor() {
    super(
      'Embedded ClickHouse needs the optional package chdb, which is not installed: set CLICKHOUSE_URL to a ClickHouse server, or install it (npm install; for the Docker image, build it with --build-arg CHDB=true)',
    );
  }
}

/**
 * chdb (543 MB with its engine) is an optional dependency, loaded only when the embedded engine
 * is chosen: an installation that talks to a ClickHouse server can leave it out (the slim Docker
 * image does). `npm ci` installs it by default.
 */
function loadChdb(): typeof createChdbConnection {
  try {
    return createRequire(import.meta.url)('chdb/connection').createChdbConnection;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'MODULE_NOT_FOUND' && message.includes("'chdb")) throw new EmbeddedClickHouseMissingError();
    throw error;
  }
}

/**
 * One `ClickHouseClient` for both a server and the embedded engine. Table names are always
 * fully qualified (`analytics.events`): chDB ignores the client's `database` option.
 */
export function createClickHouse(config: ClickHouseConfig): ClickHouseClient {
  if (config.url) {
    return createClient({
      url: config.url,
      username: config.username,
      password: config.password,
      clickhouse_settings: PINNED_SETTINGS,
    });
  }
  const createChdbConnection = loadChdb();
  mkdirSync(config.dataDir, { recursive: true });
  const connection = createChdbConnection({ path: config.dataDir });
  const client = createClient({
    // chDB implements @clickhouse/client's Connection contract, but its declared type
    // comes from its own copy of @clickhouse/client-common.
    connection: connection as unknown as ClickHouseClientConfigOptions['connection'],
    clickhouse_settings: PINNED_SETTINGS,
  });
  embedded.set(client, connection);
  return client;
}

const embedded = new WeakMap<ClickHouseClient, ChdbConnection>();

/** Inserts JSON rows (without deduplication: identical batches are both kept). */
export async function insertRows(client: ClickHouseClient, table: string, rows: readonly object[]): Promise<void> {
  let lines = '';
  for (const row of rows) lines += `${JSON.stringify(row)}\n`;
  await insertJsonLines(client, table, lines);
}

/**
 * Inserts JSONEachRow text (or its UTF-8 bytes). With a `dedupToken` the insert is
 * idempotent: ClickHouse drops a batch whose token it has seen recently (tables set
 * non_replicated_deduplication_window), which is what lets the ingest spool replay a batch that
 * may already be stored. On embedded chDB the text goes straight to the engine's parser
 * (measured ~1.7x faster than through the client's connection layer).
 */
export async function insertJsonLines(
  client: ClickHouseClient,
  table: string,
  lines: string | Buffer,
  dedupToken?: string,
): Promise<void> {
  const settings: Record<string, string | number> = dedupToken
    ? { insert_deduplication_token: dedupToken }
    : { insert_deduplicate: '0' };
  const connection = embedded.get(client);
  if (connection) {
    await connection.chdb.rawInsert({
      table,
      values: lines,
      format: 'JSONEachRow',
      // The embedded engine shares this process's cores with request handling: its insert
      // threads run at a lower OS priority (nice 10), so a batch inserted behind the responses
      // takes idle CPU rather than delaying them.
      settings: { ...PINNED_SETTINGS, ...settings, os_thread_priority: 10 },
    });
    return;
  }
  await client.insert({
    table,
    values: Readable.from([lines], { objectMode: false }),
    format: 'JSONEachRow',
    clickhouse_settings: settings,
  });
}

/**
 * What an insert's failure says about its rows:
 * - `data`: the rows are wrong (a value ClickHouse cannot parse or store: a string in a number,
 *   a lone surrogate, 19 digits in a Decimal64, a negative unsigned). Retrying the same bytes
 *   fails forever; the rows at fault must be isolated and set aside.
 * - `batch`: every row is fine but the batch as a whole is refused (rows spanning more
 *   partitions than one insert may create). Smaller batches succeed.
 * - `transient`: ClickHouse or the way to it is in a passing state (connection refused or
 *   reset, timeout, memory, too many parts, too many queries, shutting down, a table not yet
 *   migrated). The same batch succeeds later.
 *
 * Decided by what the error is rather than by a list of codes: ClickHouse names every error
 * (`ARGUMENT_OUT_OF_BOUND`; the server client puts it in `type`, chDB at the end of the
 * message), and an input format error names the row it stopped at (`(at row 2)`). A failure
 * without a ClickHouse code never reached ClickHouse. Anything unrecognised counts as transient:
 * retrying loses nothing, whereas setting good rows aside would.
 */
export type InsertFailure = 'data' | 'batch' | 'transient';

/** Names of passing states, checked first: memory can run out while a row is being parsed. */
const TRANSIENT_NAMES =
  /MEMORY_LIMIT|TIMEOUT|TOO_MANY|ABORTED|CANCELLED|NETWORK|SOCKET|SHUTDOWN|READONLY|KEEPER|REPLICA|NOT_ENOUGH_SPACE|UNKNOWN_(TABLE|DATABASE)|ALL_CONNECTION/;
/** Names of errors about values: parsing, conversion, range, size, nullability. */
const DATA_NAMES =
  /^(CANNOT_(PARSE|READ|CONVERT|INSERT_NULL)|TYPE_MISMATCH|INCORRECT_DATA|ARGUMENT_OUT_OF_BOUND|DECIMAL_OVERFLOW|TOO_LARGE_(STRING|ARRAY)_SIZE|SIZES_OF_ARRAYS_DONT_MATCH|.*_OUT_OF_RANGE)/;
/** End of input in the middle of a row: a body cut off in transit, worth sending again whole. */
const CUT_OFF = new Set(['ATTEMPT_TO_READ_AFTER_EOF', 'CANNOT_READ_ALL_DATA']);

export function classifyInsertFailure(error: unknown): InsertFailure {
  const { code, clickhouseCode, type, message } = (error ?? {}) as Record<string, unknown>;
  const number = Number(clickhouseCode ?? code);
  if (!Number.isInteger(number) || number <= 0) return 'transient';
  const text = typeof message === 'string' ? message : '';
  const name =
    typeof type === 'string' ? type : (/\(([A-Z][A-Z0-9_]+)\)(?: \(version [^)]*\))?\s*$/.exec(text)?.[1] ?? '');
  if (/Too many partitions for single INSERT block/.test(text)) return 'batch';
  if (TRANSIENT_NAMES.test(name) || CUT_OFF.has(name)) return 'transient';
  if (DATA_NAMES.test(name) || /\(at row \d+\)/.test(text)) return 'data';
  return 'transient';
}
