/** Every southbound call carries the task's idempotency key: the same on every attempt, one effect per key. */
export interface Keyed {
  readonly idempotencyKey: string;
}

/**
 * Resource inventory: SIMs, numbers and network ports. Throws SouthboundError (retryable or
 * permanent, with code and system) on failure.
 */
export interface InventorySystem {
  /** Reserves a SIM or eSIM profile for an item; returns its ICCID. */
  reserveSim(req: Keyed & { readonly simType: 'physical' | 'esim'; readonly iccid?: string }): Promise<{ readonly iccid: string }>;
  /** Returns a reserved SIM to stock. */
  releaseSim(req: Keyed & { readonly iccid: string }): Promise<void>;
  /** Reserves a telephone number (a requested one, or one from the pool near the area code). */
  reserveNumber(req: Keyed & { readonly msisdn?: string; readonly areaCode?: string }): Promise<{ readonly msisdn: string }>;
  /** Returns a reserved number to the pool. */
  releaseNumber(req: Keyed & { readonly msisdn: string }): Promise<void>;
  /** Reserves an access port (OLT/DSLAM port) serving an address. */
  reserveNetworkPort(req: Keyed & { readonly technology: string; readonly addressId?: string }): Promise<{ readonly portId: string }>;
  /** Frees a reserved access port. */
  releaseNetworkPort(req: Keyed & { readonly portId: string }): Promise<void>;
}
