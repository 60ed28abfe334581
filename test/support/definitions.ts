// The workspace definition every test tier uses (unit, protocol, CLI, browser): one integration
// with both components, secrets on each side and an enum field, clean as written, so that each
// test's variant (`.replace(...)`) shows exactly the mistake the test is about.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDefinitionDocument } from '../../server/src/service/definitions/definitionDocument';
import { DefinitionIndex } from '../../server/src/service/definitions/definitionIndex';
import { documentOf } from './documents';
import { builtinDefinitions } from './service';

/**
 * `crm`: a configuration form with a login and a password `secret`; an endpoint that redacts the
 * secret and sends `note` (`text` mandatory, `colour` an optional enum); a listener with its own
 * form, whose password `hook-secret` it redacts.
 */
export const crmDefinition = `{
  "type": "crm",
  "display": "CRM",
  "schema": [
    { "label": "Login", "param": "login" },
    { "label": "Secret", "param": "secret", "type": "password" }
  ],
  "endpoint": {
    "name": "crm", "type": "crm", "display": "CRM Endpoint",
    "params": ["login", "secret"], "static-params": ["login", "secret"], "redact": ["secret"],
    "sends": {
      "note": {
        "text": { "type": "mandatory", "description": "The note" },
        "colour": { "type": "optional", "enum": ["red", "green"] }
      }
    }
  },
  "listener": {
    "name": "crm", "type": "crm", "display": "CRM Listener",
    "schema": [ { "label": "Webhook secret", "param": "hook-secret", "type": "password" } ],
    "params": ["hook-secret"], "static-params": ["hook-secret"], "redact": ["hook-secret"]
  }
}
`;

export const crmFileName = 'crm.integration.json';

/** A variant of the crm definition: each `[from, to]` replaced once, failing when `from` is absent. */
export function crmWith(...replacements: [string, string][]): string {
  let text = crmDefinition;
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`the crm definition has no ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  }
  return text;
}

/** The endpoint without its redact list: `secret` is then an unredacted secret. */
export const crmUnredacted = crmWith([', "redact": ["secret"]', '']);

/** Writes `text` (default: the crm definition) as `crm.integration.json` into `folder`; returns its path. */
export function writeCrm(folder: string, text = crmDefinition): string {
  const file = path.join(folder, crmFileName);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** An index of the built-in definitions and the crm definition, as a workspace holding it sees them. */
export function crmIndex(text = crmDefinition): DefinitionIndex {
  const index = new DefinitionIndex();
  index.setBuiltins(builtinDefinitions());
  index.set(parseDefinitionDocument(documentOf(text, 'definition', 'crm')).definition);
  return index;
}
