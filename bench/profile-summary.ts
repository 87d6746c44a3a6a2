// `npx tsx bench/profile-summary.ts FILE.cpuprofile [TOP]`: self time by module
// (a package under node_modules, or a file of this project) and the hottest
// functions, from a profile written by `node --cpu-prof`.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: npx tsx bench/profile-summary.ts FILE.cpuprofile [TOP]');
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));

export function moduleOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const own = /\/((?:src|bench|templates)\/.*)$/.exec(url);
  if (own) return own[1]!;
  return url.startsWith('node:') ? 'node internals' : url;
}

const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const modules = new Map<string, number>();
const functions = new Map<string, number>();
for (const [id, us] of selfUs) {
  const n = byId.get(id)!;
  const mod = moduleOf(n.callFrame.url, n.callFrame.functionName);
  modules.set(mod, (modules.get(mod) ?? 0) + us);
  const fn = `${n.callFrame.functionName || '(anonymous)'}  ${mod}:${n.callFrame.lineNumber + 1}`;
  functions.set(fn, (functions.get(fn) ?? 0) + us);
}
const rows = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, us]) => `${(us / 1e6).toFixed(2).padStart(8)} s ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
process.stdout.write(`${(total / 1e6).toFixed(1)} s sampled\n\nself time by module\n${rows(modules)}\n\nhottest functions\n${rows(functions)}\n`);
