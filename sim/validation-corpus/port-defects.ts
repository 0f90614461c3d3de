import type { RandomStream } from '../random/index.js';
import { nicknamesOf, type World } from '../world/index.js';
import { FAMILY_NAMES, GIVEN_NAMES } from '../world/names/person-names.js';
import { characteristic, removeCharacteristic, setCharacteristic, type BodyItem } from './body-paths.js';
import { labelOf, type BenignVariant, type DefectKind, type DefectLabel } from './defect-kinds.js';

/** Defects of a port-in item: its number, the authorised name, required fields. */
export const PORT_DEFECT_KINDS = ['port-number-invalid', 'port-number-toll-free', 'port-name-mismatch', 'port-missing-account', 'port-missing-pin'] as const satisfies readonly DefectKind[];
/** A port-in defect kind. */
export type PortDefectKind = (typeof PORT_DEFECT_KINDS)[number];

/** What the world says about the account a port-in item draws on. */
export interface PortTruth {
  /** The losing carrier requires a port-out PIN. */
  readonly pinRequired: boolean;
  readonly givenName?: string;
  readonly familyName?: string;
}

/** Whether a port defect can be injected into this item. */
export function portDefectApplies(kind: PortDefectKind, port: BodyItem, truth: PortTruth): boolean {
  if (kind === 'port-missing-pin') return truth.pinRequired && characteristic(port.item, 'portingPin') !== undefined;
  if (kind === 'port-name-mismatch') return truth.givenName !== undefined;
  return true;
}

function invalidNumber(rng: RandomStream, tn: string): string {
  const d = tn.replace(/\D/g, '').slice(-10);
  return rng.weighted([
    [`555${d.slice(3)}`, 3], // no such area code
    [`${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 9)}`, 2], // a digit short
    [`${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}${rng.int(0, 9)}`, 1], // a digit too many
    [`(${d.slice(0, 3)}) 011-${d.slice(6)}`, 1], // exchange starting with 0
  ]);
}

function otherPerson(rng: RandomStream, t: PortTruth): string {
  const given = t.givenName ?? '';
  const others = GIVEN_NAMES.filter((g) => g !== given && !nicknamesOf(given).includes(g) && g[0] !== given[0]);
  // A household member (same surname) is the usual case; sometimes someone else entirely.
  return rng.bernoulli(0.7) ? `${rng.pick(others)} ${t.familyName ?? ''}` : `${rng.pick(others)} ${rng.pick(FAMILY_NAMES.filter((f) => f !== t.familyName))}`;
}

/** Breaks one field of a port-in item; returns the label. */
export function injectPortDefect(rng: RandomStream, port: BodyItem, kind: PortDefectKind, truth: PortTruth): DefectLabel {
  switch (kind) {
    case 'port-number-invalid':
      return labelOf(kind, setCharacteristic(port, 'msisdn', invalidNumber(rng, characteristic(port.item, 'msisdn') ?? '')));
    case 'port-number-toll-free':
      return labelOf(kind, setCharacteristic(port, 'msisdn', `${rng.pick(['800', '888', '877', '866'])}-${rng.int(200, 999)}-${rng.chars(4)}`));
    case 'port-name-mismatch':
      return labelOf(kind, setCharacteristic(port, 'portingAuthorisationName', otherPerson(rng, truth)));
    case 'port-missing-account':
      removeCharacteristic(port.item, 'portingAccountNumber');
      return labelOf(kind, port.path);
    case 'port-missing-pin':
      removeCharacteristic(port.item, 'portingPin');
      return labelOf(kind, port.path);
  }
}

/** Writes a benign variation of the authorised name (nickname, initial, surname first). */
export function applyNameVariant(rng: RandomStream, port: BodyItem, variant: BenignVariant, truth: PortTruth): boolean {
  const { givenName: given, familyName: family } = truth;
  if (given === undefined || family === undefined) return false;
  const nicks = nicknamesOf(given);
  if (variant === 'nickname-authorised') {
    if (nicks.length === 0) return false;
    setCharacteristic(port, 'portingAuthorisationName', `${rng.pick(nicks)} ${family}`);
  } else if (variant === 'initial-authorised') {
    setCharacteristic(port, 'portingAuthorisationName', rng.pick([`${given.charAt(0)}. ${family}`, `${given} ${rng.pick(['A.', 'J.', 'M.', 'R.'])} ${family}`]));
  } else if (variant === 'surname-first-authorised') {
    setCharacteristic(port, 'portingAuthorisationName', rng.pick([`${family.toUpperCase()}, ${given.toUpperCase()}`, `${family}, ${given}`, `Mr. ${given} ${family}`]));
  } else return false;
  return true;
}

/** A realistic mistyped contact number (short, long, or in a non-existent area code). */
export function badContactNumber(rng: RandomStream, tn: string): string {
  return invalidNumber(rng, tn);
}

/** A well-formed contact number in one of the ways people write numbers. */
export function goodContactNumber(rng: RandomStream, tn: string): string {
  const [a, b, c] = [tn.slice(0, 3), tn.slice(3, 6), tn.slice(6)];
  return rng.pick([`(${a}) ${b}-${c}`, `${a}-${b}-${c}`, `${a}.${b}.${c}`, `+1 ${a} ${b} ${c}`]);
}

/** The world's truth for a port-in item: the customer's names and whether the carrier needs a PIN. */
export function portTruthOf(world: World, customerId: string): PortTruth {
  const customer = world.customer(customerId);
  const account = customer?.carrierAccount;
  const carrier = world.carriers.find((c) => c.id === account?.carrierId);
  const holder = account?.businessName === undefined ? account?.authorizedNames[0] : undefined;
  const [givenName, ...rest] = (holder ?? '').split(' ');
  return {
    pinRequired: carrier?.requiresPin ?? false,
    ...(holder === undefined || givenName === undefined || rest.length === 0 ? {} : { givenName, familyName: rest.join(' ') }),
  };
}

