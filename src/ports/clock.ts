/** The current time, injected so that simulations can run on a virtual clock. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}
