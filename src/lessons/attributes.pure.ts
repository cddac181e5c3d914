/** Reads a directive's `{key=value}` attributes, reporting unknown keys and wrong values by name. */

import type { TrackId } from '../production/types';
import type { ProblemList } from './problems.pure';
import { LESSON_STYLES, LESSON_TRACK_IDS, type LessonSource } from './schema';

/** Typed access to one directive's attributes; every mistake lands in `problems` at the directive's line. */
export class Attributes {
  private readonly values: Record<string, string | null | undefined>;
  constructor(
    private readonly directive: string,
    attributes: Record<string, string | null | undefined> | null | undefined,
    private readonly line: number,
    private readonly problems: ProblemList,
    allowed: readonly string[],
  ) {
    this.values = attributes ?? {};
    for (const key of Object.keys(this.values))
      if (!allowed.includes(key))
        this.fail(
          `unknown attribute "${key}" (${directive} takes ${allowed.map((a) => `"${a}"`).join(', ')})`,
        );
  }

  /** Records a mistake about this directive. */
  fail(reason: string): void {
    this.problems.add(this.line, `::${this.directive}: ${reason}`);
  }

  /** The raw text of an attribute, or undefined when absent. */
  text(key: string): string | undefined {
    const v = this.values[key];
    return v === null || v === undefined ? undefined : v;
  }

  /** A required text attribute ('' after reporting when absent). */
  required(key: string): string {
    const v = this.text(key);
    if (v === undefined || v.trim() === '') {
      this.fail(`"${key}" is required`);
      return '';
    }
    return v.trim();
  }

  /** A whole number in [min, max], `fallback` when absent. */
  int(key: string, min: number, max: number, fallback: number): number {
    const v = this.text(key);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!/^-?\d+$/.test(v.trim()) || n < min || n > max) {
      this.fail(`"${key}" must be a whole number from ${min} to ${max}, not "${v}"`);
      return fallback;
    }
    return n;
  }

  /** A number in [min, max], or undefined when absent (or wrong, after reporting). */
  number(key: string, min: number, max: number): number | undefined {
    const v = this.text(key);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
      this.fail(`"${key}" must be a number from ${min} to ${max}, not "${v}"`);
      return undefined;
    }
    return n;
  }

  /** A flag: present (`solo`, `solo=true`) or `key=false`. */
  flag(key: string, fallback: boolean): boolean {
    const v = this.text(key);
    if (v === undefined) return fallback;
    if (v === '' || v === 'true') return true;
    if (v === 'false') return false;
    this.fail(`"${key}" must be true or false, not "${v}"`);
    return fallback;
  }

  /** One of a fixed set of words. */
  oneOf<T extends string>(key: string, options: readonly T[], fallback: T): T {
    const v = this.text(key);
    if (v === undefined) return fallback;
    if ((options as readonly string[]).includes(v)) return v as T;
    this.fail(`"${key}" must be one of ${options.join(', ')}, not "${v}"`);
    return fallback;
  }

  /** `song="pop-3"` (style and seed) or `song="pink"` (pink noise). */
  source(): LessonSource {
    const v = this.required('song');
    if (v === '') return { type: 'pink' };
    if (v === 'pink') return { type: 'pink' };
    const m = /^([a-z]+)-(\d{1,6})$/.exec(v);
    const style = LESSON_STYLES.find((s) => s === m?.[1]);
    if (!m || !style) {
      this.fail(
        `"song" must be "pink" or a style and a seed like "pop-3" (styles: ${LESSON_STYLES.join(', ')}), not "${v}"`,
      );
      return { type: 'pink' };
    }
    return { type: 'song', style, seed: Number(m[2]) };
  }

  /** One track id, or undefined when absent. */
  track(key: string): TrackId | undefined {
    const v = this.text(key);
    if (v === undefined) return undefined;
    const t = LESSON_TRACK_IDS.find((id) => id === v);
    if (!t) this.fail(`"${key}" must be one of ${LESSON_TRACK_IDS.join(', ')}, not "${v}"`);
    return t;
  }

  /** A comma-separated list of words from `options`, or `fallback` when absent. */
  list<T extends string>(key: string, options: readonly T[], fallback: readonly T[]): T[] {
    const v = this.text(key);
    if (v === undefined) return [...fallback];
    const words = v.split(',').map((w) => w.trim());
    const bad = words.filter((w) => !(options as readonly string[]).includes(w));
    if (bad.length > 0 || words.length === 0) {
      this.fail(`"${key}" must list some of ${options.join(', ')}; "${bad.join('", "')}" is not one`);
      return [...fallback];
    }
    return [...new Set(words)] as T[];
  }
}
