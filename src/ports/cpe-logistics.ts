import type { Keyed } from './inventory-system.js';

/** Customer premises equipment logistics: shipping and recovering routers and set-top boxes. */
export interface CpeLogistics {
  /** Ships equipment to an address; returns the shipment and its expected delivery time (ms). */
  ship(req: Keyed & { readonly offeringId?: string; readonly place?: unknown }): Promise<{ readonly shipmentId: string; readonly deliveredAt?: number }>;
  /** Cancels a shipment (or arranges its return). */
  cancelShipment(req: Keyed & { readonly shipmentId: string }): Promise<void>;
  /** Arranges the return of equipment from the customer. */
  recover(req: Keyed & { readonly productId?: string }): Promise<{ readonly returnId: string }>;
}
