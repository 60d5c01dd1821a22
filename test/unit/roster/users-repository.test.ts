import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/errors.js';
import type { FieldChange } from '../../../src-main/roster/change-recorder.js';
import type { UserProfile } from '../../../src-main/roster/schemas.js';
import { UsersRepository } from '../../../src-main/roster/users-repository.js';
import { tempDatabase } from '../db/temp-db.js';

let t: ReturnType<typeof tempDatabase>;
afterEach(() => t?.cleanup());

const allison: UserProfile = {
  userName: 'AllisonBarry',
  email: 'abarry@email.com',
  firstName: 'Allison',
  lastName: 'Barry',
  workPhone: '(602) 954-9557',
  status: 'Active',
};
const brian: UserProfile = {
  userName: 'BrianJackson',
  email: 'bjackson@email.com',
  firstName: 'Brian',
  lastName: 'Jackson',
  workPhone: '(602) 954-9557',
  status: 'Active',
};

function setUp() {
  t = tempDatabase();
  const recorded: FieldChange[][] = [];
  const users = new UsersRepository(t.db, t.clock, { record: (c) => recorded.push(c) });
  return { users, recorded };
}

function appError(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('UsersRepository create and get', () => {
  it('adds a user with the create date from the clock and reads it back', () => {
    const { users } = setUp();
    const created = users.create(allison);
    expect(created).toEqual({
      id: created.id,
      ...allison,
      createdAt: '2026-01-02T03:04:05.000Z',
      lastLoginAt: null,
      lastPasswordFailureAt: null,
      passwordFailuresSinceLastSuccess: 0,
    });
    expect(users.get(created.id)).toEqual(created);
    expect(users.count()).toBe(1);
  });

  it('trims values and refuses an invalid email with a message for that field', () => {
    const { users } = setUp();
    expect(
      users.create({ ...allison, userName: '  AllisonBarry ', email: ' a@b.org ' }).email,
    ).toBe('a@b.org');
    const error = appError(() => users.create({ ...brian, email: 'bjackson@email' }));
    expect(error.code).toBe('VALIDATION');
    expect(Object.keys(error.fields ?? {})).toEqual(['email']);
    expect(users.count()).toBe(1);
  });

  it('refuses a user name another user has, whatever its case', () => {
    const { users, recorded } = setUp();
    users.create(allison);
    const error = appError(() => users.create({ ...brian, userName: 'allisonBARRY' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.fields).toEqual({ userName: 'That user name is already taken.' });
    expect(users.count()).toBe(1);
    expect(recorded).toHaveLength(1);
  });

  it('answers NOT_FOUND for an unknown id', () => {
    const { users } = setUp();
    expect(appError(() => users.get(404)).code).toBe('NOT_FOUND');
  });

  it('records every field of a new user as changed from nothing', () => {
    const { users, recorded } = setUp();
    const { id } = users.create(allison);
    expect(recorded).toEqual([
      [
        { userId: id, field: 'userName', oldValue: null, newValue: 'AllisonBarry', source: 'edit' },
        {
          userId: id,
          field: 'email',
          oldValue: null,
          newValue: 'abarry@email.com',
          source: 'edit',
        },
        { userId: id, field: 'firstName', oldValue: null, newValue: 'Allison', source: 'edit' },
        { userId: id, field: 'lastName', oldValue: null, newValue: 'Barry', source: 'edit' },
        {
          userId: id,
          field: 'workPhone',
          oldValue: null,
          newValue: '(602) 954-9557',
          source: 'edit',
        },
        { userId: id, field: 'status', oldValue: null, newValue: 'Active', source: 'edit' },
      ],
    ]);
  });
});

describe('profile rules, as Save and Add User apply them', () => {
  const cases: Array<[string, Partial<UserProfile>, Record<string, string>]> = [
    [
      'every required field empty',
      { userName: '', email: '', firstName: '', lastName: '' },
      {
        userName: 'User Name is required.',
        email: 'Email Address is required.',
        firstName: 'First Name is required.',
        lastName: 'Last Name is required.',
      },
    ],
    [
      'required fields holding only spaces',
      { firstName: '   ', lastName: '\t ' },
      { firstName: 'First Name is required.', lastName: 'Last Name is required.' },
    ],
    [
      'a user name with a space inside',
      { userName: 'Allison Barry' },
      { userName: 'User Name cannot contain spaces.' },
    ],
    [
      'values longer than their limit',
      { userName: 'a'.repeat(65), firstName: 'F'.repeat(101), workPhone: '6'.repeat(33) },
      {
        userName: 'User Name must be at most 64 characters.',
        firstName: 'First Name must be at most 100 characters.',
        workPhone: 'Work Phone must be at most 32 characters.',
      },
    ],
    [
      'an address without a dot in its domain',
      { email: 'abarry@localhost' },
      { email: 'Enter a valid email address, like name@agency.gov.' },
    ],
  ];
  for (const [what, change, fields] of cases) {
    it(`refuses ${what}, with each message for its field, and saves nothing`, () => {
      const { users } = setUp();
      const error = appError(() => users.create({ ...allison, ...change }));
      expect(error.code).toBe('VALIDATION');
      expect(error.fields).toEqual(fields);
      expect(users.count()).toBe(0);
    });
  }

  it('accepts values at their limits, trimmed', () => {
    const { users } = setUp();
    const saved = users.create({
      ...allison,
      userName: ` ${'a'.repeat(64)} `,
      firstName: `  ${'F'.repeat(100)}`,
      workPhone: ` ${'6'.repeat(32)} `,
    });
    expect([saved.userName.length, saved.firstName.length, saved.workPhone]).toEqual([
      64,
      100,
      '6'.repeat(32),
    ]);
  });
});

describe('UsersRepository update', () => {
  it('saves the new email, records only the changed field and keeps the create date', () => {
    const { users, recorded } = setUp();
    const { id } = users.create(allison);
    recorded.length = 0;
    t.clock.set('2026-02-01T10:00:00.000Z');
    const saved = users.update(id, { ...allison, email: 'allison.barry@maricopa-cares.org' });
    expect(saved.email).toBe('allison.barry@maricopa-cares.org');
    expect(saved.createdAt).toBe('2026-01-02T03:04:05.000Z');
    expect(users.get(id).email).toBe('allison.barry@maricopa-cares.org');
    expect(recorded).toEqual([
      [
        {
          userId: id,
          field: 'email',
          oldValue: 'abarry@email.com',
          newValue: 'allison.barry@maricopa-cares.org',
          source: 'edit',
        },
      ],
    ]);
    expect(
      users.search({
        query: 'allison.barry@',
        status: 'All',
        sort: { column: 'userName', direction: 'asc' },
        page: 1,
        pageSize: 25,
      }).total,
    ).toBe(1);
    expect(
      users.search({
        query: 'abarry@',
        status: 'All',
        sort: { column: 'userName', direction: 'asc' },
        page: 1,
        pageSize: 25,
      }).total,
    ).toBe(0);
  });

  it('records nothing when nothing changed', () => {
    const { users, recorded } = setUp();
    const { id } = users.create(allison);
    recorded.length = 0;
    users.update(id, { ...allison, firstName: ' Allison ' });
    expect(recorded).toEqual([]);
  });

  it('lets a user change the case of their own user name but not take another one', () => {
    const { users } = setUp();
    const a = users.create(allison);
    users.create(brian);
    expect(users.update(a.id, { ...allison, userName: 'allisonbarry' }).userName).toBe(
      'allisonbarry',
    );
    const error = appError(() => users.update(a.id, { ...allison, userName: 'BRIANJACKSON' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.fields?.userName).toBe('That user name is already taken.');
    expect(users.get(a.id).userName).toBe('allisonbarry');
  });

  it('answers NOT_FOUND for an unknown id', () => {
    const { users } = setUp();
    expect(appError(() => users.update(77, allison)).code).toBe('NOT_FOUND');
  });

  it('rolls the change back when recording it fails', () => {
    t = tempDatabase();
    const plain = new UsersRepository(t.db, t.clock);
    const { id } = plain.create(allison);
    const failing = new UsersRepository(t.db, t.clock, {
      record: () => {
        throw new Error('audit log is full');
      },
    });
    expect(() => failing.update(id, { ...allison, email: 'new@agency.gov' })).toThrow(/audit/);
    expect(plain.get(id).email).toBe('abarry@email.com');
  });
});

describe('UsersRepository setStatus', () => {
  it('changes only users whose status differs, and counts them', () => {
    const { users, recorded } = setUp();
    const a = users.create(allison);
    const b = users.create({ ...brian, status: 'Inactive' });
    recorded.length = 0;
    expect(users.setStatus([a.id, b.id, 999], 'Inactive')).toBe(1);
    expect(users.get(a.id).status).toBe('Inactive');
    expect(recorded).toEqual([
      [{ userId: a.id, field: 'status', oldValue: 'Active', newValue: 'Inactive', source: 'bulk' }],
    ]);
    expect(users.setStatus([a.id, b.id], 'Inactive')).toBe(0);
    expect(users.setStatus([a.id, b.id, a.id], 'Active')).toBe(2);
    expect([users.get(a.id).status, users.get(b.id).status]).toEqual(['Active', 'Active']);
  });
});
