import type { PortRequestStore, StoredPortRequest } from '../../ports/port-request-store.js';

/** PortRequestStore in memory (virtual-clock simulations and tests); a JSON copy on save keeps records immutable. */
export class InMemoryPortRequestStore implements PortRequestStore {
  private readonly rows = new Map<string, string>();

  private all(): StoredPortRequest[] {
    return [...this.rows.values()].map((r) => JSON.parse(r) as StoredPortRequest);
  }

  async byTaskKey(taskKey: string): Promise<StoredPortRequest | undefined> {
    return this.all().find((r) => r.taskKey === taskKey);
  }

  async byId(id: string): Promise<StoredPortRequest | undefined> {
    const row = this.rows.get(id);
    return row === undefined ? undefined : (JSON.parse(row) as StoredPortRequest);
  }

  async byPon(pon: string): Promise<StoredPortRequest | undefined> {
    return this.all().find((r) => r.request.pon === pon);
  }

  async save(record: StoredPortRequest, expectedRevision: number): Promise<'saved' | 'conflict'> {
    const current = await this.byId(record.request.id);
    if ((current?.revision ?? 0) !== expectedRevision) return 'conflict';
    if (current === undefined && (await this.byTaskKey(record.taskKey)) !== undefined) return 'conflict';
    this.rows.set(record.request.id, JSON.stringify({ ...record, revision: expectedRevision + 1 }));
    return 'saved';
  }

  async list(): Promise<readonly StoredPortRequest[]> {
    return this.all();
  }
}
