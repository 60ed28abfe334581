// Which new names a rename takes, per kind of thing renamed, and the reason given for each it refuses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NamedKind, invalidNameReason } from '../../server/src/service/renaming/newNames';

describe('new names of a rename', () => {
  it('takes a plain symbol for integrations, messages and variables, a keyword name for fields', () => {
    const valid: [NamedKind, string][] = [
      ['integration', 'crm'],
      ['integration', 'my-crm2'],
      ['message', 'send-note!'],
      ['message', 'a:b'],
      ['variable', 'total?'],
      ['variable', 'x'],
      ['field', 'to-phone'],
      ['field', 'a.b'],
      ['field', '42'],
      ['field', 'nil'],
      ['integration', 'seq'],
      ['field', '#x'],
      ['variable', 'a#b'],
    ];
    for (const [kind, name] of valid) assert.equal(invalidNameReason(kind, name), undefined, `${kind} ${name}`);
  });

  it('refuses each kind of bad name with its reason', () => {
    const cases: [NamedKind, string, string][] = [
      ['integration', '', 'The new name is empty: an integration type needs at least one character.'],
      ['message', '', 'The new name is empty: a message name needs at least one character.'],
      ['field', '', 'The new name is empty: a field name needs at least one character.'],
      ['variable', '', 'The new name is empty: a variable name needs at least one character.'],
      ['message', 'a b', '`a b` cannot be a message name: it holds white space, which flow code cannot hold in a name.'],
      ['message', 'a\tb', '`a\tb` cannot be a message name: it holds white space, which flow code cannot hold in a name.'],
      ['message', 'a\u001fb', '`a\u001fb` cannot be a message name: it holds a control character, which flow code cannot hold in a name.'],
      ['message', 'a\u007fb', '`a\u007fb` cannot be a message name: it holds a control character, which flow code cannot hold in a name.'],
      ['message', '\u0000', '`\u0000` cannot be a message name: it holds a control character, which flow code cannot hold in a name.'],
      ['integration', 'a"b', '`a"b` cannot be an integration type: it holds a double quote, which flow code cannot hold in a name.'],
      ['integration', 'a\\b', '`a\\b` cannot be an integration type: it holds a backslash, which flow code cannot hold in a name.'],
      ['variable', 'a,b', '`a,b` cannot be a variable name: it holds `,`, which flow code cannot hold in a name.'],
      ['variable', 'a(b c', '`a(b c` cannot be a variable name: it holds `(`, which flow code cannot hold in a name.'],
      ['field', 'a;b', '`a;b` cannot be a field name: it holds `;`, which flow code cannot hold in a name.'],
      ['field', "it's", "`it's` cannot be a field name: it holds `'`, which flow code cannot hold in a name."],
      ['field', 'a@b', '`a@b` cannot be a field name: it holds `@`, which flow code cannot hold in a name.'],
      ['field', ':to', "`:to` cannot be a field name: write it without the keyword's colon (`to`)."],
      ['field', '::to', "`::to` cannot be a field name: write it without the keyword's colon (`to`)."],
      ['message', ':to', '`:to` cannot be a message name: flow code would not read it as a plain symbol (not a number, keyword, `$field`, `*field*`, `+template`, `true`, `false` or `nil`).'],
      ['integration', '42', '`42` cannot be an integration type: flow code would not read it as a plain symbol (not a number, keyword, `$field`, `*field*`, `+template`, `true`, `false` or `nil`).'],
      ['variable', 'true', '`true` cannot be a variable name: flow code would not read it as a plain symbol (not a number, keyword, `$field`, `*field*`, `+template`, `true`, `false` or `nil`).'],
      ['variable', '#x', '`#x` cannot be a variable name: flow code would not read it as a plain symbol (not a number, keyword, `$field`, `*field*`, `+template`, `true`, `false` or `nil`).'],
      ['message', 'a.b', '`a.b` cannot be a message name: a `.` in a symbol reads a field of a variable (`result.sid`).'],
      ['variable', 'result.sid', '`result.sid` cannot be a variable name: a `.` in a symbol reads a field of a variable (`result.sid`).'],
      ['variable', 'let', '`let` cannot be a variable name: it is a form or function of the 4.2 language.'],
      ['variable', '=', '`=` cannot be a variable name: it is a form or function of the 4.2 language.'],
    ];
    for (const [kind, name, reason] of cases) assert.equal(invalidNameReason(kind, name), reason, `${kind} ${JSON.stringify(name)}`);
  });
});
