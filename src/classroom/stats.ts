/** Small summary statistics for the gradebook. */

/** Arithmetic mean; null for an empty list. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Median (mean of the two middle values for an even count); null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Share of values at or above `mark`, 0…1; null for an empty list. */
export function passRate(values: readonly number[], mark: number): number | null {
  if (values.length === 0) return null;
  return values.filter((v) => v >= mark).length / values.length;
}
