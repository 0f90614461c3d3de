import type { ItemView } from '../item-view.js';
import { CHARACTERISTIC, PORTING_CHARACTERISTICS } from '../order-vocabulary.js';

const PORT_LABEL = /\bport(?:ing)?[- ]?in\b|\bnumber (?:port|transfer)\b/i;

/** True when an item asks to port a number in: it carries porting characteristics or is named so. */
export function isPortIn(item: ItemView): boolean {
  return PORTING_CHARACTERISTICS.some((name) => item.characteristics.has(name)) || PORT_LABEL.test(item.label);
}

/** The further numbers of a port-in as entered (comma or semicolon separated), trimmed, empty entries left out. */
export function additionalPortNumbers(item: ItemView): string[] {
  const raw = item.characteristics.get(CHARACTERISTIC.portingAdditionalNumbers)?.value ?? '';
  return raw.split(/[,;]/).map((x) => x.trim()).filter((x) => x !== '');
}

/** The 10-digit NANP form of a number as written (a leading 1 dropped), or undefined when it has another length. */
export function tenDigits(tn: string): string | undefined {
  const d = tn.replace(/\D/g, '');
  const ten = d.length === 11 && d.startsWith('1') ? d.slice(1) : d;
  return ten.length === 10 ? ten : undefined;
}
