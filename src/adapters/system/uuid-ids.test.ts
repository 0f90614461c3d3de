import { describe, expect, it } from 'vitest';
import { uuidIds, uuidV7 } from './uuid-ids.js';

describe('time-ordered ids', () => {
  it('are RFC 9562 version 7 UUIDs carrying the creation millisecond', () => {
    const id = uuidV7(Date.UTC(2026, 2, 2, 9, 0, 0, 123));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(Date.UTC(2026, 2, 2, 9, 0, 0, 123));
  });

  it('sort in the order they were made, also many within one millisecond, and never repeat', () => {
    const made = Array.from({ length: 20_000 }, () => uuidIds.next());
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
    const sameMs = Array.from({ length: 5_000 }, () => uuidV7(1_700_000_000_000));
    expect([...sameMs].sort()).toEqual(sameMs);
  });
});
