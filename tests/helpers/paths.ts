import { fileURLToPath } from 'node:url';

// Helpers run from vitest, scripts and the CI clone alike: anchor every path on
// this file rather than on the caller's working directory.
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
