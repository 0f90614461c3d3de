import type { PostPortCheck } from '../domain/porting/port-request.js';
import type { Keyed } from './inventory-system.js';

/** Service activation and network configuration (mobile services, numbers, access, features). */
export interface ActivationSystem {
  /** Activates a number on the network (routing, directory). */
  activateNumber(req: Keyed & { readonly msisdn?: string }): Promise<{ readonly activationId: string }>;
  /** Activates a mobile service with its plan characteristics. */
  activateService(req: Keyed & { readonly offeringId?: string; readonly characteristics: Readonly<Record<string, unknown>> }): Promise<{ readonly serviceId: string }>;
  /** Configures the network for an access or add-on (profiles, VLANs, IPs). */
  configureNetwork(req: Keyed & { readonly productType: string; readonly characteristics: Readonly<Record<string, unknown>> }): Promise<{ readonly configId: string }>;
  /** Brings a fixed access (fiber, DIA) into service. */
  activateAccess(req: Keyed & { readonly productType: string }): Promise<{ readonly serviceId: string }>;
  /** Changes an active service (plan change, feature add/remove, address change). */
  modifyService(req: Keyed & { readonly action: string; readonly characteristics: Readonly<Record<string, unknown>> }): Promise<{ readonly changeId: string }>;
  /** Takes a service out of service. */
  deactivateService(req: Keyed & { readonly productType: string }): Promise<void>;
  /**
   * Runs the checks of a number ported in and activated here (porting.md T27): a test call and a
   * test SMS, its emergency (E911) record, caller name (CNAM) and messaging routing; true per check
   * that passed.
   */
  checkPortedNumber(req: Keyed & { readonly msisdn: string }): Promise<{ readonly checks: Readonly<Record<PostPortCheck, boolean>> }>;
  /** Reverses an activation, configuration or change by the id it returned. */
  revert(req: Keyed & { readonly ref: string }): Promise<void>;
}
