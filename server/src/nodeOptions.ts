// The Node (V8) options the language server runs with, for whoever starts it: the extension, and
// the benchmark (its server sessions and its in-process workloads).

/**
 * A young generation that holds what reading a large file allocates. Reading a megabyte of flow
 * code makes a tree of about 100,000 nodes (20 MB allocated on the way); with Node's default
 * 16 MB semi-spaces the collector runs during the read and copies the half-built tree, which
 * costs several times the read itself (most of all on a busy machine, where its helper threads
 * wait for a core). 64 MB lets a read finish between collections; the space grows to that size
 * only while the program allocates that fast.
 */
export const serverNodeOptions: readonly string[] = ['--max-semi-space-size=64'];
