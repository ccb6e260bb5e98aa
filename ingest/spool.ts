import { mkdir, open, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';

/**
 * The writer's on-disk half: a directory of segment files, each a sequence of frames, a frame
 * being one write's rows for one table as JSONEachRow lines:
 *
 *   u32 LE body length | u32 LE crc32 of body | body = `${table}\n${lines}`
 *
 * A frame torn by a crash mid-write fails its length or checksum check; it was never
 * acknowledged, and reading stops there.
 */

const SEGMENT_SUFFIX = '.seg';
/** Subdirectory for rows ClickHouse refused as malformed (see the writer). */
export const QUARANTINE_DIR = 'quarantine';
const HEADER_BYTES = 8;

/** A frame, and the part of it that holds the rows (what gets inserted). */
export function encodeFrame(table: string, lines: string): { frame: Buffer; rows: Buffer } {
  const head = HEADER_BYTES + Buffer.byteLength(table) + 1;
  const frame = Buffer.allocUnsafe(head + Buffer.byteLength(lines));
  frame.write(`${table}\n`, HEADER_BYTES, 'latin1');
  frame.write(lines, head);
  frame.writeUInt32LE(frame.length - HEADER_BYTES, 0);
  frame.writeUInt32LE(crc32(frame.subarray(HEADER_BYTES)), 4);
  return { frame, rows: frame.subarray(head) };
}

/**
 * A segment's rows: JSONEachRow chunks by table, in write order. Kept as buffers, off the
 * JavaScript heap: a batch waits long enough to be promoted, and strings would burden the GC.
 */
export class SegmentRows {
  readonly byTable = new Map<string, { chunks: Buffer[]; count: number }>();
  count = 0;

  add(table: string, lines: Buffer, rows: number): void {
    const batch = this.byTable.get(table);
    if (batch) {
      batch.chunks.push(lines);
      batch.count += rows;
    } else this.byTable.set(table, { chunks: [lines], count: rows });
    this.count += rows;
  }
}

const NEWLINE = 0x0a;

/** The intact frames of a segment file, and how many bytes after them were torn. */
export function decodeSegment(bytes: Buffer): { rows: SegmentRows; tornBytes: number } {
  const rows = new SegmentRows();
  let offset = 0;
  while (offset + HEADER_BYTES <= bytes.length) {
    const end = offset + HEADER_BYTES + bytes.readUInt32LE(offset);
    if (end > bytes.length) break;
    const body = bytes.subarray(offset + HEADER_BYTES, end);
    if (crc32(body) !== bytes.readUInt32LE(offset + 4)) break;
    const newline = body.indexOf(NEWLINE);
    const lines = body.subarray(newline + 1);
    let count = 0;
    for (let at = lines.indexOf(NEWLINE); at >= 0; at = lines.indexOf(NEWLINE, at + 1)) count++;
    const table = body.toString('latin1', 0, newline);
    rows.add(RENAMED_TABLES[table] ?? table, lines, count);
    offset = end;
  }
  return { rows, tornBytes: bytes.length - offset };
}

/**
 * Tables a migration replaced: frames spooled before it (a crash, or a stop while ClickHouse was
 * down) replay into the new table rather than retrying a missing one forever. 0013 replaced
 * web_vitals_spans with web_vitals (the same columns, and view_id with a default).
 */
const RENAMED_TABLES: Record<string, string> = { 'analytics.web_vitals_spans': 'analytics.web_vitals' };

/** The offset just past the `n`th line of JSONEachRow `lines`. */
export function afterLine(lines: Buffer, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) at = lines.indexOf(NEWLINE, at + 1);
  return at + 1;
}

export const readSegment = async (path: string) => decodeSegment(await readFile(path));

/** Segment names sort in creation order and never repeat: they name the ClickHouse insert batches. */
export function newSegmentName(): string {
  const random = Math.floor(Math.random() * 36 ** 6).toString(36);
  return `${Date.now().toString().padStart(15, '0')}-${process.pid}-${random.padStart(6, '0')}${SEGMENT_SUFFIX}`;
}

/** Segment files left in `dir` (by a crash or an unfinished shutdown), oldest first. */
export async function leftoverSegments(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith(SEGMENT_SUFFIX)).sort();
}

const lockedHere = new Set<string>();

/**
 * Takes the spool directory for this process: two writers replaying and appending in one
 * directory would insert each other's segments. A lock left by a dead process is taken over.
 */
export async function lockSpool(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'spool.lock');
  if (lockedHere.has(path)) throw new Error(`Spool ${dir} is already in use by this process`);
  for (;;) {
    try {
      const file = await open(path, 'wx');
      await file.writeFile(String(process.pid));
      await file.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `Spool ${dir} is in use by process ${owner}; give each ingest process its own INGEST_SPOOL_DIR`,
        );
      }
      await unlink(path).catch(() => {});
    }
  }
  lockedHere.add(path);
  return async () => {
    lockedHere.delete(path);
    await unlink(path).catch(() => {});
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
