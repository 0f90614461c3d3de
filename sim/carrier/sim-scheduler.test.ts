import { describe, expect, it } from 'vitest';
import { SimScheduler, VirtualClock } from './sim-scheduler.js';

describe('SimScheduler', () => {
  it('runs events in time order, same-instant events in scheduling order', () => {
    const s = new SimScheduler(new VirtualClock(0));
    const ran: string[] = [];
    for (const [at, label] of [[30, 'c'], [10, 'a1'], [20, 'b'], [10, 'a2'], [0, 'z']] as const) s.at(at, label, () => ran.push(label));
    expect(s.nextAt()).toBe(0);
    expect(s.runUntil(25)).toBe(4);
    expect(ran).toEqual(['z', 'a1', 'a2', 'b']);
    expect(s.nextAt()).toBe(30);
  });

  it('events carry the key of the work that scheduled them, and the events they schedule keep it', () => {
    const s = new SimScheduler(new VirtualClock(0));
    s.within('PON-A', () => s.at(100, 'ack A', () => s.after(50, 'answer A', () => undefined)));
    s.within('PON-B', () => s.at(40, 'ack B', () => undefined));
    expect(s.nextAt()).toBe(40);
    expect(s.nextAtFor('PON-A')).toBe(100);
    expect(s.nextAtFor('PON-B')).toBe(40);
    expect(s.nextAtFor('PON-C')).toBeUndefined();
    s.runUntil(100);
    expect(s.nextAtFor('PON-A')).toBe(150);
    expect(s.nextAtFor('PON-B')).toBeUndefined();
  });

  it('an event scheduled outside keyed work may concern any key', () => {
    const s = new SimScheduler(new VirtualClock(0));
    s.within('PON-A', () => s.at(100, 'ack A', () => undefined));
    s.at(70, 'unkeyed', () => undefined);
    expect(s.nextAtFor('PON-A')).toBe(70);
    expect(s.nextAtFor('PON-B')).toBe(70);
  });
});
