/** A US postal address split into USPS Publication 28 parts, upper case and abbreviated. */
export interface UsAddress {
  readonly streetNr?: string;
  readonly preDirectional?: string;
  /** Street name without directionals or suffix, ordinals as numbers ("1ST"). */
  readonly streetName?: string;
  /** USPS suffix abbreviation ("ST", "AVE"). */
  readonly streetType?: string;
  readonly postDirectional?: string;
  /** USPS unit designator ("APT", "STE", "UNIT"). */
  readonly unitType?: string;
  readonly unitNumber?: string;
  /** The box number of a PO box address. */
  readonly poBox?: string;
  readonly city?: string;
  /** Two-letter USPS state code, when the given state was recognised. */
  readonly state?: string;
  /** The state as given, when it was not recognised. */
  readonly stateGiven?: string;
  readonly zip?: string;
  readonly zip4?: string;
  /** Two-letter country code; "US" when none was given. */
  readonly country: string;
}

/** The street line in USPS form, e.g. "123 N MAIN ST APT 5B" or "PO BOX 12". */
export function streetLine(a: UsAddress): string {
  if (a.poBox !== undefined) return `PO BOX ${a.poBox}`;
  const unit = a.unitType === undefined ? undefined : [a.unitType, a.unitNumber].filter(Boolean).join(' ');
  return [a.streetNr, a.preDirectional, a.streetName, a.streetType, a.postDirectional, unit]
    .filter((s): s is string => s !== undefined && s !== '')
    .join(' ');
}

/** The street without house number or unit ("N MAIN ST"): the key known streets are listed by. */
export function streetKey(a: UsAddress): string {
  return [a.preDirectional, a.streetName, a.streetType, a.postDirectional]
    .filter((s): s is string => s !== undefined && s !== '')
    .join(' ');
}

/** The whole address on one line in USPS form. */
export function oneLine(a: UsAddress): string {
  const zip = a.zip === undefined ? undefined : a.zip4 === undefined ? a.zip : `${a.zip}-${a.zip4}`;
  const last = [a.state ?? a.stateGiven, zip].filter(Boolean).join(' ');
  return [streetLine(a), a.city, last].filter((s) => s !== undefined && s !== '').join(', ');
}
