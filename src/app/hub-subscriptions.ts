import { ProvisioError } from '../domain/errors/error-catalogue.js';
import type { Clock } from '../ports/clock.js';
import type { HubListener, HubStore } from '../ports/hub-store.js';
import type { Ids } from '../ports/ids.js';

/** What managing hub listeners needs. */
export interface HubDeps {
  readonly hub: HubStore;
  readonly clock: Clock;
  readonly ids: Ids;
  /** Returns a message when the listener query cannot be understood. */
  readonly checkListenerQuery: (query: string) => string | undefined;
}

/** Registers a listener; every event committed from now on that matches its query is delivered to it. */
export async function subscribe(deps: HubDeps, callback: string, query: string | undefined): Promise<HubListener> {
  if (!/^https?:\/\//i.test(callback)) {
    throw new ProvisioError('INVALID_BODY', `callback must be an http(s) URL, got "${callback.slice(0, 80)}"`, 'callback');
  }
  if (query !== undefined && query.trim() !== '') {
    const problem = deps.checkListenerQuery(query);
    if (problem) throw new ProvisioError('INVALID_BODY', `query: ${problem}`, 'query');
  }
  const listener: HubListener = {
    id: deps.ids.next(),
    callback,
    createdAt: new Date(deps.clock.now()).toISOString(),
    ...(query !== undefined && query.trim() !== '' ? { query } : {}),
  };
  await deps.hub.addListener(listener);
  return listener;
}

/** Removes a listener; NOT_FOUND when there is none with this id. */
export async function unsubscribe(deps: HubDeps, id: string): Promise<void> {
  if (!(await deps.hub.removeListener(id))) throw new ProvisioError('NOT_FOUND', `hub listener ${id} not found`);
}

/** The listener with this id; NOT_FOUND when there is none. */
export async function getSubscription(deps: HubDeps, id: string): Promise<HubListener> {
  const listener = await deps.hub.getListener(id);
  if (!listener) throw new ProvisioError('NOT_FOUND', `hub listener ${id} not found`);
  return listener;
}
