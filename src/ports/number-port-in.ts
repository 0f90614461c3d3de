import type { PostPortCheck } from '../domain/porting/port-request.js';
import type { Keyed } from './inventory-system.js';

/**
 * The provisioning view of a number port-in: start (or look up, by key) the port coordination and
 * learn whether the number has been ported. The porting use cases implement it over the gateway.
 */
export interface NumberPortIn {
  /**
   * Starts the port-in or reports its progress; `portedAt` is set once the number is active here.
   * No `portRequestId` yet while the port-in waits to start: its number is held by a port that is
   * being cancelled (the customer's earlier order), which frees it once the carrier confirms.
   */
  requestPortIn(req: Keyed & {
    readonly msisdn: string;
    readonly losingCarrier: string;
    readonly accountNumber: string;
    readonly pin?: string;
    readonly desiredAt?: string;
  }): Promise<{ readonly portRequestId?: string; readonly portedAt?: number; readonly checkAgainAt?: number }>;
  /**
   * Cancels a port-in not yet activated: the port request the task with `portTaskKey` made (or
   * `portRequestId`, when known), withdrawn before submission or cancelled at the carrier; nothing
   * when the task made none.
   */
  cancelPortIn(req: Keyed & { readonly portTaskKey: string; readonly portRequestId?: string }): Promise<void>;
  /**
   * The numbers the port-in task with this key has ported, as its port request ended (numbers taken
   * off the request by a supplement are not among them); undefined when the port-in keeps no port
   * request (the order's numbers are then the ported ones) or it has not ported yet.
   */
  portedNumbers?(portTaskKey: string): Promise<readonly string[] | undefined>;
  /**
   * Records the post-port checks that passed on every ported number of the port-in task with this
   * key; the port request completes once all have passed. Absent when the port-in keeps no port request.
   */
  recordPostPortChecks?(portTaskKey: string, passed: readonly PostPortCheck[]): Promise<void>;
}
