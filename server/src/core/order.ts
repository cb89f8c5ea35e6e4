/**
 * Template order. Among the sections under one parent, the longest run already in template
 * order stays put and only the others are flagged: the fewest headings whose removal leaves
 * the rest in order. A section filed under the wrong parent is flagged too. Repeated sections
 * are judged by their own rule and left out here. Headings at the wrong level take part at
 * their template level (see the template tree in `analyze.ts`).
 */
import type { OrderIssue, SectionMatch } from './types.ts';
import { appendTo } from './multimap.ts';

export function orderSections(
  matches: ReadonlyArray<SectionMatch | undefined>,
  duplicates: ReadonlySet<number>,
  matchedParent: readonly number[],
  parents: readonly number[],
): Map<number, OrderIssue> {
  const groups = new Map<number, number[]>();
  const out = new Map<number, OrderIssue>();
  matches.forEach((_m, i) => {
    const m = matches[i];
    if (!m || m.section.id === '' || duplicates.has(i)) return;
    const parent = matchedParent[i];
    const parentId = parent >= 0 ? (matches[parent]?.section.id ?? '') : '';
    // Under a heading the author added, a template section is where the author wants it: the
    // missing parent is reported on its own, and flagging every child too would only be noise.
    const direct = parents[i];
    if (direct >= 0 && direct !== parent && !matches[direct]) return;
    if (m.section.parentId !== parentId) {
      out.set(i, { kind: 'parent', parentId: m.section.parentId ?? '' });
      return;
    }
    appendTo(groups, parent, i);
  });
  for (const members of groups.values()) {
    const order = members.map((i) => (matches[i] as SectionMatch).section.index);
    const keep = longestIncreasing(order);
    const kept = members.filter((_i, k) => keep.has(k));
    members.forEach((i, k) => {
      if (keep.has(k)) return;
      const index = order[k];
      let after = '';
      for (const j of kept) {
        const s = (matches[j] as SectionMatch).section;
        if (s.index < index) after = s.id;
      }
      out.set(i, { kind: 'order', after });
    });
  }
  return out;
}

/** Positions of one longest strictly increasing subsequence, in O(n log n). */
export function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] < values[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) keep.add(i);
  return keep;
}
