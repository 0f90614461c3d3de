import type { LifecycleStatus, TimePeriod } from './product-specification.js';

/** TMF620 price types used by Provisio. */
export const PRICE_TYPES = ['recurring', 'oneTime', 'usage'] as const;
/** Whether a price is charged every period, once, or per use. */
export type PriceType = (typeof PRICE_TYPES)[number];

/** An amount of money (TMF Money). */
export interface Money {
  readonly unit: string;
  readonly value: number;
}

/** A price of an offering (TMF620 ProductOfferingPrice), inline on the offering or shared by id. */
export interface ProductOfferingPrice {
  readonly id?: string;
  readonly name: string;
  readonly description?: string;
  readonly lifecycleStatus?: LifecycleStatus;
  readonly validFor?: TimePeriod;
  readonly priceType: PriceType;
  readonly recurringChargePeriodType?: string;
  readonly recurringChargePeriodLength?: number;
  readonly price: Money;
}

/** A reference to a shared price in `product-offering-prices.json`. */
export interface ProductOfferingPriceRef {
  readonly id: string;
  readonly name?: string;
}

/** A price on an offering: a shared reference (no `priceType`) or an inline value. */
export type ProductOfferingPriceRefOrValue = ProductOfferingPrice | ProductOfferingPriceRef;

/** True when the entry is a reference to a shared price rather than an inline price. */
export function isPriceRef(p: ProductOfferingPriceRefOrValue): p is ProductOfferingPriceRef {
  return !('priceType' in p);
}
