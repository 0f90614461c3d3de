/** Source of new unique identifiers. */
export interface Ids {
  /** A new opaque, URL-safe, unique id. */
  next(): string;
}
