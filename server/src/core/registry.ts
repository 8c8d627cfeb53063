/** A sorted registry of rules that rejects duplicate or malformed ids. */
import type { AnyRule } from './rule';
import { FAMILIES } from './rule';

const ID_RE = /^([a-z]+)\/([a-z][a-z0-9-]*)$/;

export class Registry {
  private readonly byId = new Map<string, AnyRule>();
  private sorted: AnyRule[] = [];

  constructor(rules: readonly AnyRule[] = []) {
    for (const r of rules) this.add(r);
  }

  add(rule: AnyRule): void {
    const id = rule.meta.id;
    const m = ID_RE.exec(id);
    if (!m) throw new Error(`rule id "${id}" is not of the form family/name`);
    if (!(FAMILIES as readonly string[]).includes(m[1]) || m[1] !== rule.meta.family) {
      throw new Error(`rule "${id}": family must be one of ${FAMILIES.join(', ')} and match meta.family`);
    }
    if (this.byId.has(id)) throw new Error(`duplicate rule id "${id}"`);
    this.byId.set(id, rule);
    this.sorted = [...this.byId.values()].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
  }

  get(id: string): AnyRule | undefined {
    return this.byId.get(id);
  }

  /** All rules, sorted by id. */
  all(): readonly AnyRule[] {
    return this.sorted;
  }

  ids(): string[] {
    return this.sorted.map((r) => r.meta.id);
  }
}
