function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** The known id closest to a mistyped one, when it is close enough to be a likely typo. */
export function closestId(wanted: string, known: Iterable<string>): string | undefined {
  let best: { id: string; d: number } | undefined;
  for (const id of known) {
    const d = editDistance(wanted.toLowerCase(), id.toLowerCase());
    if (best === undefined || d < best.d) best = { id, d };
  }
  return best !== undefined && best.d <= Math.max(2, Math.floor(wanted.length / 4)) ? best.id : undefined;
}
