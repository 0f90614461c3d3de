/** A lifecycle written as a table: each state lists the states it may move to. */
export type TransitionTable<S extends string, X extends string = never> = Readonly<Record<S, readonly (S | X)[]>>;

/** True when the table allows a move from `from` to `to`. */
export function canTransition<S extends string, X extends string>(
  table: TransitionTable<S, X>,
  from: S,
  to: S | X,
): boolean {
  return table[from].includes(to);
}

/** A defect found in a transition table when it is checked at start-up. */
export interface TableDefect {
  readonly kind: 'unknownTarget' | 'unreachable';
  readonly state: string;
  readonly detail: string;
}

/**
 * Checks a table against its list of states: every target is a known state (or an allowed
 * pseudo-target such as `back`), and every state is reachable from one of the initial states.
 */
export function checkTransitionTable<S extends string, X extends string>(
  name: string,
  states: readonly S[],
  table: TransitionTable<S, X>,
  initial: readonly S[],
  pseudoTargets: readonly X[] = [],
): TableDefect[] {
  const defects: TableDefect[] = [];
  const known = new Set<string>(states);
  for (const from of states) {
    for (const to of table[from] ?? []) {
      if (!known.has(to) && !(pseudoTargets as readonly string[]).includes(to)) {
        defects.push({ kind: 'unknownTarget', state: from, detail: `${name}: ${from} -> ${to} names an unknown state` });
      }
    }
  }
  const seen = new Set<string>(initial);
  const queue: string[] = [...initial];
  while (queue.length > 0) {
    const s = queue.shift() as S;
    for (const to of table[s] ?? []) {
      if (known.has(to) && !seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  for (const s of states) {
    if (!seen.has(s)) defects.push({ kind: 'unreachable', state: s, detail: `${name}: ${s} cannot be reached` });
  }
  return defects;
}
