/**
 * Kubernetes resource quantities ("100m", "512Mi", "1e3"), parsed the way
 * k8s.io/apimachinery/pkg/api/resource.ParseQuantity does:
 *
 *   <quantity> ::= <sign>? <number> <suffix>
 *   <number>   ::= <digits> | <digits>.<digits> | <digits>. | .<digits>
 *   <suffix>   ::= Ki | Mi | Gi | Ti | Pi | Ei | n | u | m | "" | k | M | G | T | P | E | (e|E)<signed integer>
 *
 * The value is kept exact (a bigint mantissa and a decimal scale) and, like upstream, rounded up
 * (away from zero) to whole nano units; binary-suffixed values are capped at 2^63-1.
 * Upstream quirks kept on purpose: a lone suffix such as "m" or "-" parses as zero, "1." is 1.
 */
import { shownValue } from './shown-value.ts';

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** value = unscaled * 10^-scale. After parsing, scale <= 9 (nano precision). */
export interface Quantity {
  readonly unscaled: bigint;
  readonly scale: number;
  readonly format: QuantityFormat;
}

/** A malformed quantity. The message names the field when one was given. */
export class QuantityError extends Error {
  override readonly name = 'QuantityError';
  constructor(
    readonly input: string,
    readonly field: string | undefined,
    reason?: string,
  ) {
    const what = reason ?? `invalid quantity ${shownValue(input)}`;
    super(field === undefined || field === '' ? what : `${field}: ${what}`);
  }
}

const DECIMAL_SUFFIX: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const SUFFIX_CHARS = 'eEinumkKMGTP';
const MAX_INT64 = (1n << 63n) - 1n;
const NANO_SCALE = 9;
/** Beyond this the value is astronomically out of any resource's range; upstream would overflow int64. */
const MAX_EXPONENT = 1000;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

interface Scanned {
  readonly negative: boolean;
  readonly num: string;
  readonly denom: string;
  readonly suffix: string;
}

/** Splits "-1.5Gi" into sign, integer digits, fraction digits and suffix (upstream parseQuantityString). */
function scan(str: string): Scanned | null {
  let pos = 0;
  let negative = false;
  if (str[0] === '-' || str[0] === '+') {
    negative = str[0] === '-';
    pos = 1;
  }
  const numStart = pos;
  while (isDigit(str[pos])) pos++;
  const num = str.slice(numStart, pos);
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    const denomStart = pos;
    while (isDigit(str[pos])) pos++;
    denom = str.slice(denomStart, pos);
  }
  const suffixStart = pos;
  while (pos < str.length && SUFFIX_CHARS.includes(str[pos] ?? '')) pos++;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (isDigit(str[pos])) pos++;
  if (pos !== str.length) return null;
  return { negative, num, denom, suffix: str.slice(suffixStart) };
}

type Interpreted = { readonly base: 10 | 2; readonly exponent: number; readonly format: QuantityFormat };

function interpretSuffix(suffix: string): Interpreted | null {
  const dec = DECIMAL_SUFFIX[suffix];
  if (dec !== undefined) return { base: 10, exponent: dec, format: 'DecimalSI' };
  const bin = BINARY_SUFFIX[suffix];
  if (bin !== undefined) return { base: 2, exponent: bin, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
    return { base: 10, exponent: Number(suffix.slice(1)), format: 'DecimalExponent' };
  }
  return null;
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Divides, rounding the magnitude up (away from zero), as inf.RoundUp does. */
function divRoundUp(value: bigint, divisor: bigint): bigint {
  const q = value / divisor;
  if (q * divisor === value) return q;
  return value < 0n ? q - 1n : q + 1n;
}

/** Parses a quantity; throws QuantityError naming `field` (e.g. "spec.containers[0].resources.requests.cpu"). */
export function parseQuantity(input: string, field?: string): Quantity {
  if (input === '') throw new QuantityError(input, field);
  const scanned = scan(input);
  if (scanned === null) throw new QuantityError(input, field);
  const suffix = interpretSuffix(scanned.suffix);
  if (suffix === null) throw new QuantityError(input, field);
  if (Math.abs(suffix.exponent) > MAX_EXPONENT) throw new QuantityError(input, field, `quantity ${shownValue(input)} is out of range`);

  const digits = (scanned.num === '' ? '0' : scanned.num) + scanned.denom;
  let unscaled = BigInt(digits);
  let scale = scanned.denom.length;
  if (suffix.base === 10) scale -= suffix.exponent;
  else unscaled <<= BigInt(suffix.exponent);
  if (scale < 0) {
    unscaled *= pow10(-scale);
    scale = 0;
  }
  if (scale > NANO_SCALE) {
    // Non-zero amounts are rounded up to the smallest representable value, as upstream does.
    unscaled = divRoundUp(unscaled, pow10(scale - NANO_SCALE));
    scale = NANO_SCALE;
  }
  let format = suffix.format;
  if (format === 'BinarySI') {
    if (unscaled > MAX_INT64 * pow10(scale)) {
      unscaled = MAX_INT64;
      scale = 0;
    }
    if (unscaled > 0n && unscaled < pow10(scale)) format = 'DecimalSI';
  }
  return { unscaled: scanned.negative ? -unscaled : unscaled, scale, format };
}

/** The exact value in nano units (every parsed quantity is a whole number of nanos). */
export function nanoValue(q: Quantity): bigint {
  return q.unscaled * pow10(NANO_SCALE - q.scale);
}

/**
 * ceil(nanos / 10^digits), the rounding of upstream ScaledValue for positive values. Results beyond
 * int64 are clamped to ±(2^63-1) (upstream would overflow); beyond 2^53 the number is approximate.
 */
export function nanosToScaled(nanos: bigint, digits: number): number {
  const divisor = pow10(digits);
  let q = nanos / divisor;
  if (q * divisor < nanos) q += 1n;
  if (q > MAX_INT64) q = MAX_INT64;
  if (q < -MAX_INT64) q = -MAX_INT64;
  return Number(q);
}

/** ceil(q * 1000): CPU in millicores (upstream Quantity.MilliValue). */
export function milliValue(q: Quantity): number {
  return nanosToScaled(nanoValue(q), 6);
}

/** ceil(q): bytes, pods, devices (upstream Quantity.Value). */
export function value(q: Quantity): number {
  return nanosToScaled(nanoValue(q), 9);
}

export const isNegative = (q: Quantity): boolean => q.unscaled < 0n;

/** True when the two quantities are the same number (formats may differ: "1Ki" equals "1024"). */
export function quantityEquals(a: Quantity, b: Quantity): boolean {
  return nanoValue(a) === nanoValue(b);
}
