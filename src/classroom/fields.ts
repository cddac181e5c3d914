/** Field readers for validating decoded JSON: each names the field and says what is wrong with it. */
import { type CodecFailure, fail } from './codec';
import { sanitiseText } from './sanitise';

/** Thrown inside a validator and caught at its boundary (never escapes a module). */
export class Refusal extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Stops validation with a message about one field. */
export function refuse(field: string, message: string): never {
  throw new Refusal(field, message);
}

/** Runs a validator; a Refusal (or anything unexpected) becomes a failure instead of a throw. */
export function guard<T>(kind: string, run: () => T): { ok: true; value: T } | CodecFailure {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (error instanceof Refusal) return fail('invalid', error.message, error.field);
    return fail('invalid', `This ${kind} could not be read (it is not in a shape Headroom knows).`);
  }
}

/** A plain object (not null, not an array), or a refusal naming `label`. */
export function readObject(value: unknown, field: string, label: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    refuse(field, `${label} is missing or is not a set of fields.`);
  return value as Record<string, unknown>;
}

/** An array of at most `max` entries. */
export function readArray(value: unknown, field: string, label: string, max: number): unknown[] {
  if (!Array.isArray(value)) refuse(field, `${label} is missing or is not a list.`);
  if (value.length > max) refuse(field, `${label} has ${value.length} entries; at most ${max} are allowed.`);
  return value;
}

/** Whether text holds a C0 control character or DEL (tab, LF and CR allowed when multiline). */
function hasControl(text: string, multiline: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7f || (c < 0x20 && !(multiline && (c === 9 || c === 10 || c === 13)))) return true;
  }
  return false;
}

/**
 * A string of 0…max characters (or min…max); control characters refused (line breaks only when multiline).
 * Invisible and direction-override characters are removed (`clean: false` keeps the text exactly as given).
 */
export function readText(
  value: unknown,
  field: string,
  label: string,
  options: { max: number; min?: number; multiline?: boolean; clean?: boolean },
): string {
  if (typeof value !== 'string') refuse(field, `${label} is missing or is not text.`);
  const text = options.clean === false ? value : sanitiseText(value);
  const min = options.min ?? 0;
  if (text.trim().length < min) refuse(field, `${label} is empty.`);
  if (value.length > options.max)
    refuse(field, `${label} is too long (${value.length} characters; at most ${options.max}).`);
  if (hasControl(text, options.multiline ?? false)) refuse(field, `${label} contains control characters.`);
  return text;
}

/** An integer in [min, max]. */
export function readInt(value: unknown, field: string, label: string, min: number, max: number): number {
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value))
    refuse(field, numberAsText(field, label, value));
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    refuse(field, `${label} ${describe(value)} is not a whole number from ${min} to ${max}.`);
  return value;
}

/** The message for a number written as text, e.g. `"passMark": "60"` where `"passMark": 60` belongs. */
export function numberAsText(field: string, label: string, value: string): string {
  const at = field === '' ? '' : ` (field “${field}”)`;
  const v = value.trim();
  if (!/^-?\d+(\.\d+)?$/.test(v)) return `${label}${at} is the text ${describe(value)}: it must be a number.`;
  return `${label}${at} is written as text, “${v}” in quotes: it must be a plain number, ${v} without quotes.`;
}

/** A time in epoch milliseconds between 2020 and 2200. */
export function readTime(value: unknown, field: string, label: string): number {
  return readInt(value, field, label, Date.UTC(2020, 0, 1), Date.UTC(2200, 0, 1));
}

/** Short description of a wrong value for a message (never the whole value: it may be huge). */
export function describe(value: unknown): string {
  if (value === undefined) return '(missing)';
  if (typeof value === 'string') return `“${value.length > 24 ? `${value.slice(0, 24)}…` : value}”`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? '(a list)' : '(a set of fields)';
}
