// Summarises a V8 .cpuprofile (node --cpu-prof): self time per function, optionally only the time
// spent under a focus function (e.g. checkFlowDocument), with each function's file and line.
// Usage: node bench/profile-summary.mjs <file.cpuprofile> [--focus name] [--top n]
import * as fs from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const file = args[0];
const focus = args.includes('--focus') ? args[args.indexOf('--focus') + 1] : undefined;
const top = args.includes('--top') ? Number(args[args.indexOf('--top') + 1]) : 25;
/** A function whose self time is broken down by source line (V8's position ticks). */
const linesOf = args.includes('--lines') ? args[args.indexOf('--lines') + 1] : undefined;
if (!file) {
  console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [--focus name] [--top n] [--lines function]');
  process.exit(2);
}

const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Time of each sample: the delta to the next one.
const selfMs = new Map();
const deltas = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = (deltas[i + 1] ?? 0) / 1000;
  selfMs.set(profile.samples[i], (selfMs.get(profile.samples[i]) ?? 0) + dt);
}

const shortUrl = (url) => url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules\/)/, '$1').replace(/^.*\/(server\/src|client\/src|bench|dist|out)\//, '$1/');

// Bundles are mapped back to their sources through the bundle's source map, when it has one.
const maps = new Map();
function sourceMapOf(url) {
  if (!maps.has(url)) {
    let map;
    try {
      const path = url.startsWith('file:') ? fileURLToPath(url) : url;
      if (path.endsWith('.js') && fs.existsSync(`${path}.map`)) map = new SourceMap(JSON.parse(fs.readFileSync(`${path}.map`, 'utf8')));
    } catch {
      map = undefined;
    }
    maps.set(url, map);
  }
  return maps.get(url);
}

function label(n) {
  const { functionName, url, lineNumber, columnNumber } = n.callFrame;
  const entry = url ? sourceMapOf(url)?.findEntry(lineNumber, columnNumber) : undefined;
  // A minified bundle renames functions; the map names the original at the function's position.
  const name = (functionName && entry?.name) || functionName || '(anonymous)';
  if (entry && entry.originalSource) return `${name} ${shortUrl(entry.originalSource)}:${entry.originalLine + 1}`;
  return `${name} ${shortUrl(url)}:${lineNumber + 1}`;
}

function underFocus(id) {
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    if (byId.get(cur).callFrame.functionName === focus) return true;
  }
  return false;
}

const self = new Map();
const inclusive = new Map();
let total = 0;
for (const [id, ms] of selfMs) {
  if (focus && !underFocus(id)) continue;
  total += ms;
  const key = label(byId.get(id));
  self.set(key, (self.get(key) ?? 0) + ms);
  // Inclusive: count each distinct function once per stack.
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const k = label(byId.get(cur));
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
  }
}

const table = (title, map) => {
  console.log(`\n${title} (of ${total.toFixed(0)} ms${focus ? ` under ${focus}` : ''})`);
  for (const [k, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * ms) / total).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms  ${k}`);
  }
};
table('self time', self);
table('inclusive time', inclusive);

if (linesOf) {
  const ticks = new Map();
  let all = 0;
  for (const n of profile.nodes) {
    if (n.callFrame.functionName !== linesOf || (focus && !underFocus(n.id))) continue;
    const map = sourceMapOf(n.callFrame.url);
    for (const { line, ticks: count } of n.positionTicks ?? []) {
      const entry = map?.findEntry(line - 1, 0);
      const key = entry?.originalSource ? `${shortUrl(entry.originalSource)}:${entry.originalLine + 1}` : `${shortUrl(n.callFrame.url)}:${line}`;
      ticks.set(key, (ticks.get(key) ?? 0) + count);
      all += count;
    }
  }
  console.log(`\nself time of ${linesOf} by line (${all} ticks)`);
  for (const [k, count] of [...ticks].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * count) / all).toFixed(1).padStart(5)}%  ${k}`);
  }
}
