// The distinct names of one read. The words of flow code repeat (`send`, `twilio`,
// `:to-phone-number`): each distinct one is sliced from the text once and shared by every node
// that spells it. The tree is an eighth smaller (less for the garbage collector to copy while it
// is young), and the analyser's many lookups and comparisons of the same few names get faster.

/** Small to start with: a pattern file reads thousands of short `when`/`then` strings. */
const initialSlots = 16;

export class NameTable {
  /** Open addressing, linear probing; never more than half full. */
  private slots: (string | undefined)[] = new Array<string | undefined>(initialSlots).fill(undefined);
  private count = 0;

  /** The text of `text[start, end)`, the same string as for every earlier equal word. */
  name(text: string, start: number, end: number): string {
    const length = end - start;
    let mask = this.slots.length - 1;
    for (let slot = hash(text, start, end) & mask; ; slot = (slot + 1) & mask) {
      const known = this.slots[slot];
      if (known === undefined) break;
      if (known.length === length && text.startsWith(known, start)) return known;
    }
    const name = text.slice(start, end);
    if (++this.count * 2 > this.slots.length) this.grow();
    mask = this.slots.length - 1;
    let slot = hash(text, start, end) & mask;
    while (this.slots[slot] !== undefined) slot = (slot + 1) & mask;
    this.slots[slot] = name;
    return name;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Array<string | undefined>(old.length * 2).fill(undefined);
    const mask = this.slots.length - 1;
    for (const name of old) {
      if (name === undefined) continue;
      let slot = hash(name, 0, name.length) & mask;
      while (this.slots[slot] !== undefined) slot = (slot + 1) & mask;
      this.slots[slot] = name;
    }
  }
}

function hash(text: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}
