/**
 * Writes small MaxMind DB (.mmdb) files, for test fixtures: no npm package writes the format.
 * Follows the MaxMind DB File Format Specification 2.0: a binary search tree with 24-bit
 * records, a 16-byte separator, the data section, then the metadata section.
 */
import { isIPv4 } from 'node:net';

export type MmdbValue = string | number | boolean | MmdbValue[] | { [key: string]: MmdbValue };

export interface MmdbNetwork {
  /** CIDR, e.g. "81.2.69.0/24" or "2a02:c7c::/32". */
  cidr: string;
  data: MmdbValue;
}

function bits(ip: string, ipVersion: 4 | 6): number[] {
  let bytes: number[];
  if (isIPv4(ip)) {
    bytes = ip.split('.').map(Number);
    if (ipVersion === 6) bytes = [...Array(12).fill(0), ...bytes]; // IPv4 lives at ::/96
  } else {
    const [head = '', tail = ''] = ip.split('::');
    const h = head ? head.split(':') : [];
    const t = tail ? tail.split(':') : [];
    const groups = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
    bytes = groups.flatMap((g) => {
      const n = Number.parseInt(g, 16);
      return [n >> 8, n & 0xff];
    });
  }
  return bytes.flatMap((byte) => Array.from({ length: 8 }, (_, i) => (byte >> (7 - i)) & 1));
}

function control(type: number, size: number): number[] {
  const extended = type > 7;
  const sizeBytes: number[] = [];
  let sizeBits = size;
  if (size >= 65_821) {
    sizeBits = 31;
    const rest = size - 65_821;
    sizeBytes.push((rest >> 16) & 0xff, (rest >> 8) & 0xff, rest & 0xff);
  } else if (size >= 285) {
    sizeBits = 30;
    const rest = size - 285;
    sizeBytes.push((rest >> 8) & 0xff, rest & 0xff);
  } else if (size >= 29) {
    sizeBits = 29;
    sizeBytes.push(size - 29);
  }
  const first = ((extended ? 0 : type) << 5) | sizeBits;
  return extended ? [first, type - 7, ...sizeBytes] : [first, ...sizeBytes];
}

function unsigned(value: number): number[] {
  const out: number[] = [];
  for (let v = BigInt(value); v > 0n; v >>= 8n) out.unshift(Number(v & 0xffn));
  return out;
}

function encode(value: MmdbValue, uintType = 6): number[] {
  if (typeof value === 'string') {
    const bytes = [...Buffer.from(value, 'utf8')];
    return [...control(2, bytes.length), ...bytes];
  }
  if (typeof value === 'boolean') return control(14, value ? 1 : 0);
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0) {
      const bytes = unsigned(value);
      return [...control(uintType, bytes.length), ...bytes];
    }
    const buffer = Buffer.alloc(8);
    buffer.writeDoubleBE(value);
    return [...control(3, 8), ...buffer];
  }
  if (Array.isArray(value)) return [...control(11, value.length), ...value.flatMap((v) => encode(v))];
  const entries = Object.entries(value);
  return [...control(7, entries.length), ...entries.flatMap(([k, v]) => [...encode(k), ...encode(v)])];
}

export function writeMmdb(options: { ipVersion: 4 | 6; databaseType: string; networks: MmdbNetwork[] }): Buffer {
  const { ipVersion, networks } = options;
  // Tree: each node holds two records; a record is a node index, EMPTY, or a data pointer.
  const tree: [number | string, number | string][] = [['empty', 'empty']];
  const data: number[] = [];
  const offsets: number[] = [];
  networks.forEach(({ cidr, data: value }, i) => {
    offsets[i] = data.length;
    data.push(...encode(value));
    const [ip = '', length = ''] = cidr.split('/');
    const prefix = Number(length) + (ipVersion === 6 && isIPv4(ip) ? 96 : 0);
    const path = bits(ip, ipVersion).slice(0, prefix);
    let node = 0;
    path.forEach((bit, depth) => {
      const record = tree[node] as [number | string, number | string];
      if (depth === path.length - 1) {
        record[bit] = `data:${i}`;
        return;
      }
      if (typeof record[bit] !== 'number') {
        tree.push(['empty', 'empty']);
        record[bit] = tree.length - 1;
      }
      node = record[bit] as number;
    });
  });
  const nodeCount = tree.length;
  const recordValue = (record: number | string) => {
    if (typeof record === 'number') return record;
    if (record === 'empty') return nodeCount;
    return nodeCount + 16 + (offsets[Number(record.slice(5))] as number);
  };
  const treeBytes = tree.flatMap(([left, right]) =>
    [recordValue(left), recordValue(right)].flatMap((v) => [(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff]),
  );
  const metadata = [
    ...control(7, 9),
    ...encode('node_count'),
    ...encode(nodeCount),
    ...encode('record_size'),
    ...encode(24, 5),
    ...encode('ip_version'),
    ...encode(ipVersion, 5),
    ...encode('database_type'),
    ...encode(options.databaseType),
    ...encode('languages'),
    ...encode(['en']),
    ...encode('binary_format_major_version'),
    ...encode(2, 5),
    ...encode('binary_format_minor_version'),
    ...encode(0, 5),
    ...encode('build_epoch'),
    ...control(9, 4),
    ...unsigned(Math.floor(Date.now() / 1000)),
    ...encode('description'),
    ...encode({ en: 'Tidemark test fixture' }),
  ];
  return Buffer.from([
    ...treeBytes,
    ...Array(16).fill(0),
    ...data,
    ...Buffer.from('\xAB\xCD\xEFMaxMind.com', 'latin1'),
    ...metadata,
  ]);
}
