// The `cxengage.*` settings as the service sees them, and their normalisation from untrusted input.
import { SeveritySetting, isDiagnosticCode, DiagnosticCode } from './codes';
import type { JsonKeySpacing, JsonLayout } from './formatting/jsonFormatting';
import type { DialectSetting } from './flow/analysis/dialect';

export interface Settings {
  definitions: { include: string[]; exclude: string[]; builtin: boolean };
  severity: Partial<Record<DiagnosticCode, SeveritySetting>>;
  /** `cxengage.diagnostics.maxPerFile`: diagnostics shown per file; one more says how many were left out. */
  maxDiagnosticsPerFile: number;
  maxFileSize: number;
  /** The layout Format Document gives definitions and payloads. */
  format: JsonLayout;
  /** `dialect`: how a flow's dialect is chosen: by the rules (`auto`), or one for every file. */
  flow: { dialect: DialectSetting };
  /** `cxengage.inlayHints.*`: which inlay hints flows show. */
  inlayHints: { missingFields: boolean; integrationNames: boolean };
}

export const defaultSettings: Settings = {
  definitions: { include: ['**/*.integration.json'], exclude: ['**/node_modules/**', '**/.git/**'], builtin: true },
  severity: {},
  maxDiagnosticsPerFile: 1000,
  maxFileSize: 5 * 1024 * 1024,
  format: { keySpacing: 'compact', keepLines: false },
  flow: { dialect: 'auto' },
  inlayHints: { missingFields: true, integrationNames: false },
};

export const dialectSettings: readonly DialectSetting[] = ['auto', '4.1', '4.2'];

function isDialectSetting(value: unknown): value is DialectSetting {
  return typeof value === 'string' && (dialectSettings as readonly string[]).includes(value);
}

const severityValues = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);

/** A setting problem worth telling the user about (unknown code, wrong type, ...). */
export type SettingsWarning = string;

function stringList(value: unknown, fallback: string[], name: string, warnings: SettingsWarning[]): string[] {
  if (value === undefined || value === null) return fallback;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  warnings.push(`cxengage.${name} must be a list of glob strings; using the default`);
  return fallback;
}

/**
 * Reads settings from the `cxengage` section as a client sends it (or a CLI config), keeping
 * every valid part and reporting every invalid one instead of failing.
 */
export function normaliseSettings(raw: unknown, warnings: SettingsWarning[] = []): Settings {
  const section = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const defs = (typeof section.definitions === 'object' && section.definitions !== null
    ? section.definitions
    : {}) as Record<string, unknown>;
  const diagnostics = (typeof section.diagnostics === 'object' && section.diagnostics !== null
    ? section.diagnostics
    : {}) as Record<string, unknown>;
  const flow = (typeof section.flow === 'object' && section.flow !== null ? section.flow : {}) as Record<string, unknown>;

  const severity: Settings['severity'] = {};
  const rawSeverity = diagnostics.severity;
  if (typeof rawSeverity === 'object' && rawSeverity !== null && !Array.isArray(rawSeverity)) {
    for (const [code, level] of Object.entries(rawSeverity)) {
      if (!isDiagnosticCode(code)) {
        warnings.push(`cxengage.diagnostics.severity: unknown diagnostic code "${code}" is ignored`);
      } else if (typeof level !== 'string' || !severityValues.has(level)) {
        warnings.push(`cxengage.diagnostics.severity: "${String(level)}" for "${code}" is not one of error, warning, information, hint, off`);
      } else {
        severity[code] = level as SeveritySetting;
      }
    }
  } else if (rawSeverity !== undefined && rawSeverity !== null) {
    warnings.push('cxengage.diagnostics.severity must be an object mapping codes to severities');
  }

  let maxFileSize = defaultSettings.maxFileSize;
  if (typeof section.maxFileSize === 'number' && Number.isFinite(section.maxFileSize) && section.maxFileSize >= 0) {
    maxFileSize = section.maxFileSize;
  } else if (section.maxFileSize !== undefined && section.maxFileSize !== null) {
    warnings.push('cxengage.maxFileSize must be a non-negative number of bytes; using the default');
  }

  let dialect = defaultSettings.flow.dialect;
  if (isDialectSetting(flow.dialect)) dialect = flow.dialect;
  else if (flow.dialect !== undefined && flow.dialect !== null) {
    warnings.push(`cxengage.flow.dialect must be one of ${dialectSettings.join(', ')}, not "${String(flow.dialect)}"; using auto`);
  }

  let maxDiagnosticsPerFile = defaultSettings.maxDiagnosticsPerFile;
  const maxPerFile = diagnostics.maxPerFile;
  if (typeof maxPerFile === 'number' && Number.isInteger(maxPerFile) && maxPerFile >= 1) {
    maxDiagnosticsPerFile = maxPerFile;
  } else if (maxPerFile !== undefined && maxPerFile !== null) {
    warnings.push('cxengage.diagnostics.maxPerFile must be a whole number of at least 1; using the default');
  }

  return {
    format: jsonLayout(section.format, warnings),
    definitions: {
      include: stringList(defs.include, defaultSettings.definitions.include, 'definitions.include', warnings),
      exclude: stringList(defs.exclude, defaultSettings.definitions.exclude, 'definitions.exclude', warnings),
      builtin: typeof defs.builtin === 'boolean' ? defs.builtin : defaultSettings.definitions.builtin,
    },
    severity,
    maxDiagnosticsPerFile,
    maxFileSize,
    flow: { dialect },
    inlayHints: inlayHintSettings(section.inlayHints, warnings),
  };
}

function inlayHintSettings(raw: unknown, warnings: SettingsWarning[]): Settings['inlayHints'] {
  const hints = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const result = { ...defaultSettings.inlayHints };
  for (const kind of ['missingFields', 'integrationNames'] as const) {
    const value = hints[kind];
    if (typeof value === 'boolean') result[kind] = value;
    else if (value !== undefined && value !== null) warnings.push(`cxengage.inlayHints.${kind} must be true or false; using ${String(result[kind])}`);
  }
  return result;
}

function jsonLayout(raw: unknown, warnings: SettingsWarning[]): JsonLayout {
  const format = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  let keySpacing: JsonKeySpacing = defaultSettings.format.keySpacing;
  if (format.jsonKeySpacing === 'compact' || format.jsonKeySpacing === 'spaced') keySpacing = format.jsonKeySpacing;
  else if (format.jsonKeySpacing !== undefined && format.jsonKeySpacing !== null) warnings.push('cxengage.format.jsonKeySpacing must be "compact" or "spaced"; using "compact"');
  let keepLines = defaultSettings.format.keepLines;
  if (typeof format.jsonKeepLines === 'boolean') keepLines = format.jsonKeepLines;
  else if (format.jsonKeepLines !== undefined && format.jsonKeepLines !== null) warnings.push('cxengage.format.jsonKeepLines must be true or false; using false');
  return { keySpacing, keepLines };
}

/** The `cxengage` section of a settings object, whether given whole (`{cxengage: {...}}`) or as the section. */
export function cxengageSection(value: unknown): unknown {
  // `{settings: {cxengage: ...}}` (initializationOptions), `{cxengage: ...}`, or the section itself.
  for (let level = 0; level < 2 && typeof value === 'object' && value !== null && 'settings' in value; level++) {
    value = (value as { settings: unknown }).settings;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  return 'cxengage' in record ? record.cxengage : value;
}

/**
 * Turns `{"definitions.include": [...]}` (flat keys, as some clients send) into nested objects.
 * Settings nest three levels at most: deeper objects are taken as they are.
 */
export function expandDotted(value: unknown, depth = 0): unknown {
  if (depth > 4) return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const parts = key.replace(/^cxengage\./, '').split('.');
    let target = result;
    for (const part of parts.slice(0, -1)) {
      if (typeof target[part] !== 'object' || target[part] === null) target[part] = {};
      target = target[part] as Record<string, unknown>;
    }
    const last = parts[parts.length - 1];
    target[last] = typeof v === 'object' && v !== null && !Array.isArray(v) && last !== 'severity' ? expandDotted(v, depth + 1) : v;
  }
  return result;
}
