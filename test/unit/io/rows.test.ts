import { describe, expect, it } from 'vitest';
import { mapHeader } from '../../../src-main/io/columns.js';
import { readRows } from '../../../src-main/io/rows.js';
import { UserProfileInput } from '../../../src-main/roster/schemas.js';

const header = mapHeader(['User Name', 'First Name', 'Last Name', 'Email', 'Work Phone', 'Status']);

/** Rows on the edge of each rule of the profile schema. */
const CASES: string[][] = [
  ['JaneDoe', 'Jane', 'Doe', 'jane.doe@agency.gov', '(602) 954-9557', 'Active'],
  ['  JaneDoe  ', ' Jane ', ' Doe ', ' jane.doe@agency.gov ', ' 555 ', 'Inactive'],
  ['Jane Doe', 'Jane', 'Doe', 'jane.doe@agency.gov', '', 'Active'],
  ['J'.repeat(64), 'Jane', 'Doe', 'jane.doe@agency.gov', '', 'Active'],
  ['J'.repeat(65), 'Jane', 'Doe', 'jane.doe@agency.gov', '', 'Active'],
  ['JaneDoe', 'F'.repeat(100), 'L'.repeat(100), 'jane.doe@agency.gov', '9'.repeat(32), 'Active'],
  ['JaneDoe', 'F'.repeat(101), 'Doe', 'jane.doe@agency.gov', '', 'Active'],
  ['JaneDoe', 'Jane', 'L'.repeat(101), 'jane.doe@agency.gov', '', 'Active'],
  ['JaneDoe', 'Jane', 'Doe', 'jane.doe@agency.gov', '9'.repeat(33), 'Active'],
  [
    'JaneDoe',
    'Jane',
    'Doe',
    `${'a'.repeat(64)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.gov`,
    '',
    'Active',
  ],
  ['JaneDoe', 'Jane', 'Doe', 'jane@localhost', '', 'Active'],
  ['JaneDoe', 'Jane', 'Doe', 'jane@@agency.gov', '', 'Active'],
  ['JaneDoe', '', 'Doe', 'jane.doe@agency.gov', '', 'Active'],
  ['JaneDoe', 'Jane', '   ', 'jane.doe@agency.gov', '', 'Active'],
  ['', 'Jane', 'Doe', 'jane.doe@agency.gov', '', 'Active'],
  ['JaneDoe', 'Jane', 'Doe', '', '', 'Active'],
  ['Jane\tDoe', 'Jane', 'Doe', 'jane.doe@agency.gov', '', 'Active'],
];

describe('row checks agree with the profile schema', () => {
  it.each(CASES.map((c, i) => [i, c] as const))('case %i', (_i, fields) => {
    const [row] = readRows([{ line: 2, fields }], header);
    const profile = {
      userName: fields[0],
      firstName: fields[1],
      lastName: fields[2],
      email: fields[3],
      workPhone: fields[4],
      status: fields[5],
    };
    expect(row?.errors.length === 0).toBe(UserProfileInput.safeParse(profile).success);
  });
});

describe('status values', () => {
  it('accepts any case and leaves an empty status to the stored or default value', () => {
    const rows = readRows(
      [
        { line: 2, fields: ['A1', 'A', 'B', 'a1@agency.gov', '', 'ACTIVE'] },
        { line: 3, fields: ['A2', 'A', 'B', 'a2@agency.gov', '', ' inactive '] },
        { line: 4, fields: ['A3', 'A', 'B', 'a3@agency.gov', '', ''] },
      ],
      header,
    );
    expect(rows.map((r) => [r.status, r.errors])).toEqual([
      ['Active', []],
      ['Inactive', []],
      [null, []],
    ]);
  });
});
