/** A US postal address as the simulated world knows it (the truth, before any entry error). */
export interface PostalAddress {
  readonly streetNumber: string;
  /** Pre-directional, e.g. `N`, when the street has one. */
  readonly preDirectional?: string;
  /** The street name without type, e.g. `Maple`. */
  readonly streetName: string;
  /** USPS suffix abbreviation, e.g. `Ave`. */
  readonly streetType: string;
  /** Unit designator and number, e.g. `Apt` + `4B`, for multi-dwelling buildings. */
  readonly unitType?: string;
  readonly unit?: string;
  /** A PO box number: never valid as a service address. */
  readonly poBox?: string;
  readonly city: string;
  readonly state: string;
  readonly postalCode: string;
}

/** The street line, e.g. `1204 N Maple Ave Apt 4B`, or `PO Box 77`. */
export function streetLine(a: PostalAddress): string {
  if (a.poBox !== undefined) return `PO Box ${a.poBox}`;
  const parts = [a.streetNumber, a.preDirectional, a.streetName, a.streetType];
  if (a.unit !== undefined) parts.push(a.unitType ?? 'Unit', a.unit);
  return parts.filter((p) => p !== undefined && p !== '').join(' ');
}

/** One line: `1204 N Maple Ave Apt 4B, Austin, TX 78701`. */
export function formatAddress(a: PostalAddress): string {
  return `${streetLine(a)}, ${a.city}, ${a.state} ${a.postalCode}`;
}

/** The key of a building: house number, directional, street, type and ZIP, upper-cased. */
export function buildingKey(a: Pick<PostalAddress, 'streetNumber' | 'preDirectional' | 'streetName' | 'streetType' | 'postalCode'>): string {
  return [a.streetNumber, a.preDirectional ?? '', a.streetName, a.streetType, a.postalCode.slice(0, 5)]
    .join('|')
    .toUpperCase();
}
