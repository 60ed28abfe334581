// W10's input: a pattern of about `forms` forms in each dialect, and events for many key values
// that the patterns match again and again, from a fixed seed.
import { seededRandom } from '../../test/support/random';

export interface SimulationInputs {
  /** A 4.2 program. */
  program: string;
  /** A 4.1 `;; When` / `;; Then` pattern. */
  pattern41: string;
  /** Forms (lists) in each, counted. */
  forms42: number;
  forms41: number;
  events: Record<string, string | number>[];
  keys: number;
}

const countForms = (code: string) => code.split('(').length - 1;

/** One round of collection and reaction in 4.2: 13 forms. */
function block42(i: number): string {
  return `(within 1 day (sequence (event {:type "start"}) (event {:type "step" :amount (> ${i % 5})})))
(let [total (sum (all $amount))]
  (perform echo message {:message (template "round ${i}: {{total}}")})
  (if (> total limit) (create twilio sms {:to-phone-number $phone :from-phone-number "1" :message "big"}) (set note "small")))
(cond (= $type "end") (set note "done") (set note (str "at " ${i})))`;
}

/** The then side's repeated part in 4.1: 6 forms. */
function block41(i: number): string {
  return `(send echo message {:message "step ${i}"} (retries 1) (success (set last $id)))
  (if (> *amount* ${i}) (success (set big true)) (failure (set big false)))`;
}

export function generateSimulationInputs(seed: number, formsWanted: number, eventCount: number, keys: number): SimulationInputs {
  const random = seededRandom(seed);
  let program = '(def limit 250)\n(def note "")\n';
  for (let i = 0; countForms(program) + 13 <= formsWanted; i++) program += `${block42(i)}\n`;
  const when = '(within 1 hours (seq (event (= type "start")) (event (and (= type "step") (> amount 0)))))';
  let then = '(seq\n';
  for (let i = 0; countForms(when + then) + 6 < formsWanted; i++) then += `  ${block41(i)}\n`;
  then += '  (send twilio sms {:to-phone-number *phone* :from-phone-number "1" :message +TM1}))';
  const pattern41 = `;; When\n${when}\n;; Then\n${then}\n`;
  const types = ['start', 'step', 'step', 'end'];
  const events: Record<string, string | number>[] = [];
  for (let i = 0; i < eventCount; i++) {
    const key = i % keys;
    const nth = Math.floor(i / keys);
    events.push({ '@time': '+1s', id: `cust-${key}`, type: types[nth % types.length], amount: random.int(200), phone: `+1555${String(key).padStart(4, '0')}` });
  }
  return { program, pattern41, forms42: countForms(program), forms41: countForms(pattern41), events, keys };
}
