import { resolve } from 'node:path';

// Where the project keeps what the curator edits. Overridable so that tests
// and the benchmark can point a build at a scratch folder.
export const registryPath = () => resolve(process.env.ARCHIVE_REGISTRY ?? 'data/registry.yaml');
export const seedsDir = () => resolve(process.env.ARCHIVE_SEEDS ?? 'seeds');
