// One grammar per dialect, built from its table: which signature a name has at a position, the
// forms a position takes (completion), the options of a form, and the names only one dialect has.
import { InteractionVerb } from '../interactions';
import { forms41, units41 } from './forms41';
import { forms42, units42 } from './forms42';
import { DialectVersion, FormSignature, Place, PlaceRule } from './signature';

/** What `named` gives for a name of no form: one shared list, as every `def` and binding asks. */
const noSignatures: readonly FormSignature[] = [];

/**
 * Where a node stands, as the analyser and the editor track it: a place of the dialect, or
 * `value` (any value: 4.1 takes reactions and predicates there, 4.2 expressions), `condition`
 * (4.2: a predicate or an event collection) and `top` (a top-level form).
 */
export type Position = Place | 'value' | 'condition' | 'top';

/** A signature found for a name at a position, with the place it was found in (for `same`). */
export interface Found {
  signature: FormSignature;
  place: Place;
}

export class Grammar {
  private readonly byPlace = new Map<Place, Map<string, FormSignature>>();
  /** Per position, what a name is found as there: made once, as every list of a walk asks. */
  private readonly found = new Map<Position, Map<string, Found>>();
  private readonly names = new Set<string>();
  /** Every signature of a name, in table order. */
  private readonly byName = new Map<string, FormSignature[]>();
  private readonly functions = new Set<string>();
  private readonly sides = new Map<string, 'when' | 'then'>();
  private readonly verbs = new Map<string, InteractionVerb>();
  private readonly completions = new Map<Position, FormSignature[]>();
  private readonly candidates = new Map<Position, readonly string[]>();
  /** Per form that takes options: its options by name. */
  private readonly options = new Map<FormSignature, Map<string, FormSignature>>();

  constructor(
    readonly dialect: DialectVersion,
    readonly signatures: readonly FormSignature[],
    readonly units: readonly string[],
    /** How the unit message lists the units. */
    readonly unitsText: string,
    private readonly rules: Readonly<Record<Position, PlaceRule>>,
    /** Where the values of a params map stand; a `then` field (the timer's `create`) holds code of `thenPosition`. */
    readonly valuePosition: Position,
    readonly thenPosition: Position,
  ) {
    for (const signature of signatures) {
      this.names.add(signature.name);
      const same = this.byName.get(signature.name);
      if (same === undefined) this.byName.set(signature.name, [signature]);
      else same.push(signature);
      if (signature.function !== undefined) this.functions.add(signature.name);
      for (const place of signature.places) {
        let names = this.byPlace.get(place);
        if (names === undefined) this.byPlace.set(place, (names = new Map()));
        if (!names.has(signature.name)) names.set(signature.name, signature);
      }
      if (signature.topLevelSide !== undefined && !this.sides.has(signature.name)) this.sides.set(signature.name, signature.topLevelSide);
      if (signature.interaction !== undefined) this.verbs.set(signature.name, signature.interaction);
    }
    const options = this.byPlace.get('option');
    for (const signature of signatures) {
      if (signature.options === undefined) continue;
      const owned = new Map<string, FormSignature>();
      for (const name of signature.options) {
        const option = options?.get(name);
        if (option !== undefined) owned.set(name, option);
      }
      this.options.set(signature, owned);
    }
  }

  rule(position: Position): PlaceRule {
    return this.rules[position];
  }

  /** The signature `name` has at `position`, if the dialect takes it there. */
  lookup(name: string, position: Position): Found | undefined {
    let names = this.found.get(position);
    if (names === undefined) {
      names = new Map();
      // The first place that takes a name wins, in the rule's order.
      for (const place of [...this.rules[position].accepts].reverse()) {
        for (const [n, signature] of this.byPlace.get(place) ?? []) names.set(n, { signature, place });
      }
      this.found.set(position, names);
    }
    return names.get(name);
  }

  /** The names did-you-mean looks among for an unknown form at a position: made once per position, not per form. */
  candidateNames(position: Position): readonly string[] {
    let names = this.candidates.get(position);
    if (names === undefined) {
      const unique = new Set<string>();
      for (const place of this.rules[position].candidates) for (const name of this.byPlace.get(place)?.keys() ?? []) unique.add(name);
      names = [...unique];
      this.candidates.set(position, names);
    }
    return names;
  }

  /** The forms completion offers at a position (its rule's places, in table order, once per name). */
  formsIn(position: Position): FormSignature[] {
    let forms = this.completions.get(position);
    if (forms === undefined) {
      const seen = new Set<string>();
      forms = [];
      const rule = this.rules[position];
      for (const place of rule.completion ?? rule.candidates) {
        for (const signature of this.signatures) {
          if (signature.places.includes(place) && !seen.has(signature.name)) {
            seen.add(signature.name);
            forms.push(signature);
          }
        }
      }
      this.completions.set(position, forms);
    }
    return forms;
  }

  /** Every signature named `name`, in any place (hover where the position is unclear). */
  named(name: string): readonly FormSignature[] {
    return this.byName.get(name) ?? noSignatures;
  }

  /** Whether any form or function of the dialect is called `name`. */
  has(name: string): boolean {
    return this.names.has(name);
  }

  /** Whether `name` is a function (4.2): a value in its own right, as `filter` takes `even?`. */
  isFunction(name: string): boolean {
    return this.functions.has(name);
  }

  functionNames(): Iterable<string> {
    return this.functions;
  }

  /** The option `name` of a form, when the form takes it. */
  option(owner: FormSignature, name: string): FormSignature | undefined {
    return this.options.get(owner)?.get(name);
  }

  /** The option forms a form takes, in the order its signature lists them. */
  optionsOf(owner: FormSignature): FormSignature[] {
    return (owner.options ?? []).flatMap((name) => this.byPlace.get('option')?.get(name) ?? []);
  }

  /** Whether `name` is an option of some form. */
  isOption(name: string): boolean {
    return this.byPlace.get('option')?.has(name) ?? false;
  }

  /** The signature of the dialect's interaction verb `name`. */
  interactionSignature(name: string): FormSignature | undefined {
    return this.verbs.has(name) ? this.signatures.find((s) => s.name === name && s.interaction !== undefined) : undefined;
  }

  /** The dialect's interaction verb `name`. */
  verb(name: string): InteractionVerb | undefined {
    return this.verbs.get(name);
  }

  /** The dialect's interaction verbs, as `readInteraction` takes them. */
  get verbMap(): ReadonlyMap<string, InteractionVerb> {
    return this.verbs;
  }

  /** 4.1: the side a top-level form with this operator is on when no marker says. */
  sideOfOperator(name: string): 'when' | 'then' | undefined {
    return this.sides.get(name);
  }
}

const rule = (accepts: Place[], where: string, candidates: Place[] = accepts, more: Partial<PlaceRule> = {}): PlaceRule => ({ accepts, where, candidates, ...more });

const none: PlaceRule = rule([], 'here');

export const grammar41 = new Grammar(
  '4.1',
  forms41,
  units41,
  'seconds, minutes, hours, days',
  {
    reaction: rule(['reaction'], 'in a reaction', ['reaction'], { whereOption: 'in a reaction (it is an option of a form)' }),
    when: rule(['when'], 'in an event pattern'),
    predicate: rule(['predicate'], 'in a predicate'),
    value: rule(['reaction', 'predicate'], 'as a value', ['reaction', 'predicate'], { completion: [] }),
    top: rule([], 'at the top level', ['reaction', 'when']),
    option: rule(['option'], 'as an option'),
    action: none,
    collection: none,
    criterion: none,
    expression: none,
    condition: none,
  },
  'value',
  'reaction',
);

export const grammar42 = new Grammar(
  '4.2',
  forms42,
  units42,
  'second(s), minute(s), hour(s), day(s)',
  {
    action: rule(['action', 'expression'], 'in an action'),
    top: rule(['action', 'expression'], 'at the top level'),
    expression: rule(['expression'], 'in an expression'),
    value: rule(['expression'], 'in an expression'),
    collection: rule(['collection'], 'in an event collection'),
    criterion: rule(['criterion', 'expression'], 'in an event criterion', ['criterion']),
    condition: rule(['expression', 'collection'], 'in a condition'),
    option: rule(['option'], 'as an option'),
    reaction: none,
    when: none,
    predicate: none,
  },
  'expression',
  'action',
);

export function grammarOf(dialect: DialectVersion): Grammar {
  return dialect === '4.1' ? grammar41 : grammar42;
}

export function otherGrammar(grammar: Grammar): Grammar {
  return grammar === grammar41 ? grammar42 : grammar41;
}

/** The dialect that alone has a form or function called `name`; undefined when both or neither do. */
export function dialectOnly(name: string): DialectVersion | undefined {
  const in41 = grammar41.has(name);
  if (in41 === grammar42.has(name)) return undefined;
  return in41 ? '4.1' : '4.2';
}
