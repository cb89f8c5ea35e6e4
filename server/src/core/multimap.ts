/** Lists kept per key. Appending in place keeps building them linear: a copy per append would be quadratic in a large document or template. */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
