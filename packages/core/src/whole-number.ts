/**
 * The one test for the counts and sizes a caller passes (retries, page size, concurrency, a rate
 * limit): a whole number of at least `min`. `NaN`, `Infinity`, fractions and non-numbers fail.
 */
export function isWholeNumber(value: unknown, min: number): value is number {
  return Number.isInteger(value) && (value as number) >= min;
}
