import { loadRegistry } from '../../src/registry/load-registry.ts';
import type { Registry } from '../../src/types.ts';

let registry: Promise<Registry> | null = null;

/** The project's own registry, as the curator ships it. */
export const projectRegistry = () => (registry ??= loadRegistry('data/registry.yaml'));
