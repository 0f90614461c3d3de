import type { EntryCheck } from '../../../app/entry-check.js';
import type { SubmitOrderDeps } from '../../../app/submit-order.js';
import type { Clock } from '../../../ports/clock.js';
import type { HubStore } from '../../../ports/hub-store.js';
import type { Ids } from '../../../ports/ids.js';
import type { OrderStore } from '../../../ports/order-store.js';
import type { V4Urls } from './order-to-json.js';

/** What the TMF622 v4 routes need from the composition root. */
export interface Tmf622Deps {
  readonly store: OrderStore;
  readonly hub: HubStore;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly entryChecks: readonly EntryCheck[];
  /** Decomposes accepted orders into provisioning plans (absent: orders are captured only). */
  readonly planner?: SubmitOrderDeps['planner'];
  /** Scores fallout risk at entry (absent: no model). */
  readonly predictor?: SubmitOrderDeps['predictor'];
  /** Holds predicted-risky orders for a specialist queue before provisioning (absent: all go straight through). */
  readonly routing?: SubmitOrderDeps['routing'];
  readonly urls: V4Urls;
  /** Checks a hub `query`; returns a message when it cannot be understood. */
  readonly checkListenerQuery: (query: string) => string | undefined;
  /** Called after a cancel request is stored, so that it is carried out promptly. */
  readonly onCancelRequested: () => void;
  /** Called after an order is stored, so that provisioning can start promptly. */
  readonly onOrderSubmitted: (orderId: string) => void;
}

/** The v4 base path. */
export const TMF622_V4_BASE = '/tmf-api/productOrderingManagement/v4';

/** The media type of every v4 response. */
export const V4_JSON = 'application/json;charset=utf-8';
