import { heldNumbers } from '../../domain/porting/port-request.js';
import type { OpenPortOfNumber, PortRequestStore, StoredPortRequest } from '../../ports/port-request-store.js';

/** PortRequestStore in memory (virtual-clock simulations and tests); records are kept as JSON so callers never share objects. */
export class InMemoryPortRequestStore implements PortRequestStore {
  private readonly rows = new Map<string, string>();
  private readonly idByKey = new Map<string, string>();
  private readonly idByPon = new Map<string, string>();
  /** The numbers each request holds: request id -> number -> the order its claim was made in. */
  private readonly claims = new Map<string, Map<string, number>>();
  private claimSeq = 0;

  private read(id: string | undefined): StoredPortRequest | undefined {
    const row = id === undefined ? undefined : this.rows.get(id);
    return row === undefined ? undefined : (JSON.parse(row) as StoredPortRequest);
  }

  async byTaskKey(taskKey: string): Promise<StoredPortRequest | undefined> {
    return this.read(this.idByKey.get(taskKey));
  }

  async byId(id: string): Promise<StoredPortRequest | undefined> {
    return this.read(id);
  }

  async byPon(pon: string): Promise<StoredPortRequest | undefined> {
    return this.read(this.idByPon.get(pon));
  }

  async save(record: StoredPortRequest, expectedRevision: number): Promise<'saved' | 'conflict'> {
    const id = record.request.id;
    const current = this.read(id);
    if ((current?.revision ?? 0) !== expectedRevision) return 'conflict';
    if (current === undefined && (this.idByKey.has(record.taskKey) || this.idByPon.has(record.request.pon))) return 'conflict';
    this.rows.set(id, JSON.stringify({ ...record, revision: expectedRevision + 1 }));
    this.idByKey.set(record.taskKey, id);
    this.idByPon.set(record.request.pon, id);
    // numbers kept keep their claim; numbers given up are released
    const before = this.claims.get(id);
    const held = new Map(heldNumbers(record.request).map((tn) => [tn, before?.get(tn) ?? ++this.claimSeq]));
    if (held.size === 0) this.claims.delete(id);
    else this.claims.set(id, held);
    return 'saved';
  }

  async list(): Promise<readonly StoredPortRequest[]> {
    return [...this.rows.keys()].flatMap((id) => this.read(id) ?? []);
  }

  async openPortsFor(tns: readonly string[], exceptId: string): Promise<readonly OpenPortOfNumber[]> {
    const mine = this.claims.get(exceptId);
    const wanted = [...new Set(tns)];
    const found: OpenPortOfNumber[] = [];
    for (const [id, held] of this.claims) {
      if (id === exceptId) continue;
      const claimed = wanted.filter((tn) => held.has(tn));
      if (claimed.length === 0) continue;
      const r = this.read(id)!.request;
      for (const tn of claimed) {
        const own = mine?.get(tn);
        if (r.state !== 'DRAFT' || own === undefined || held.get(tn)! < own) found.push({ tn, id, pon: r.pon });
      }
    }
    return found.sort((a, b) => (a.tn === b.tn ? (a.id < b.id ? -1 : 1) : a.tn < b.tn ? -1 : 1));
  }
}
