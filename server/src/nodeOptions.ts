// The Node (V8) options the language server runs with, for whoever starts it: the extension, and
// the benchmark (its server sessions and its in-process workloads).

/**
 * None: Node's defaults. A larger young generation (`--max-semi-space-size=64`) lets the read of a
 * megabyte flow finish between collections (W2 3.5× faster on a quiet machine), but every
 * collection while typing then copies more (W4-4.2's p95 from 22 to 51 ms) and the server holds
 * more memory (W9's 400 MiB ceiling). Typing and memory come first; docs/performance.md has the
 * figures. Options added here reach the extension's server and the benchmark alike.
 */
export const serverNodeOptions: readonly string[] = [];
