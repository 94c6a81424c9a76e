import { describe, expect, it } from 'vitest';
import { milliValue, nanoValue, parseQuantity, QuantityError, value } from '../../src/model/quantity.ts';

/** Exact value as "<integer nanos>" so every case is checked to the last digit. */
const nanos = (s: string): string => nanoValue(parseQuantity(s)).toString();
const n = (decimal: string): string => {
  // decimal string (maybe fractional) -> nanos, for readable expectations
  const [int = '0', frac = ''] = decimal.split('.');
  return (BigInt(int + frac.padEnd(9, '0').slice(0, 9)) * 1n).toString();
};

describe('parseQuantity: upstream TestQuantityParse table (value and format)', () => {
  const cases: [string, string, 'DecimalSI' | 'BinarySI' | 'DecimalExponent'][] = [
    ['0', '0', 'DecimalSI'],
    ['0n', '0', 'DecimalSI'],
    ['0Ki', '0', 'BinarySI'],
    ['0Ti', '0', 'BinarySI'],
    ['1', '1', 'DecimalSI'],
    ['1Ki', '1024', 'BinarySI'],
    ['8Ki', String(8 * 1024), 'BinarySI'],
    ['7Mi', String(7 * 1024 * 1024), 'BinarySI'],
    ['6Gi', String(6 * 1024 ** 3), 'BinarySI'],
    ['5Ti', String(5 * 1024 ** 4), 'BinarySI'],
    ['4Pi', (4n * 1024n ** 5n).toString(), 'BinarySI'],
    ['3Ei', (3n * 1024n ** 6n).toString(), 'BinarySI'],
    ['5n', '0.000000005', 'DecimalSI'],
    ['4u', '0.000004', 'DecimalSI'],
    ['3m', '0.003', 'DecimalSI'],
    ['8k', '8000', 'DecimalSI'],
    ['50k', '50000', 'DecimalSI'],
    ['7M', '7000000', 'DecimalSI'],
    ['6G', '6000000000', 'DecimalSI'],
    ['300T', '300000000000000', 'DecimalSI'],
    ['2P', '2000000000000000', 'DecimalSI'],
    ['1E', '1000000000000000000', 'DecimalSI'],
    ['1E-3', '0.001', 'DecimalExponent'],
    ['1e3', '1000', 'DecimalExponent'],
    ['1E6', '1000000', 'DecimalExponent'],
    ['1e9', '1000000000', 'DecimalExponent'],
    ['100.035k', '100035', 'DecimalSI'],
    ['0.001', '0.001', 'DecimalSI'],
    ['0.0005k', '0.5', 'DecimalSI'],
    ['0.5', '0.5', 'DecimalSI'],
    ['0.5e0', '0.5', 'DecimalExponent'],
    ['0.5e-2', '0.005', 'DecimalExponent'],
    ['10.035M', '10035000', 'DecimalSI'],
    ['1.2e3', '1200', 'DecimalExponent'],
    ['1.3E+6', '1300000', 'DecimalExponent'],
    ['9.01', '9.01', 'DecimalSI'],
    ['7.123456M', '7123456', 'DecimalSI'],
    ['1.01E', '1010000000000000000', 'DecimalSI'],
    // things that round up to the next nano
    ['3.001n', '0.000000004', 'DecimalSI'],
    ['1.1E-9', '0.000000002', 'DecimalExponent'],
    ['0.0000000001', '0.000000001', 'DecimalSI'],
    ['0.5e-9', '0.000000001', 'DecimalExponent'],
    ['0.00000012345', '0.000000124', 'DecimalSI'],
    // binary saturates at 2^63-1
    ['9Ei', '9223372036854775807', 'BinarySI'],
    ['9223372036854775807Ki', '9223372036854775807', 'BinarySI'],
    ['12E', '12000000000000000000', 'DecimalSI'],
    // fractional binary
    ['100.035Ki', '102435.84', 'BinarySI'],
    ['0.5Mi', '524288', 'BinarySI'],
    ['0.05Gi', '53687091.2', 'BinarySI'],
    // "things written by trolls"
    ['0.000000000001Ki', '0.000000002', 'DecimalSI'],
    ['.001', '0.001', 'DecimalSI'],
    ['.0001k', '0.1', 'DecimalSI'],
    ['1.', '1', 'DecimalSI'],
    ['1.G', '1000000000', 'DecimalSI'],
  ];
  it.each(cases)('%s = %s (%s)', (input, expected, format) => {
    const q = parseQuantity(input);
    expect(nanoValue(q).toString()).toBe(n(expected));
    expect(q.format).toBe(format);
    // signs: "-x" is the negation, "+x" the same value
    expect(nanos(`-${input}`)).toBe(expected === '0' ? '0' : `-${n(expected)}`);
    expect(nanos(`+${input}`)).toBe(n(expected));
  });

  it.each(['1.1.M', '1+1.0M', '0.1mi', '0.1am', 'aoeu', '.5i', '1i', '-3.01e-', ' 1', '1 ', '', '12x', 'Non-Numeric'])('rejects %j', (input) => {
    expect(() => parseQuantity(input)).toThrow(QuantityError);
  });
});

describe('milliValue and value round up like MilliValue() / Value()', () => {
  it.each([
    ['100m', 100, 1],
    ['1', 1000, 1],
    ['1.5', 1500, 2],
    ['0.1m', 1, 1],
    ['2', 2000, 2],
    ['1Ki', 1_024_000, 1024],
    ['250u', 1, 1],
    ['1n', 1, 1],
    ['0', 0, 0],
    ['512Mi', 536_870_912_000, 536_870_912],
  ])('%s -> %d milli, %d units', (input, milli, units) => {
    const q = parseQuantity(input);
    expect(milliValue(q)).toBe(milli);
    expect(value(q)).toBe(units);
  });
});

describe('QuantityError', () => {
  it('names the field and the input', () => {
    expect(() => parseQuantity('12x', 'spec.containers[0].resources.requests.cpu')).toThrow(
      'spec.containers[0].resources.requests.cpu: invalid quantity "12x"',
    );
  });
  it('without a field, just the input', () => {
    expect(() => parseQuantity('2x')).toThrow(/^invalid quantity "2x"$/);
  });
});

describe('out-of-range values', () => {
  it('clamps conversions at int64 instead of overflowing', () => {
    expect(value(parseQuantity('1e30'))).toBe(Number((1n << 63n) - 1n));
    expect(() => parseQuantity('1e1001')).toThrow('quantity "1e1001" is out of range');
  });
});
