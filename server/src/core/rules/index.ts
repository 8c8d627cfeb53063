/**
 * Every rule, one module per file, grouped by family. Add a rule here and it
 * is in the registry, the README table test, the CLI and the server.
 */
import { Registry } from '../registry';
import type { AnyRule } from '../rule';
import placeholderInstruction from './placeholder/instruction';
import placeholderMarker from './placeholder/marker';

export const allRules: readonly AnyRule[] = [placeholderMarker, placeholderInstruction];

export function createRegistry(): Registry {
  return new Registry(allRules);
}
