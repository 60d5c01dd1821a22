/**
 * A deterministic, realistic roster of any size for benchmarks: varied names, personal work
 * addresses at a handful of agency domains, some role addresses, about one user in eight Inactive.
 */
import type { Database } from '../../src-main/db/connection.js';

const FIRST = `Maria Jose Luis Ana Carlos Sofia Daniel Rosa Miguel Laura David Elena James Patricia
Robert Jennifer Michael Linda William Elizabeth Richard Barbara Joseph Susan Thomas Jessica
Christopher Sarah Charles Karen Anthony Nancy Mark Lisa Donald Betty Steven Margaret Paul Sandra
Andrew Ashley Joshua Kimberly Kenneth Emily Kevin Donna Tuan Mai Linh Hoang Aisha Omar Fatima
Hassan Darnell Keisha Tyrone Latoya Wei Mei Jun Priya Raj Anjali Vikram Nizhoni Ahiga Kai Leilani
Grace Samuel Esperanza Guadalupe Alejandro Marisol Ricardo Yolanda Hector Beatriz Francisco
Veronica Dana Morgan Taylor Jordan Casey Renee Monique Andre Colleen Sean Bridget Declan`.split(
  /\s+/,
);

const LAST = `Garcia Martinez Rodriguez Lopez Hernandez Gonzalez Perez Sanchez Ramirez Torres Flores
Rivera Gomez Diaz Reyes Morales Cruz Ortiz Gutierrez Chavez Smith Johnson Williams Brown Jones
Miller Davis Wilson Anderson Taylor Thomas Moore Martin Thompson White Harris Clark Lewis Robinson
Walker Young Allen King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter
Phillips Evans Turner Nguyen Tran Le Pham Patel Shah Kim Park Chen Wang Begay Yazzie Tsosie Benally
Washington Jefferson Okafor Mensah Haddad Khalil OBrien McCarthy Kowalski Novak Schmidt Fischer
Rossi Bianchi Delgado Castillo Vasquez Romero Alvarez Jimenez Moreno Medina Aguilar Herrera Soto
Whitfield Blackwood Castellanos Fitzgerald Underwood Villanueva Abernathy Zamora Quintero Ybarra`.split(
  /\s+/,
);

/** Agency domains, the first ones much more common than the last (as in a real county roster). */
const DOMAINS = [
  'maricopa-cares.org',
  'maricopa-cares.org',
  'maricopa-cares.org',
  'valleyfamilyservices.org',
  'valleyfamilyservices.org',
  'youthconnect-az.org',
  'phxhousing.gov',
  'desertcounseling.net',
  'gilaseniors.org',
  'email.com',
];
const ROLES = ['intake', 'info', 'frontdesk', 'office', 'admin', 'reception'];

/** A small fast PRNG (mulberry32) so every run builds the same roster. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inserts `count` users in one transaction through one prepared statement. */
export function fillRoster(db: Database, count: number, seed = 2024): void {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const insert = db.prepare(
    'INSERT INTO users (user_name, first_name, last_name, email, work_phone, status, created_at) ' +
      'VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let i = 1; i <= count; i++) {
      const first = pick(FIRST);
      const last = pick(LAST);
      const domain = pick(DOMAINS);
      const local =
        rnd() < 0.01
          ? pick(ROLES)
          : rnd() < 0.6
            ? `${first[0]}${last}${i}`
            : `${first}.${last}${i}`;
      const phone = `(${pick(['602', '480', '623'])}) ${200 + Math.floor(rnd() * 790)}-${String(
        Math.floor(rnd() * 10000),
      ).padStart(4, '0')}`;
      insert.run(
        `${first}${last}${i}`,
        first,
        last,
        `${local.toLowerCase()}@${domain}`,
        phone,
        rnd() < 0.125 ? 'Inactive' : 'Active',
        new Date(Date.UTC(2015, 0, 1) + Math.floor(rnd() * 3e11)).toISOString(),
      );
    }
  })();
}
