// The scopes of 4.2 bindings and the reading of the other dialect's forms, diagnostic by diagnostic:
// `let` values see the bindings before them, `when-let` binds in its whole body, `if-let` in its
// then-branch only and for one name; a name with a dot binds nothing; a form of the other dialect
// is `wrong-dialect` with its counterparts, and an interaction inside it is still checked.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diagnoseFlow } from '../support/flowContext';

/** Code, line, start and end character of each diagnostic of `text`. */
function found(text: string): [string, number, number, number][] {
  return diagnoseFlow(text).diagnostics.map((d) => [String(d.code), d.range.start.line, d.range.start.character, d.range.end.character]);
}

const in42 = (code: string) => `; cxengage-dialect: 4.2\n${code}`;
const in41 = (code: string) => `; cxengage-dialect: 4.1\n;; Then\n${code}`;

describe('4.2 binding scopes', () => {
  it('gives each binding form its scope', () => {
    const cases: [string, [string, number, number, number][]][] = [
      ['(let [a 1 b a] b)', []],
      ['(let [b a a 1] b)', [['unbound-variable', 1, 8, 9]]],
      ['(let [a 1] (let [b a] (+ a b)))', []],
      ['(when-let [a 1] a a)', []],
      ['(when-let [a a] a)', [['unbound-variable', 1, 13, 14]]],
      ['(if-let [a 1] a a)', [['unbound-variable', 1, 16, 17]]],
      ['(if-let [a 1 b 2] b a)', [['arity', 1, 8, 17], ['unbound-variable', 1, 18, 19], ['unbound-variable', 1, 20, 21]]],
      ['(when-let [a 1 b 2] b)', [['arity', 1, 10, 19], ['unbound-variable', 1, 20, 21]]],
      ['(let [a.b 1] a.b)', [['arity', 1, 6, 9], ['unbound-variable', 1, 13, 14]]],
      ['(let [a 1 b] b)', [['arity', 1, 10, 11]]],
    ];
    for (const [code, expected] of cases) assert.deepEqual(found(in42(code)), expected, code);
  });

  it('says why a name is unbound, and which name in scope was meant', () => {
    const messages = diagnoseFlow(in42('(if-let [a 1 b 2] b a)')).diagnostics.map((d) => d.message);
    assert.deepEqual(messages, [
      '`if-let` binds one name: `[name value]`',
      '`b` names no variable in scope here and no function; did you mean `a`?',
      '`a` names no variable in scope here and no function',
    ]);
    assert.deepEqual(
      diagnoseFlow(in42('(let [a.b 1] a.b)')).diagnostics.map((d) => d.message),
      ['Expected a variable name here, as a plain name', '`a` (before `.b`) names no variable in scope here and no function'],
    );
  });
});

describe('forms of the other dialect', () => {
  it('are wrong-dialect with their counterparts; the interactions inside are checked', () => {
    const cases: [string, [string, number, number, number][], string[][]][] = [
      [in42('(seq (send twilio sms {:mesage "x"}) (delay 1 minutes))'), [['wrong-dialect', 1, 1, 4], ['missing-mandatory-field', 1, 11, 21], ['unknown-field', 1, 23, 30]], [['do']]],
      [in42('(send twilio sms {:to-phone-number "1" :message "m"} (retries 2))'), [['wrong-dialect', 1, 1, 5], ['missing-mandatory-field', 1, 6, 16]], [['perform', 'create']]],
      [in42('[(seq 1)]'), [['wrong-dialect', 1, 2, 5]], [['do']]],
      [in41('(do (perform twilio sms {:mesage "x"}))'), [['wrong-dialect', 2, 1, 3], ['missing-mandatory-field', 2, 13, 23], ['unknown-field', 2, 25, 32]], [['seq']]],
      [in41('(perform twilio sms {:to-phone-number "1" :message "m"})'), [['wrong-dialect', 2, 1, 8], ['missing-mandatory-field', 2, 9, 19]], [['send']]],
      [in41('(send twilio sms {:to-phone-number "1" :message "m"} (catch (seq)))'), [['missing-mandatory-field', 2, 6, 16], ['wrong-dialect', 2, 54, 59]], [['failure']]],
    ];
    for (const [text, expected, replacements] of cases) {
      const { diagnostics } = diagnoseFlow(text);
      assert.deepEqual(found(text), expected, text);
      const wrong = diagnostics.filter((d) => d.code === 'wrong-dialect');
      assert.deepEqual(wrong.map((d) => (d.data as { replacements: string[] }).replacements), replacements, text);
    }
  });
});
