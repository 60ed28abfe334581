// cxengage-lint: the language server's checks from the command line, for CI. The same language
// service and workspace as the editor's: folders given are scanned with their own
// `cxengage.definitions.include`/`exclude`, files given are checked whatever their folder says.
import { URI } from 'vscode-uri';
import { parseArguments, usage, UsageError, CliOptions } from './cli/options';
import { formatJson, formatSarif, formatText, summarise, FileResult } from './cli/reporters';
import { runFormat } from './cli/format';
import { describeFixes, fixFiles } from './cli/fix';
import { runPattern } from './cli/run';
import { runTests } from './cli/test';
import { SettingsFileError, SettingsLayer } from './cli/settingsFiles';
import { Targets, openWorkspace, resolveTargets, settingsByFolder } from './cli/workspaceRun';
import { Settings, normaliseSettings } from './service/settings';
import { serverVersion } from './version';

/** The layer of settings the flags give (`--no-builtin`, `--severity`, `--dialect`), checked strictly. */
function flagLayer(options: CliOptions): SettingsLayer {
  const layer: SettingsLayer = {};
  if (!options.builtin) layer.definitions = { builtin: false };
  if (Object.keys(options.severity).length > 0) layer.diagnostics = { severity: options.severity };
  if (options.dialect !== undefined) layer.flow = { dialect: options.dialect };
  const warnings: string[] = [];
  normaliseSettings(layer, warnings);
  if (warnings.length > 0) throw new UsageError(warnings[0].replace('cxengage.diagnostics.severity', '--severity').replace(' is ignored', ''));
  return layer;
}

async function runCli(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (argv[0] === 'format') return runFormat(argv.slice(1), out, err);
  if (argv[0] === 'run') return runPattern(argv.slice(1), out, err);
  if (argv[0] === 'test') return runTests(argv.slice(1), out, err);
  let options: CliOptions;
  let targets: Targets;
  let settingsFor: (uri: string) => Settings;
  try {
    options = parseArguments(argv);
    if (options.help) {
      out(usage);
      return 0;
    }
    if (options.version) {
      out(serverVersion);
      return 0;
    }
    targets = resolveTargets(options.paths.length > 0 ? options.paths : ['.']);
    settingsFor = await settingsByFolder(targets, options.settingsFile, flagLayer(options), (w) => err(`cxengage-lint: ${w}`));
  } catch (error) {
    if (error instanceof UsageError || error instanceof SettingsFileError) {
      err(`cxengage-lint: ${error.message}`);
      return 2;
    }
    throw error;
  }

  let status = 0;
  const fail = (message: string) => {
    err(`cxengage-lint: ${message}`);
    status = 2;
  };
  // Definitions first (the scan indexes them): every flow is checked against all of them.
  const { service, files } = await openWorkspace(targets, settingsFor, fail);
  if (options.fix) {
    // Beside JSON or SARIF on stdout, what was fixed goes to stderr.
    const report = options.format === 'text' ? out : err;
    for (const line of describeFixes(await fixFiles(service, files, fail))) report(line);
  }
  const results: FileResult[] = [];
  for (const { uri, shown } of files) {
    const source = await service.workspace.read(uri);
    if (source === undefined) {
      fail(`cannot read ${shown}: not a regular file, no permission, or it is gone`);
      continue;
    }
    results.push({ path: shown, diagnostics: await service.sourceDiagnostics(source) });
  }
  const summary = summarise(results);
  switch (options.format) {
    case 'json':
      out(formatJson(results, summary));
      break;
    case 'sarif':
      out(formatSarif(results, URI.file(process.cwd()).toString(), serverVersion));
      break;
    default: {
      const text = formatText(results);
      if (text) out(text);
      out(
        `${summary.files} file${summary.files === 1 ? '' : 's'} checked: ${summary.errors} error${summary.errors === 1 ? '' : 's'}, ` +
          `${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}, ${summary.information} information, ${summary.hints} hint${summary.hints === 1 ? '' : 's'}`,
      );
    }
  }
  const tooManyWarnings = options.maxWarnings !== undefined && summary.warnings > options.maxWarnings;
  if (tooManyWarnings && options.format === 'text') err(`cxengage-lint: ${summary.warnings} warnings, more than --max-warnings ${options.maxWarnings}`);
  if (status !== 0) return status;
  return summary.errors > 0 || tooManyWarnings ? 1 : 0;
}

/** Writes lines to a stream that may close early (`cxengage-lint | head`): the rest are dropped quietly. */
function lineWriter(stream: NodeJS.WriteStream): (s: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (s) => {
    if (!closed) stream.write(`${s}\n`);
  };
}

if (require.main === module) {
  const err = lineWriter(process.stderr);
  runCli(process.argv.slice(2), lineWriter(process.stdout), err).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      err(`cxengage-lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 2;
    },
  );
}
