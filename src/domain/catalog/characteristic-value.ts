import type { EffectiveCharacteristic } from './catalog.js';
import type { CharacteristicValueSpecification, CharacteristicValueType } from './product-specification.js';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INTEGER = /^-?\d+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** A value read from an order, normalised to its type; undefined when it does not have the type. */
export function normaliseValue(type: CharacteristicValueType, value: unknown): string | number | boolean | undefined {
  switch (type) {
    case 'string':
      // Numbers are accepted for strings: clients often send digit strings (ICCID, PIN) as JSON numbers.
      return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
    case 'integer':
      if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
      return typeof value === 'string' && INTEGER.test(value.trim()) ? Number(value) : undefined;
    case 'number':
      if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
      return typeof value === 'string' && NUMBER.test(value.trim()) ? Number(value) : undefined;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      return value === 'true' ? true : value === 'false' ? false : undefined;
    case 'dateTime':
      return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
    case 'date':
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
  }
}

function matchesEntry(v: string | number | boolean, entry: CharacteristicValueSpecification): boolean {
  if (entry.value !== undefined) return entry.value === v;
  if (typeof v !== 'number') return false;
  return (entry.valueFrom === undefined || v >= entry.valueFrom) && (entry.valueTo === undefined || v <= entry.valueTo);
}

/** Describes one allowed value or range for a message ("1..4", "nano"). */
export function describeAllowed(entry: CharacteristicValueSpecification): string {
  if (entry.value !== undefined) return String(entry.value);
  return `${entry.valueFrom ?? ''}..${entry.valueTo ?? ''}`;
}

/** Why a value does not fit a characteristic, or undefined when it fits. */
export function characteristicValueProblem(c: EffectiveCharacteristic, value: unknown): string | undefined {
  const type = c.spec.valueType;
  const v = normaliseValue(type, value);
  if (v === undefined) return `${c.name} must be a ${type}, got ${JSON.stringify(value) ?? 'nothing'}`;
  if (c.pattern !== undefined && !c.pattern.test(String(v))) {
    return `${c.name} ${JSON.stringify(value)} does not match ${c.spec.regex ?? ''}`;
  }
  if (c.allowed !== undefined && c.allowed.length > 0 && !c.allowed.some((e) => matchesEntry(v, e))) {
    const list = c.allowed.map(describeAllowed).join(', ');
    return c.spec.configurable
      ? `${c.name} ${JSON.stringify(value)} is not one of: ${list}`
      : `${c.name} is fixed to ${list} by this offering, got ${JSON.stringify(value)}`;
  }
  return undefined;
}

/** True when a catalog value (allowed value or default) has the declared type. */
export function catalogValueFits(type: CharacteristicValueType, entry: CharacteristicValueSpecification): boolean {
  if (entry.value !== undefined) {
    const v = normaliseValue(type, entry.value);
    return v !== undefined && typeof v === typeof entry.value;
  }
  return (type === 'integer' || type === 'number') && (entry.valueFrom !== undefined || entry.valueTo !== undefined);
}
