import type { ItemView } from '../item-view.js';
import { PORTING_CHARACTERISTICS } from '../order-vocabulary.js';

const PORT_LABEL = /\bport(?:ing)?[- ]?in\b|\bnumber (?:port|transfer)\b/i;

/** True when an item asks to port a number in: it carries porting characteristics or is named so. */
export function isPortIn(item: ItemView): boolean {
  return PORTING_CHARACTERISTICS.some((name) => item.characteristics.has(name)) || PORT_LABEL.test(item.label);
}
