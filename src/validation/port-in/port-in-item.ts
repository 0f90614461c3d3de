import type { ItemView } from '../item-view.js';
import { PORTING_CHARACTERISTICS, WIRELESS_PRODUCT_CUES } from '../order-vocabulary.js';

const PORT_LABEL = /\bport(?:ing)?[- ]?in\b|\bnumber (?:port|transfer)\b/i;

/** True when an item asks to port a number in: it carries porting characteristics or is named so. */
export function isPortIn(item: ItemView): boolean {
  return PORTING_CHARACTERISTICS.some((name) => item.characteristics.has(name)) || PORT_LABEL.test(item.label);
}

/** True when an item's product is wireless (mobile), where a port-out PIN is almost always required. */
export function isWireless(item: ItemView): boolean {
  return WIRELESS_PRODUCT_CUES.test(item.label);
}
