/** Test support: storage as browsers give it, in memory. */
/** localStorage as a page has it, in memory; `full` makes every write fail like a full store. */
export class MemoryStorage implements Storage {
  #items = new Map<string, string>();
  full = false;
  get length() {
    return this.#items.size;
  }
  key(index: number) {
    return [...this.#items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.#items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.#items.set(key, value);
  }
  removeItem(key: string) {
    this.#items.delete(key);
  }
  clear() {
    this.#items.clear();
  }
}
