/** The registry the language server and its worker use: every rule, plus the test-only rules when asked for. */
import type { Registry } from './core/registry';
import { createRegistry } from './core/rules';
import { testRules } from './test-rules';

export function createServerRegistry(): Registry {
  const registry = createRegistry();
  for (const r of testRules()) registry.add(r);
  return registry;
}
