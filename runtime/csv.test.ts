import { describe, expect, it } from 'vitest';
import { type Cell, csvCell, csvHeader, csvRows, csvTable, toCsv } from './csv.ts';

describe('csvCell', () => {
  it.each<[string, Cell, string]>([
    ['plain text as is', '/pricing', '/pricing'],
    ['empty text', '', ''],
    ['null as empty', null, ''],
    ['undefined as empty', undefined, ''],
    ['a comma quoted', 'a,b', '"a,b"'],
    ['inner quotes doubled', 'say "hi"', '"say ""hi"""'],
    ['a line feed quoted', 'a\nb', '"a\nb"'],
    ['a CRLF quoted', 'a\r\nb', '"a\r\nb"'],
    ['= defused', '=1+1', "'=1+1"],
    ['+ defused', '+33 1 23', "'+33 1 23"],
    ['- defused', '-2+3', "'-2+3"],
    ['@ defused', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab defused', '\t=1', "'\t=1"],
    ['a leading CR defused and quoted', '\r=1', `"'\r=1"`],
    ['a formula with a quote defused, then quoted', '=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['a formula sign inside the text left alone', 'a=b', 'a=b'],
    ['an integer unformatted', 1234567, '1234567'],
    ['a negative number is data, not defused', -1, '-1'],
    ['a fraction unformatted', 0.3333333333333333, '0.3333333333333333'],
    ['zero', 0, '0'],
    ['NaN as empty', Number.NaN, ''],
    ['Infinity as empty', Number.POSITIVE_INFINITY, ''],
    ['a boolean', true, 'true'],
    ['a date as an ISO instant in UTC', new Date('2026-03-29T01:30:00+01:00'), '2026-03-29T00:30:00.000Z'],
    ['an invalid date as empty', new Date('nope'), ''],
    ['non-ASCII text as is (UTF-8 on the wire)', 'München – 東京', 'München – 東京'],
  ])('%s', (_, cell, expected) => {
    expect(csvCell(cell)).toBe(expected);
  });
});

describe('tables', () => {
  const columns = [
    { name: 'path', value: (r: { path: string; visitors: number }) => r.path },
    { name: 'visitors', value: (r: { path: string; visitors: number }) => r.visitors },
  ];

  it('writes a header row, then one CRLF-terminated record per row', () => {
    const rows = [
      { path: '/', visitors: 3 },
      { path: '/a,b', visitors: 1 },
    ];
    expect(csvTable(columns, rows)).toBe('path,visitors\r\n/,3\r\n"/a,b",1\r\n');
    expect(csvHeader(columns) + csvRows(columns, rows)).toBe(csvTable(columns, rows));
  });

  it('writes the header alone for no rows', () => {
    expect(csvTable(columns, [])).toBe('path,visitors\r\n');
  });

  it('takes a header and rows of cells, as the dashboard’s panels hold them', () => {
    expect(
      toCsv(
        ['Page', 'Visitors'],
        [
          ['/a,"b"', 3],
          ['=HYPERLINK("x")', -1],
          ['@cmd', null],
          ['+1', 0.5],
        ],
      ),
    ).toBe('Page,Visitors\r\n"/a,""b""",3\r\n"\'=HYPERLINK(""x"")",-1\r\n\'@cmd,\r\n\'+1,0.5\r\n');
  });
});
