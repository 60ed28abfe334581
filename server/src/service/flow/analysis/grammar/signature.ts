// The shape of a grammar table: a form's signature (where it may stand, its arguments by kind,
// its options, what it binds) and the places of a dialect. Both dialects' tables are written in
// these terms; the analyser, completion, hover and shape messages all read them.
import type { InteractionVerb } from '../interactions';
import type { ListNode } from '../../syntax/tree';

/** The platform version whose flow language a piece of code is written in. */
export type DialectVersion = '4.1' | '4.2';

/**
 * Where a list form may stand.
 * 4.1: `reaction` (a then-side member), `option` (after a form's arguments), `when` (an event
 * pattern), `predicate` (the condition of `if`/`expect`, the tests of a when-side `event`).
 * 4.2: `action` (a step of the program: the top level and every body), `collection` (inside
 * `within`/`sequence`/...: event collections only), `criterion` (a value of an `event` map: a
 * predicate missing its first argument), `expression` (a value: arguments, bindings, params),
 * `option` (after an interaction's params).
 */
export type Place41 = 'reaction' | 'option' | 'when' | 'predicate';
export type Place42 = 'action' | 'collection' | 'criterion' | 'expression' | 'option';
export type Place = Place41 | Place42;

/**
 * What an argument is. A place kind holds a form of that place (or a plain value, where the place
 * takes values); the others are checked where they stand:
 * - `same`: a form of the place the owning form itself stands in (`and`, `or`, `not`);
 * - `operand` (4.1): a value compared by `=`, `>`, `<`; a list in it is read as a predicate;
 * - `condition` (4.2): a predicate or an event collection (`until`);
 * - `value`: any value (4.1: a list in it is a reaction or a predicate; 4.2: an expression);
 * - `number`, `unit`: the two halves of a duration (`5 minutes`), or a count (`retries 2`);
 * - `name`: a variable's name, a plain symbol (`set`, `def`);
 * - `params`: a map of field values (4.1's then-side `event`, `template`);
 * - `bindings`: `[name value ...]` (`let`); `binding`: `[name value]` (`if-let`, `when-let`);
 * - `criteria`: a 4.2 event map `{:field criterion ...}`;
 * - `template`: a stored template `+TM1` or an inline mustache string;
 * - `constant`: a constant to compare with (`case`);
 * - `integration`, `message`, `fields`: the parts of an interaction (checked by the send check).
 */
export type ArgKind =
  | 'reaction'
  | 'when'
  | 'predicate'
  | 'action'
  | 'collection'
  | 'criterion'
  | 'expression'
  | 'condition'
  | 'same'
  | 'operand'
  | 'value'
  | 'number'
  | 'unit'
  | 'name'
  | 'params'
  | 'bindings'
  | 'binding'
  | 'criteria'
  | 'template'
  | 'constant'
  | 'integration'
  | 'message'
  | 'fields';

/** The argument kinds that hold a form of a place (completion offers that place's forms there). */
export const placeKinds: ReadonlySet<ArgKind> = new Set(['reaction', 'when', 'predicate', 'action', 'collection', 'criterion', 'expression', 'condition', 'same']);

export interface ArgSpec {
  kind: ArgKind;
  /** How shape texts and signature help name it: `n`, `pred`, `then`. */
  label: string;
  /** May be left out. An optional `fields` argument is there only when it is a map. */
  optional?: boolean;
  /** Any number of them from here on: `*` none or more, `+` one or more. */
  repeat?: '*' | '+';
  /**
   * `pairs` of arguments (`cond`: predicate then action, `case`: constant then action), repeated,
   * with an optional last default of the second kind. Set on a repeated spec; `kind` is then the
   * kind of the default.
   */
  pair?: readonly [ArgKind, ArgKind];
  /** Response values are visible in it (4.1: the predicate of `expect`). */
  response?: boolean;
}

/** The scope rule of a form that binds names. */
export type BindingRule = 'let' | 'if-let' | 'when-let' | 'def';

/** A 4.2 function's kind, for completion and docs: what it computes. */
export type FunctionKind = 'math' | 'list' | 'predicate';

export interface FormSignature {
  name: string;
  dialect: DialectVersion;
  /** Where it may stand. */
  places: readonly Place[];
  /** Its positional arguments, in order. */
  args: readonly ArgSpec[];
  /** The options it takes after its arguments (names of signatures with place `option`). */
  options?: readonly string[];
  /** Options may stand among repeated arguments too, not only after them (4.1 `seq`, `par`). */
  optionsAmong?: boolean;
  /** Overrides the argument count derived from `args` (options included in it): 4.1 `if`. */
  arity?: readonly [number, number];
  binds?: BindingRule;
  /** An interaction: the send check reads it; `args` describe its parts for editing. */
  interaction?: InteractionVerb;
  /** A function (4.2): its kind; the walker checks its arity and its arguments as expressions. */
  function?: FunctionKind;
  /**
   * It has a body: the number of arguments before it (cljfmt's block index: `(let [x 1]` has one,
   * `(within 30 days` two, `(seq` none). The formatter indents a body two spaces and aligns the
   * other forms' arguments with their first one.
   */
  body?: number;
  /** The shape as the documentation writes it: `(delay <n> <unit>)`. */
  shape: string;
  /** Markdown: what it does. */
  doc: string;
  /**
   * LSP snippet body for completion, without the parentheses. No placeholder text (typing `(` over
   * one would wrap it in brackets), and a tab stop is followed only by a line break, a closing
   * bracket or the end: the space a user types after a value must not land before text the snippet wrote.
   */
  snippet: string;
  /** 4.1: the side a top-level form with this operator is on, when no marker says. */
  topLevelSide?: 'when' | 'then';
  /** Response values of the owning interaction are visible inside this option (4.1 `success`). */
  responseOfOwner?: boolean;
  /**
   * This list, though named like this form, is written in the other dialect: a 4.2 `event`
   * whose argument is a 4.1 predicate, a 4.1 when-side `event` with a 4.2 criteria map. The text
   * names what it is (`event` with a map).
   */
  otherDialect?: (list: ListNode) => string | undefined;
  /**
   * The equivalent form of the other dialect, for the quick fix of `wrong-dialect`: `seq` is
   * `do` in 4.2. `when` tells whether the rewrite keeps the meaning of this list.
   */
  counterpart?: { names: readonly string[]; when?: (list: ListNode) => boolean };
  /** An older spelling kept for old patterns: the editor marks it deprecated (semantic tokens). */
  deprecated?: boolean;
}

/** How a dialect treats one place: which signatures it takes and how an unknown form there is named. */
export interface PlaceRule {
  /** Signatures of these places are taken here, looked up in this order. */
  accepts: readonly Place[];
  /** For an unknown form: "`x` is not a form ${where}". */
  where: string;
  /** The wording when the name is an option of some form (4.1 reactions). */
  whereOption?: string;
  /** The places whose names did-you-mean looks among. */
  candidates: readonly Place[];
  /** The places whose forms completion offers here, when not `candidates` (4.1 offers none among values). */
  completion?: readonly Place[];
}
