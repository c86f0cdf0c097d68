// Reads the newest .cpuprofile in a directory (written by `node --cpu-prof … dist/bench/profile.js`)
// and prints where the journeys' time went: self and inclusive time per function (file:function), and
// self time per file, counting only samples inside the windows bench/profile.ts recorded.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const dir = process.argv[2] ?? process.cwd();
const top = Number(process.argv[3] ?? 40);
const file = readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .map((f) => join(dir, f))
  .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
if (!file) throw new Error(`no .cpuprofile in ${dir}`);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const meta = JSON.parse(readFileSync(join(dir, 'windows.json'), 'utf8')) as {
  k: number;
  windows: { start: number; end: number; journeys: number }[];
  statements: { sql: string; perJourney: number }[];
};
if (meta.windows[0]!.start < profile.startTime || meta.windows.at(-1)!.end > profile.endTime) {
  throw new Error('the windows are not on the profile clock');
}

const root = process.cwd();
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const where = (n: Node) => {
  const url = n.callFrame.url.replace(/^file:\/\//, '');
  const path = url ? relative(root, url).replace(/^dist\//, '') : '(native)';
  return { file: path, fn: `${path}:${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber + 1}` };
};

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const byFile = new Map<string, number>();
const byArea = new Map<string, number>();
let inWindows = 0;
let t = profile.startTime;
let w = 0;
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i]!;
  while (w < meta.windows.length && t > meta.windows[w]!.end) w++;
  if (w >= meta.windows.length) break;
  if (t < meta.windows[w]!.start) continue;
  const dt = profile.timeDeltas[i + 1] ?? 0;
  inWindows += dt;
  const leaf = nodes.get(profile.samples[i]!)!;
  const leafAt = where(leaf);
  self.set(leafAt.fn, (self.get(leafAt.fn) ?? 0) + dt);
  byFile.set(leafAt.file, (byFile.get(leafAt.file) ?? 0) + dt);
  const seen = new Set<string>();
  let area: string | undefined;
  for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
    const at = where(nodes.get(id)!);
    if (!seen.has(at.fn)) {
      seen.add(at.fn);
      inclusive.set(at.fn, (inclusive.get(at.fn) ?? 0) + dt);
    }
    // The innermost src/ file on the stack: whose code the time is spent for.
    if (!area && at.file.startsWith('src/')) area = at.file;
  }
  const key = area ?? (leafAt.file.startsWith('node_modules') ? leafAt.file.split('/').slice(0, 2).join('/') : leafAt.file);
  byArea.set(key, (byArea.get(key) ?? 0) + dt);
}

const journeys = meta.windows.reduce((n, x) => n + x.journeys, 0);
const pct = (us: number) => `${((100 * us) / inWindows).toFixed(1).padStart(5)} %`;
const print = (title: string, map: Map<string, number>, n = top) => {
  process.stdout.write(`\n${title}\n`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) process.stdout.write(`  ${pct(us)} ${(us / 1000 / journeys).toFixed(2).padStart(6)} ms/journey  ${key}\n`);
};
process.stdout.write(`${file}\n${(inWindows / 1e6).toFixed(2)} s sampled in ${meta.windows.length} waves of K=${meta.k}, ${journeys} journeys: ${(inWindows / 1000 / journeys).toFixed(2)} ms CPU per journey\n`);
print('self time by function', self);
print('inclusive time by function', inclusive);
print('self time by file', byFile, 25);
print('self time by innermost src/ file on the stack (library time charged to its caller)', byArea, 25);
process.stdout.write('\nSQL statements per journey (K=1, logged)\n');
for (const { sql, perJourney } of meta.statements.slice(0, 30)) process.stdout.write(`  ${perJourney.toFixed(1).padStart(6)}  ${sql.slice(0, 150)}\n`);
