/** A registered notification listener (TMF hub subscription). */
export interface HubListener {
  readonly id: string;
  readonly callback: string;
  /** TMF630 query restricting what is sent, e.g. `eventType=ProductOrderStateChangeEvent`. */
  readonly query?: string;
  readonly createdAt: string;
}

/** Durable registry of hub listeners. */
export interface HubStore {
  /** Registers a listener; events committed from now on are delivered to it. */
  addListener(listener: HubListener): Promise<void>;
  /** Removes a listener; returns false when there was none with this id. Pending deliveries to it are dropped. */
  removeListener(id: string): Promise<boolean>;
  /** The listener with this id, or undefined. */
  getListener(id: string): Promise<HubListener | undefined>;
  /** All registered listeners. */
  listListeners(): Promise<readonly HubListener[]>;
}
