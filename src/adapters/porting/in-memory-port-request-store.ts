import type { PortRequestStore, StoredPortRequest } from '../../ports/port-request-store.js';

/** PortRequestStore in memory (virtual-clock simulations and tests); records are kept as JSON so callers never share objects. */
export class InMemoryPortRequestStore implements PortRequestStore {
  private readonly rows = new Map<string, string>();
  private readonly idByKey = new Map<string, string>();
  private readonly idByPon = new Map<string, string>();

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
    return 'saved';
  }

  async list(): Promise<readonly StoredPortRequest[]> {
    return [...this.rows.keys()].flatMap((id) => this.read(id) ?? []);
  }
}
