import { ProvisioError } from '../../domain/errors/error-catalogue.js';
import type { CoordinatorAction } from '../../domain/porting/port-action.js';
import { isFinalPortState } from '../../domain/porting/port-state.js';
import type { Clock } from '../../ports/clock.js';
import type { PortRequestStore, StoredPortRequest } from '../../ports/port-request-store.js';
import type { PortCoordinator } from './port-coordinator.js';
import { detailOf, dueAtOf, isEscalated, summaryOf, type PortRequestDetail, type PortRequestSummary } from './port-request-view.js';

/** What the coordinator use cases need. */
export interface CoordinatePortDeps {
  readonly store: PortRequestStore;
  readonly coordinator: PortCoordinator;
  readonly clock: Clock;
}

/** The coordinator actions offered over the API, each one reducer action. */
export const PORT_API_ACTIONS = ['correctAndResend', 'changeDueDate', 'cancel', 'cancelUndo', 'removeFromConflict', 'requestSnapback'] as const;
/** A coordinator action offered over the API. */
export type PortApiAction = (typeof PORT_API_ACTIONS)[number];

/** Sorting key of SLA risk: open jeopardies and escalations first, then the earliest due. */
function riskOrder(a: StoredPortRequest, b: StoredPortRequest): number {
  const weight = (x: StoredPortRequest) => x.request.jeopardies.length + (isEscalated(x) ? 1 : 0) + (x.request.state === 'REJECTED' || x.request.state === 'CONFLICT' ? 1 : 0);
  return weight(b) - weight(a) || dueAtOf(a.request) - dueAtOf(b.request) || a.request.id.localeCompare(b.request.id);
}

/** Open port requests (or all, with `includeFinal`) sorted by SLA risk. */
export async function listPortRequests(deps: CoordinatePortDeps, q: { readonly state?: string; readonly includeFinal?: boolean; readonly limit: number }): Promise<PortRequestSummary[]> {
  const all = await deps.store.list();
  return all
    .filter((r) => (q.state === undefined ? q.includeFinal === true || !isFinalPortState(r.request.state) : r.request.state === q.state))
    .sort(riskOrder)
    .slice(0, q.limit)
    .map(summaryOf);
}

async function load(deps: CoordinatePortDeps, id: string): Promise<StoredPortRequest> {
  const rec = await deps.store.byId(id);
  if (rec === undefined) throw new ProvisioError('NOT_FOUND', `No port request ${id}. List /provisio/v1/portRequest to find it.`);
  return rec;
}

/** One port request with lines, timers, versions and timeline. */
export async function getPortRequest(deps: CoordinatePortDeps, id: string): Promise<PortRequestDetail> {
  return detailOf(await load(deps, id));
}

/** Runs one coordinator action through the reducer; a refusal is a PORT_ACTION_REFUSED error naming the guard. */
export async function actOnPortRequest(deps: CoordinatePortDeps, id: string, action: CoordinatorAction): Promise<PortRequestDetail> {
  const rec = await load(deps, id);
  if (isFinalPortState(rec.request.state)) throw new ProvisioError('PORT_REQUEST_FINAL', `Port request ${id} is ${rec.request.state}. ${'A final port cannot change; start a new port-in order.'}`);
  const out = await deps.coordinator.apply(id, { kind: 'action', action });
  if (out.refusal !== undefined) {
    throw new ProvisioError('PORT_ACTION_REFUSED', `${action.type} refused by ${out.refusal.guard}: ${out.refusal.reason}. Read the port request and choose an action its state allows.`);
  }
  return detailOf(out.record);
}

/** Escalates a request to the carrier's escalation desk: recorded on the timeline, raises its SLA risk. */
export async function escalatePortRequest(deps: CoordinatePortDeps, id: string, note: { readonly operator: string; readonly reason: string }): Promise<PortRequestDetail> {
  const rec = await load(deps, id);
  if (isFinalPortState(rec.request.state)) throw new ProvisioError('PORT_REQUEST_FINAL', `Port request ${id} is ${rec.request.state}; there is nothing to escalate.`);
  const entry = { at: new Date(deps.clock.now()).toISOString(), direction: 'NOTE' as const, type: 'escalated', version: rec.request.version, raw: note, normalised: { state: rec.request.state } };
  const next = { ...rec, timeline: [...rec.timeline, entry] };
  if ((await deps.store.save(next, rec.revision)) === 'conflict') throw new ProvisioError('CONCURRENT_UPDATE', `Port request ${id} changed meanwhile; read it again and retry.`);
  return detailOf(next);
}
