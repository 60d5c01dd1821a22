import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv } from '../../../src-main/io/csv-out.js';

describe('formula injection', () => {
  it.each(['=HYPERLINK("http://evil")', '+1 602', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'neutralises %j',
    (value) => {
      expect(neutraliseFormula(value)).toBe(`'${value}`);
    },
  );
  it('leaves ordinary values alone', () => {
    expect(neutraliseFormula('(602) 954-9557')).toBe('(602) 954-9557');
    expect(neutraliseFormula('jane@agency.gov')).toBe('jane@agency.gov');
  });
  it('quotes commas, quotes and newlines, and writes a BOM for spreadsheets', () => {
    expect(
      toCsv(
        ['A', 'B'],
        [
          ['x, y', 'say "hi"\nthere'],
          [null, '=1'],
        ],
      ),
    ).toBe('\uFEFFA,B\r\n"x, y","say ""hi""\nthere"\r\n,\'=1\r\n');
  });
});
