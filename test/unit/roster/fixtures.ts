/**
 * A small roster with the guide's users, case variants, ties and the characters that mean
 * something to FTS5 or LIKE (quote, star, hyphen, percent, underscore), for the roster tests.
 */
import type { UserProfile } from '../../../src-main/roster/schemas.js';

const phone = '(602) 954-9557';

export const ROSTER: UserProfile[] = [
  {
    userName: 'FrontDesk',
    firstName: 'Front',
    lastName: 'Desk',
    email: 'frontdeskt@email.com',
    workPhone: phone,
    status: 'Active',
  },
  {
    userName: 'OfficeManager',
    firstName: 'Office',
    lastName: 'Manager',
    email: 'officemanager@email.com',
    workPhone: phone,
    status: 'Active',
  },
  {
    userName: 'JeremyStephens',
    firstName: 'Jeremy',
    lastName: 'Stephans',
    email: 'jstephans@email.com',
    workPhone: phone,
    status: 'Inactive',
  },
  {
    userName: 'BrianJackson',
    firstName: 'Brian',
    lastName: 'Jackson',
    email: 'bjackson@email.com',
    workPhone: phone,
    status: 'Active',
  },
  {
    userName: 'AllisonBarry',
    firstName: 'Allison',
    lastName: 'Barry',
    email: 'abarry@email.com',
    workPhone: phone,
    status: 'Active',
  },
  {
    userName: 'ann.smith-jones',
    firstName: 'Ann "Annie"',
    lastName: 'Smith-Jones',
    email: 'ann_smith@maricopa-cares.org',
    workPhone: '(480) 555-0101',
    status: 'Active',
  },
  {
    userName: 'pgarcia',
    firstName: 'pablo',
    lastName: 'garcia',
    email: 'Pablo.Garcia@Maricopa-Cares.org',
    workPhone: '',
    status: 'Inactive',
  },
  {
    userName: 'RGarcia',
    firstName: 'Rosa',
    lastName: 'Garcia',
    email: 'rgarcia@maricopa-cares.org',
    workPhone: '(623) 555-0199',
    status: 'Active',
  },
  {
    userName: 'intake',
    firstName: 'Intake',
    lastName: 'Desk',
    email: 'intake@maricopa-cares.org',
    workPhone: '(480) 555-0100',
    status: 'Active',
  },
  {
    userName: 'star*man',
    firstName: 'Ziggy',
    lastName: "O'Neil",
    email: 'ziggy@valleyfamilyservices.org',
    workPhone: '(602) 555-0142',
    status: 'Inactive',
  },
  {
    userName: 'TNguyen',
    firstName: 'Tuan',
    lastName: 'Nguyen',
    email: 'or-not@youthconnect-az.org',
    workPhone: '(623) 555-0123',
    status: 'Active',
  },
  {
    userName: 'hundred',
    firstName: 'Percy',
    lastName: '100% Sure',
    email: 'percy@youthconnect-az.org',
    workPhone: phone,
    status: 'Active',
  },
];
