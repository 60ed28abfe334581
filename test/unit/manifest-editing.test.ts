// The manifest's semantic token and inlay hint contributions against the server's legend and
// settings: every scope selector names a type and modifier of the legend, every custom modifier
// is declared, and the inlay hint settings default as the service does.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { semanticTokensLegend } from '../../server/src/service/flow/editing/semanticTokens';
import { defaultSettings } from '../../server/src/service/settings';

interface Contributes {
  semanticTokenModifiers: { id: string; description: string }[];
  semanticTokenScopes: { language: string; scopes: Record<string, string[]> }[];
  configuration: { properties: Record<string, { default?: unknown }> }[];
}

const contributes = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { contributes: Contributes }).contributes;
const standardModifiers = ['declaration', 'definition', 'readonly', 'static', 'deprecated', 'abstract', 'async', 'modification', 'documentation', 'defaultLibrary'];

describe('the semantic token and inlay hint contributions', () => {
  it('declares every modifier of the legend that VS Code does not know', () => {
    const custom = semanticTokensLegend.tokenModifiers.filter((m) => !standardModifiers.includes(m));
    assert.deepEqual(
      contributes.semanticTokenModifiers.map((m) => m.id),
      custom,
    );
  });

  it('maps scopes for the two languages of flow code, with selectors of the legend', () => {
    assert.deepEqual(
      contributes.semanticTokenScopes.map((s) => s.language),
      ['cxflow', 'cxengage-pattern'],
    );
    for (const { scopes } of contributes.semanticTokenScopes) {
      for (const selector of Object.keys(scopes)) {
        const [type, modifier] = selector.split('.');
        assert.ok((semanticTokensLegend.tokenTypes as string[]).includes(type), selector);
        assert.ok((semanticTokensLegend.tokenModifiers as string[]).includes(modifier), selector);
      }
    }
  });

  it('defaults each inlay hint setting as the service does', () => {
    const settings: Record<string, { default?: unknown }> = {};
    for (const section of contributes.configuration) Object.assign(settings, section.properties);
    assert.deepEqual(
      { missingFields: settings['cxengage.inlayHints.missingFields'].default, integrationNames: settings['cxengage.inlayHints.integrationNames'].default },
      defaultSettings.inlayHints,
    );
  });
});
