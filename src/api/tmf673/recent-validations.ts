/** The last N address validations, kept in memory for GET by id; the oldest is dropped first. */
export class RecentValidations<T> {
  private readonly byId = new Map<string, T>();

  /** Keeps at most `capacity` results. */
  constructor(private readonly capacity: number) {}

  /** Stores a result, dropping the oldest when full. */
  add(id: string, value: T): void {
    this.byId.set(id, value);
    if (this.byId.size > this.capacity) {
      const oldest = this.byId.keys().next().value;
      if (oldest !== undefined) this.byId.delete(oldest);
    }
  }

  /** The result with this id, if still kept. */
  get(id: string): T | undefined {
    return this.byId.get(id);
  }
}
