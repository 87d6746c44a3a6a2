import { loadRegistry, RegistryError } from '../registry/load-registry.ts';
import { registryPath } from '../paths.ts';
import type { Registry } from '../types.ts';

/** The curator's registry, or null after saying on stderr what is wrong with it and where. */
export async function loadRegistryOrReport(): Promise<Registry | null> {
  try {
    return await loadRegistry(registryPath());
  } catch (error) {
    process.stderr.write(`${error instanceof RegistryError ? error.message : `${registryPath()}: ${(error as Error).message}`}\n`);
    return null;
  }
}
