import { z } from 'zod';
import { builder } from '../builder.ts';
import { ResultTooLargeError } from '../errors.ts';
import { MAX_EXPORT_ROWS, TABLE_NAMES, TABLES, tableCsv } from '../export/tables.ts';
import { Analytics, checkedInterval, IntervalRef } from './analytics.ts';

/** Rows one `csv` call returns at most; more come page by page (offset) or from GET /export. */
export const MAX_CSV_ROWS = 10_000;
/** UTF-8 bytes of one `csv` answer at most (long paths or referrers make wide rows). */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;

const ExportTableRef = builder.enumType('ExportTable', {
  description:
    'A table analytics exports as CSV: one family of WebsiteAnalytics, its columns named after the family’s fields (README “Export”).',
  values: Object.fromEntries(
    TABLE_NAMES.map((name) => [
      name,
      { value: name, description: `${TABLES[name].file}: WebsiteAnalytics.${TABLES[name].family}.` },
    ]),
  ) as Record<(typeof TABLE_NAMES)[number], { value: (typeof TABLE_NAMES)[number]; description: string }>,
});

builder.objectField(Analytics, 'csv', (t) =>
  t.string({
    description:
      'One exported table as CSV text (RFC 4180, UTF-8, CRLF line ends, a header row unless header is false; ' +
      `text cells starting with = + - @ tab or CR get a leading apostrophe): the same rows as its family, with the same filters. At most ${MAX_CSV_ROWS} rows and ` +
      `${MAX_CSV_BYTES} bytes (RESULT_TOO_LARGE beyond: page with offset, or download GET /export/<websiteId>.zip).`,
    args: {
      table: t.arg({ type: ExportTableRef, required: true, description: 'Which table.' }),
      first: t.arg.int({
        defaultValue: 1000,
        validate: z.number().int().min(0).max(MAX_CSV_ROWS),
        description: `Rows (≤ ${MAX_CSV_ROWS}).`,
      }),
      offset: t.arg.int({
        defaultValue: 0,
        validate: z.number().int().min(0).max(MAX_EXPORT_ROWS),
        description: `Rows to skip (≤ ${MAX_EXPORT_ROWS}).`,
      }),
      header: t.arg.boolean({ defaultValue: true, description: 'Start with the header row.' }),
      interval: t.arg({
        type: IntervalRef,
        defaultValue: 'DAY',
        description: 'Bucket size of TIMESERIES (ignored by the other tables).',
      }),
    },
    resolve: async (s, args, ctx) => {
      const interval = checkedInterval(s.range, args.interval ?? 'DAY');
      const { text } = await tableCsv(
        TABLES[args.table],
        ctx,
        { ...s, interval },
        { limit: args.first ?? 1000, offset: args.offset ?? 0 },
        args.header ?? true,
      );
      if (Buffer.byteLength(text) > MAX_CSV_BYTES) {
        throw new ResultTooLargeError(
          `This CSV is over ${MAX_CSV_BYTES} bytes: ask for fewer rows (first) or download GET /export/${s.websiteId}.zip.`,
          MAX_CSV_BYTES,
        );
      }
      return text;
    },
  }),
);
