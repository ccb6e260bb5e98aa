import { parseError } from '@clickhouse/client';
import { expect, it } from 'vitest';
import { classifyInsertFailure, createClickHouse, type InsertFailure, insertJsonLines } from './client.ts';

// Refusals as a ClickHouse server words them, read by the client's own parser (chDB's are met
// for real in ingest/writer.test.ts).
const VERSION = '(version 25.8.1.1 (official build))';
const SERVER: [message: string, failure: InsertFailure][] = [
  [
    `Code: 69. DB::Exception: Too many digits (19 > 18) in decimal value: (while reading the value of key amount): (at row 2)\n: While executing ParallelParsingBlockInputFormat. (ARGUMENT_OUT_OF_BOUND) ${VERSION}`,
    'data',
  ],
  [
    `Code: 25. DB::Exception: Cannot parse escape sequence: missing second part of surrogate pair: (while reading the value of key title): (at row 1)\n. (CANNOT_PARSE_ESCAPE_SEQUENCE) ${VERSION}`,
    'data',
  ],
  [`Code: 407. DB::Exception: Decimal math overflow. (DECIMAL_OVERFLOW) ${VERSION}`, 'data'],
  [`Code: 9999. DB::Exception: A new kind of refusal: (at row 7)\n. (SOMETHING_NEW) ${VERSION}`, 'data'],
  [
    `Code: 241. DB::Exception: Memory limit (total) exceeded: would use 3.50 GiB: (at row 1000)\n. (MEMORY_LIMIT_EXCEEDED) ${VERSION}`,
    'transient',
  ],
  [
    `Code: 252. DB::Exception: Too many parts (3001 with average size of 1.20 MiB) in table 'analytics.events'. Merges are processing significantly slower than inserts. (TOO_MANY_PARTS) ${VERSION}`,
    'transient',
  ],
  [
    `Code: 252. DB::Exception: Too many partitions for single INSERT block (more than 100). The limit is controlled by 'max_partitions_per_insert_block' setting. (TOO_MANY_PARTS) ${VERSION}`,
    'batch',
  ],
  [
    `Code: 159. DB::Exception: Timeout exceeded: elapsed 30.1 seconds, maximum: 30. (TIMEOUT_EXCEEDED) ${VERSION}`,
    'transient',
  ],
  [`Code: 60. DB::Exception: Table analytics.events does not exist. (UNKNOWN_TABLE) ${VERSION}`, 'transient'],
  [
    `Code: 33. DB::Exception: Cannot read all data. Bytes read: 3. (at row 5)\n. (CANNOT_READ_ALL_DATA) ${VERSION}`,
    'transient',
  ],
  [
    `Code: 210. DB::NetException: Connection reset by peer, while writing to socket. (NETWORK_ERROR) ${VERSION}`,
    'transient',
  ],
  [`Code: 242. DB::Exception: Table is in readonly mode. (TABLE_IS_READ_ONLY) ${VERSION}`, 'transient'],
  [`Code: 394. DB::Exception: Query was cancelled. (QUERY_WAS_CANCELLED) ${VERSION}`, 'transient'],
  [`Code: 497. DB::Exception: default: Not enough privileges. (ACCESS_DENIED) ${VERSION}`, 'transient'],
];

it.each(SERVER)('classifies %s', (message, failure) => {
  expect(classifyInsertFailure(parseError(message))).toBe(failure);
});

it('classifies a ClickHouse that does not answer as transient', async () => {
  const unreachable = createClickHouse({ url: 'http://127.0.0.1:1', dataDir: '' });
  const error = await insertJsonLines(unreachable, 'analytics.events', '{}\n').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  expect(classifyInsertFailure(error)).toBe('transient');
  await unreachable.close();
});
