// Lets the unit tests, written for node:test, run inside one Mocha process for mutation testing.
// Stryker's Mocha runner keeps the instrumented service loaded and runs only the tests that cover
// each mutant; the tap runner had to start a process per test file per mutant. The tests use only
// describe/it/before/after, which mean the same in both, so `node:test` is answered with Mocha's.
import Module from 'node:module';

type Body = () => unknown;
interface MochaGlobals {
  describe(name: string, body: Body): unknown;
  it(name: string, body: Body): { timeout(ms: number): unknown };
  before(body: Body): unknown;
  after(body: Body): unknown;
}

// Mocha defines its globals for each file as it loads it, so they are looked up at call time.
const mocha = (): MochaGlobals => globalThis as unknown as MochaGlobals;
// Tests on inputs of megabytes, or of thousands of generated documents, assert bounds and
// robustness rather than results, and other tests reach the same code on small inputs. Under
// Stryker's coverage counting each takes minutes, and a mutant that only slows a loop would
// hold a worker until their time limit, so the mutation run leaves them to `npm test`.
const largeInputTests = [
  /\b[0-9]+ MB\b/,
  /^127,000 problems/,
  /^completion after `\(send ` gives at most 1,000 items/,
  /^answers at every offset of random text/,
  /^answers on random bytes/,
  /^runs 400 random programs/,
  /^a form from every prefix of every built-in definition/,
  /^a send form or null at every offset of every prefix/,
];
// Random-edit property tests take a quarter of their steps (test/support/random.ts, propertySteps).
process.env.CXENGAGE_PROPERTY_SCALE = '0.25';

const isLargeInputTest = (name: string): boolean => largeInputTests.some((pattern) => pattern.test(name));

// node:test takes an optional options object before the body; its `timeout` maps to Mocha's.
function it(name: string, optionsOrBody: { timeout?: number } | Body, body?: Body): unknown {
  if (isLargeInputTest(name)) return undefined;
  if (typeof optionsOrBody === 'function') return mocha().it(name, optionsOrBody);
  const test = mocha().it(name, body ?? (() => undefined));
  return optionsOrBody.timeout === undefined ? test : test.timeout(optionsOrBody.timeout);
}

const nodeTestOnMocha = {
  describe: (name: string, body: Body) => mocha().describe(name, body),
  it,
  test: it,
  before: (body: Body) => mocha().before(body),
  after: (body: Body) => mocha().after(body),
};

interface ModuleLoader {
  _load(request: string, parent: unknown, isMain: boolean): unknown;
}
const loader = Module as unknown as ModuleLoader;
const load = loader._load.bind(loader);
loader._load = (request, parent, isMain) =>
  request === 'node:test' ? nodeTestOnMocha : load(request, parent, isMain);
