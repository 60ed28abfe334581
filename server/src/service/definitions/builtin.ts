// The platform's eight built-in definitions, as shipped in schemas/builtin. Their uris are the files'
// own (a client can open them), or, for a client that shows them read-only, `<scheme>:/<name>`.
import { URI } from 'vscode-uri';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { shippedBuiltins } from '../resources';
import type { ShippedFile } from '../shippedFile';
import { DefinitionDocument, parseDefinitionDocument } from './definitionDocument';
import { languageIds } from '../documentKind';
import { UriKey, normaliseUri } from '../documents/uris';
import { Definition } from './model';

export interface BuiltinOptions {
  /** A uri scheme to give the built-in definitions instead of `file`. */
  scheme?: string;
}

function builtinUri(file: ShippedFile, options: BuiltinOptions): string {
  return options.scheme === undefined ? file.uri : URI.from({ scheme: options.scheme, path: `/${file.name}` }).toString();
}

/** The built-in definition files, parsed, under the uris `options` asks for. */
export function loadBuiltinDocuments(options: BuiltinOptions = {}): DefinitionDocument[] {
  return shippedBuiltins().map((file) => {
    const doc = TextDocument.create(builtinUri(file, options), languageIds.definition, 0, file.text);
    return parseDefinitionDocument(doc, true);
  });
}

/** Whether `scheme` may name the built-in definitions: a uri scheme, and none a workspace file has. */
export function isBuiltinScheme(scheme: unknown): scheme is string {
  return typeof scheme === 'string' && /^[a-z][a-z0-9+.-]*$/.test(scheme) && scheme !== 'file';
}

/**
 * The built-in definitions of one language service: read once, on first use, under the uris the
 * client asked for, with the texts a client that shows them read-only asks for.
 */
export class BuiltinDefinitions {
  private scheme: string | undefined;
  private read: Definition[] | undefined;
  private readonly texts = new Map<UriKey, string>();

  /** `given`: the definitions to use instead of the bundled files (tests). */
  constructor(private readonly given?: () => Definition[]) {}

  /**
   * Gives the built-in definitions uris of `scheme` (`cxengage-builtin:/twilio.integration.json`)
   * instead of their files'; only before they are read.
   */
  useScheme(scheme: string): void {
    if (this.read === undefined) this.scheme = scheme;
  }

  definitions(): Definition[] {
    if (this.read !== undefined) return this.read;
    if (this.given !== undefined) this.read = this.given();
    else {
      const documents = loadBuiltinDocuments({ scheme: this.scheme });
      for (const d of documents) this.texts.set(normaliseUri(d.document.uri), d.document.getText());
      this.read = documents.map((d) => d.definition);
    }
    return this.read;
  }

  /** The text of a built-in definition as shipped, by its uri. */
  text(uri: string): string | undefined {
    this.definitions();
    return this.texts.get(normaliseUri(uri));
  }

  /** Whether `uri` is under the built-ins' own scheme: known before they are read. */
  owns(uri: string): boolean {
    return this.scheme !== undefined && uri.startsWith(`${this.scheme}:`);
  }
}
