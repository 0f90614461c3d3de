import { heldNumbers } from '../../domain/porting/port-request.js';
import type { OpenPortOfNumber, PortRequestStore, StoredPortRequest } from '../../ports/port-request-store.js';

/** PortRequestStore in memory (virtual-clock simulations and tests); records are kept as JSON so callers never share objects. */
export class InMemoryPortRequestStore implements PortRequestStore {
  private readonly rows = new Map<string, string>();
  private readonly idByKey = new Map<string, string>();
  private readonly idByPon = new Map<string, string>();
  /** Claims on numbers: `${tn} ${requestId}` -> the order it was made in. */
  private readonly claims = new Map<string, number>();
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
    const held = new Set(heldNumbers(record.request));
    for (const key of this.claims.keys()) if (key.endsWith(` ${id}`) && !held.has(key.slice(0, key.indexOf(' ')))) this.claims.delete(key);
    for (const tn of held) if (!this.claims.has(`${tn} ${id}`)) this.claims.set(`${tn} ${id}`, ++this.claimSeq);
    return 'saved';
  }

  async list(): Promise<readonly StoredPortRequest[]> {
    return [...this.rows.keys()].flatMap((id) => this.read(id) ?? []);
  }

  async openPortsFor(tns: readonly string[], exceptId: string): Promise<readonly OpenPortOfNumber[]> {
    const wanted = new Set(tns);
    return (await this.list())
      .filter((r) => r.request.id !== exceptId)
      .flatMap(({ request: r }) =>
        heldNumbers(r)
          .filter((tn) => wanted.has(tn))
          .filter((tn) => {
            const mine = this.claims.get(`${tn} ${exceptId}`);
            return r.state !== 'DRAFT' || mine === undefined || (this.claims.get(`${tn} ${r.id}`) ?? 0) < mine;
          })
          .map((tn) => ({ tn, id: r.id, pon: r.pon })),
      )
      .sort((a, b) => (a.tn === b.tn ? (a.id < b.id ? -1 : 1) : a.tn < b.tn ? -1 : 1));
  }
}
