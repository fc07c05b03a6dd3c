import DecimalLib from 'decimal.js';

/**
 * Exact decimal arithmetic for money and percentages. Rounding is half away from zero, as
 * Excel's ROUND does on the decimal value it shows (21.525 → 21.53).
 */
export const Decimal = DecimalLib.clone({ precision: 40, rounding: DecimalLib.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
export const HUNDRED = new Decimal(100);

/**
 * The decimal an Excel number stands for. Excel keeps 15 significant digits, so a double
 * such as 0.30000000000000004 is the 0.3 the user typed.
 */
export function decimalFromNumber(n: number): Decimal {
  // Amounts and shares repeat across sheets (0.25, 100, 2.00 …): parse each distinct number once.
  let d = numberCache.get(n);
  if (d === undefined) {
    d = new Decimal(n.toPrecision(15));
    if (numberCache.size > 10_000) numberCache.clear();
    numberCache.set(n, d);
  }
  return d;
}
const numberCache = new Map<number, Decimal>();

/** Excel's ROUND(x, digits): half away from zero on the exact decimal. */
export function roundHalfAway(x: Decimal, digits: number): Decimal {
  return x.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((acc, v) => acc.plus(v), ZERO);
}

/** An amount as exact text with at least two decimals, never rounded: `2.00`, `1430.10`, `0.125`. */
export function amountText(x: Decimal): string {
  return x.toFixed(Math.max(2, x.decimalPlaces()));
}

/** The number of decimals written, ignoring trailing zeros (2.50 has 1). */
export function decimalPlaces(x: Decimal): number {
  return x.decimalPlaces();
}
