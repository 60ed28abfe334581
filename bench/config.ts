// Command-line flags of `npm run bench`: input sizes, repetitions, which workloads, where results go.
export interface BenchConfig {
  seed: number;
  warmup: number;
  runs: number;
  defMessages: number;
  defFields: number;
  defBytes: number;
  flowSends: number;
  flowBytes: number;
  patterns: number;
  edits: number;
  positions: number;
  wsDefinitions: number;
  wsFlows: number;
  starts: number;
  only: string[];
  out: string;
  quick: boolean;
}

export const fullConfig: BenchConfig = {
  seed: 6,
  warmup: 3,
  runs: 25,
  defMessages: 2000,
  defFields: 10,
  defBytes: 2 * 1024 * 1024,
  flowSends: 5000,
  flowBytes: 1024 * 1024,
  patterns: 2000,
  edits: 200,
  positions: 500,
  wsDefinitions: 1000,
  wsFlows: 5000,
  starts: 10,
  only: ['W1', 'W2', 'W2-4.2', 'W3', 'W4', 'W4-4.2', 'W5', 'W6', 'W6-RENAME', 'W7', 'W8', 'W9', 'W10', 'W11', 'W12'],
  out: 'bench-results',
  quick: false,
};

/** A smoke run: every workload, a tenth of the sizes, few repetitions. */
const quickConfig: Partial<BenchConfig> = {
  warmup: 1,
  runs: 3,
  defMessages: 200,
  defBytes: 200 * 1024,
  flowSends: 500,
  flowBytes: 100 * 1024,
  patterns: 200,
  edits: 20,
  positions: 50,
  wsDefinitions: 100,
  wsFlows: 500,
  starts: 2,
  quick: true,
};

const usage = `Usage: npm run bench -- [--quick] [--only W1,W4] [--runs n] [--warmup n] [--seed n]
  [--def-messages n] [--def-fields n] [--def-bytes n] [--flow-sends n] [--flow-bytes n]
  [--patterns n] [--edits n] [--positions n] [--ws-definitions n] [--ws-flows n] [--starts n] [--out dir]`;

const numeric: Record<string, keyof BenchConfig> = {
  '--seed': 'seed',
  '--warmup': 'warmup',
  '--runs': 'runs',
  '--def-messages': 'defMessages',
  '--def-fields': 'defFields',
  '--def-bytes': 'defBytes',
  '--flow-sends': 'flowSends',
  '--flow-bytes': 'flowBytes',
  '--patterns': 'patterns',
  '--edits': 'edits',
  '--positions': 'positions',
  '--ws-definitions': 'wsDefinitions',
  '--ws-flows': 'wsFlows',
  '--starts': 'starts',
};

export function parseFlags(argv: string[]): BenchConfig {
  // --quick first, so that explicit flags override its sizes wherever they appear.
  const config: BenchConfig = { ...fullConfig, ...(argv.includes('--quick') ? quickConfig : {}) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--quick') continue;
    if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    if (flag === '--only') config.only = value().split(',').map((w) => w.trim().toUpperCase());
    else if (flag === '--out') config.out = value();
    else if (flag in numeric) {
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} takes a non-negative number`);
      (config[numeric[flag]] as number) = n;
    } else throw new Error(`unknown flag ${arg}\n${usage}`);
  }
  return config;
}
