// The schemas and built-in definitions as text, put in the browser bundle by esbuild.mjs (the
// `cxengage:shipped` module): a web worker has no disk to read them from.
declare module 'cxengage:shipped' {
  /** Schema texts by file name (`pattern.schema.json`). */
  export const schemas: Record<string, string>;
  /** The built-in definitions, sorted by file name. */
  export const builtins: { name: string; text: string }[];
}
