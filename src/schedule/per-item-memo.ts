/**
 * A memo kept beside each prepared item rather than on it (./prepared.ts stays immutable):
 * a WeakMap from the prepared item to its memo, made on first use and gone with the item.
 * `all` hands back the memos of a whole list in one look-up (the schedule sees the same list
 * of 10,000 items at every re-plan), in the list's order; they are the same objects `of` gives.
 *
 * @example const memos = perItemMemo(() => ({ last: undefined })); memos.all(prepareAll(items))[i]
 */
import type { Prepared } from './prepared.ts';

export interface PerItemMemo<M> {
  /** The memo of one prepared item. */
  of(p: Prepared): M;
  /** The memos of a list, index for index (lists are taken as immutable, as prepareAll makes them). */
  all(list: readonly Prepared[]): readonly M[];
}

export function perItemMemo<M>(make: () => M): PerItemMemo<M> {
  const items = new WeakMap<Prepared, M>();
  const lists = new WeakMap<readonly Prepared[], readonly M[]>();
  const of = (p: Prepared): M => {
    let m = items.get(p);
    if (m === undefined) items.set(p, (m = make()));
    return m;
  };
  return {
    of,
    all(list) {
      let ms = lists.get(list);
      if (ms === undefined) lists.set(list, (ms = list.map(of)));
      return ms;
    },
  };
}
