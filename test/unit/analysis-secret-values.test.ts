// Credential values found without the analyser: the ranges of a form's values in source order
// (well-formed, odd and shifted maps, template maps, unknown integrations), whether an offset is
// inside one, and quoted words of a message redacted.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { credentialRangesIn, isSecretAt, redactQuotes } from '../../server/src/service/flow/analysis/secretValues';
import { grammar41, grammar42 } from '../../server/src/service/flow/analysis/grammar/grammar';
import { documentOf } from '../support/documents';
import { builtinContext } from '../support/flowContext';
import { readFlow } from '../support/service';

const ctx = builtinContext();

function regionOf(text: string) {
  return readFlow(documentOf(text, 'flow')).regions[0];
}

/** The text of each credential value of each top-level form. */
function secretsIn(text: string, verbs = grammar41.verbMap): string[][] {
  return regionOf(text).tree.forms.map((form) => credentialRangesIn(form, ctx, verbs).map((r) => text.slice(r.start, r.end)));
}

describe('credential values: ranges in a form', () => {
  it('in source order, however deep, in params and template maps', () => {
    assert.deepEqual(secretsIn('(seq (send twilio sms {:password "a" :to-phone-number "1"} (template {:password "t"})) (par (send twilio sms {:password "b"})))'), [['"a"', '"t"', '"b"']]);
    assert.deepEqual(secretsIn('(send twilio sms {:to-phone-number "1"})\n(delay 1 days)\nx'), [[], [], []]);
  });

  it('after a credential key of an odd map: every form up to the next keyword; a shifted credential keyword counts as a key', () => {
    assert.deepEqual(secretsIn('(send twilio sms {:to-phone-number "1" :password "x" "y" :message "m"})'), [['"x"', '"y"']]);
    assert.deepEqual(secretsIn('(send twilio sms {:to-phone-number :password "x" 5 :message "m"})'), [['"x"', '5']]);
    assert.deepEqual(secretsIn('(send twilio sms {:to-phone-number "1" :password})'), [[]]);
    assert.deepEqual(secretsIn('(send twilio sms {:to-phone-number :password})'), [[]]);
    // Even: the value alone, a keyword after it or not.
    assert.deepEqual(secretsIn('(send twilio sms {:password "x" :message "m"})'), [['"x"']]);
    assert.deepEqual(secretsIn('(send twilio sms {"password" "x" "y" "z"})'), [['"x"']]);
  });

  it('for an unknown integration: its lookalikes\' credentials and any name that says it is a secret', () => {
    assert.deepEqual(secretsIn('(send twillio sms {:password "x" :message "m"})'), [['"x"']]);
    assert.deepEqual(secretsIn('(send nosuch thing {:api-secret "x" :password "y" :message "m"})'), [['"x"', '"y"']]);
    assert.deepEqual(secretsIn('(send nosuch thing {:message "m"})'), [[]]);
  });

  it('only the verbs given: 4.2 `perform` is no interaction to 4.1', () => {
    const text = '(perform twilio sms {:password "x"})';
    assert.deepEqual(secretsIn(text, grammar41.verbMap), [[]]);
    assert.deepEqual(secretsIn(text, grammar42.verbMap), [['"x"']]);
  });
});

describe('credential values: at an offset', () => {
  it('inside a value, not on its key nor outside the interaction', () => {
    const text = '(seq (send twilio sms {:password ["p" "q"] :message "m"}) {:password "z"})';
    const region = regionOf(text);
    const at = (needle: string) => isSecretAt(region, text.indexOf(needle), ctx);
    assert.deepEqual(
      ['"p"', 'q"', ':password [', '"m"', '(seq', ':password "z"', '"z"'].map(at),
      [true, true, false, false, false, false, false],
    );
    assert.equal(isSecretAt(regionOf(''), 0, ctx), false);
  });
});

describe('credential values: messages that quote them', () => {
  it('redacts each quoted word holding a letter or a digit, in any script', () => {
    const cases: [string, string][] = [
      ['Invalid number `12ab`', 'Invalid number `•••`'],
      ['`a` then `(` then `é` then `٣` then `-`', '`•••` then `(` then `•••` then `•••` then `-`'],
      ['no quotes', 'no quotes'],
      ['an odd ` quote', 'an odd ` quote'],
      ['``', '``'],
    ];
    for (const [message, redacted] of cases) assert.equal(redactQuotes(message), redacted, message);
  });
});
