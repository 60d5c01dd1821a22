/**
 * Generates malformed payloads for a channel from its zod input schema: wrong types at the top
 * and in every field, each required field missing, a huge string in every field, and
 * prototype-pollution keys — each applied to an otherwise valid input built from the schema, so
 * that the one defect is what the gateway must catch.
 */
import type { z } from 'zod';

/** Longer than anything the browser host would even accept as a whole request (5 MB). */
const HUGE = 'x'.repeat(6 * 1024 * 1024);

/** One malformed payload and what is wrong with it. */
export interface Malformed {
  name: string;
  payload: unknown;
}

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

/** The object schema inside optional/default/pipe wrappers, or null. */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  const def = defOf(schema);
  if (def.type === 'object') return def['shape'] as Record<string, z.ZodType>;
  if (['optional', 'default', 'nullable', 'readonly', 'prefault'].includes(def.type)) {
    return objectShape(def['innerType'] as z.ZodType);
  }
  if (def.type === 'pipe') return objectShape(def['in'] as z.ZodType);
  return null;
}

const SAMPLE_STRINGS = [
  'FrontDesk',
  'front.desk@agency.gov',
  'Active',
  '123456',
  'Aa1!aaaaaaaa',
  'Bb2@bbbbbbbbbb',
  '2026-04-23',
  'a',
  // A code email template must hold the code's placeholder (the guide's own email).
  'Hello {{User First Name}}. Your one-time authorization code is: {{Code}}',
];

const SAMPLE_NUMBERS = [1, 6, 10, 60];

/**
 * Fixes the fields a whole-object rule still rejects (a cross-field check, a field optional on
 * its own but required by its form) by trying the sample values at each reported path.
 */
export function repaired(schema: z.ZodType, value: unknown): unknown {
  let current = value;
  for (let round = 0; round < 10; round++) {
    const parsed = schema.safeParse(current);
    const where = parsed.success ? undefined : parsed.error.issues[0]?.path;
    if (!where?.length) return current;
    const fixed = [...SAMPLE_STRINGS, ...SAMPLE_NUMBERS, true]
      .map((sample) => withValueAt(current, where, sample))
      .find((candidate) => {
        const next = schema.safeParse(candidate);
        return next.success || String(next.error.issues[0]?.path) !== String(where);
      });
    if (fixed === undefined) return current;
    current = fixed;
  }
  return current;
}

function withValueAt(target: unknown, where: readonly PropertyKey[], value: unknown): unknown {
  const [head, ...rest] = where;
  if (head === undefined || typeof target !== 'object' || target === null) return value;
  const copy = { ...(target as Record<PropertyKey, unknown>) };
  copy[head] = withValueAt(copy[head] ?? {}, rest, value);
  return copy;
}

/** A value the schema accepts, found by trying typical values; undefined when none fits. */
export function validValue(schema: z.ZodType): unknown {
  const shape = objectShape(schema);
  if (shape) {
    const value: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(shape)) {
      if (accepts(field, undefined)) continue;
      value[key] = validValue(field);
    }
    return value;
  }
  const def = defOf(schema);
  const candidates: unknown[] = [...SAMPLE_STRINGS, ...SAMPLE_NUMBERS, true, undefined];
  if (def.type === 'enum') candidates.unshift(...Object.values(def['entries'] as object));
  if (def.type === 'literal') candidates.unshift(...(def['values'] as unknown[]));
  if (def.type === 'array') candidates.unshift([validValue(def['element'] as z.ZodType)]);
  for (const inner of ['innerType', 'in']) {
    if (def[inner]) candidates.unshift(validValue(def[inner] as z.ZodType));
  }
  return candidates.find((c) => accepts(schema, c));
}

const WRONG_TYPES: [string, unknown][] = [
  ['a number', 42],
  ['a string', 'text'],
  ['a boolean', true],
  ['null', null],
  ['an array', []],
  ['an object', {}],
  ['NaN', Number.NaN],
];

/** Own `__proto__` / `constructor` keys, as JSON.parse creates them from a hostile request. */
function pollute(base: Record<string, unknown>): Malformed[] {
  const proto = JSON.parse('{"__proto__": {"polluted": true}}') as object;
  return [
    { name: '__proto__ key', payload: { ...base, ...proto } },
    {
      name: 'constructor key',
      payload: { ...base, constructor: { prototype: { polluted: true } } },
    },
    { name: 'prototype key', payload: { ...base, prototype: { polluted: true } } },
  ];
}

/**
 * The valid input every mutation starts from. The spec checks that the schema accepts it: a
 * base that is itself invalid would have every mutation refused for the wrong reason.
 */
export function validBase(schema: z.ZodType): unknown {
  return repaired(schema, validValue(schema));
}

/** Every malformed payload for one input schema. */
export function malformedPayloads(schema: z.ZodType): Malformed[] {
  const out: Malformed[] = [];
  for (const [name, value] of WRONG_TYPES) {
    if (!accepts(schema, value)) out.push({ name: `input is ${name}`, payload: value });
  }
  out.push({ name: 'input is a huge string', payload: HUGE });
  const base = validBase(schema);
  const shape = objectShape(schema);
  if (!shape || typeof base !== 'object' || base === null) return out;
  out.push(...mutateObject(shape, base as Record<string, unknown>, (inner) => inner, ''));
  return out;
}

/** Mutations of each field of an object (recursing into nested objects such as `profile`). */
function mutateObject(
  shape: Record<string, z.ZodType>,
  base: Record<string, unknown>,
  wrap: (inner: Record<string, unknown>) => unknown,
  prefix: string,
): Malformed[] {
  const out: Malformed[] = pollute(base).map((m) => ({
    name: `${prefix}${m.name}`,
    payload: wrap(m.payload as Record<string, unknown>),
  }));
  for (const [key, field] of Object.entries(shape)) {
    const at = `${prefix}${key}`;
    if (!accepts(field, undefined) && key in base) {
      const rest = { ...base };
      delete rest[key];
      out.push({ name: `${at} missing`, payload: wrap(rest) });
    }
    for (const [name, value] of WRONG_TYPES) {
      if (!accepts(field, value)) {
        out.push({ name: `${at} is ${name}`, payload: wrap({ ...base, [key]: value }) });
      }
    }
    out.push({ name: `${at} is a huge string`, payload: wrap({ ...base, [key]: HUGE }) });
    const nested = objectShape(field);
    const nestedBase = base[key] ?? validValue(field);
    if (nested && typeof nestedBase === 'object' && nestedBase !== null) {
      out.push(
        ...mutateObject(
          nested,
          nestedBase as Record<string, unknown>,
          (inner) => wrap({ ...base, [key]: inner }),
          `${at}.`,
        ),
      );
    }
  }
  return out;
}
