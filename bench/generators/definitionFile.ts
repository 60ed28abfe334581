// W1's input: one integration definition with `messages` × `fields` send fields, field
// descriptions sized so that the file is about `bytes`, and a few of the mistakes the
// cross-reference checks exist for (an unredacted password, a misspelt redact entry).
import { Random, seededRandom } from '../../test/support/random';
import { sentence, word } from './words';

export interface DefinitionFileOptions {
  messages: number;
  fields: number;
  bytes: number;
  seed: number;
  type?: string;
}

export interface DefinitionFile {
  text: string;
  type: string;
  messages: number;
  fields: number;
}

interface FieldJson {
  type: 'mandatory' | 'optional';
  description?: string;
  enum?: string[];
}

/** Every `every`-th field (0: none) gets a description of `length` characters. */
interface Descriptions {
  every: number;
  length: number;
}

function sends(random: Random, options: DefinitionFileOptions, descriptions: Descriptions): Record<string, Record<string, FieldJson>> {
  const result: Record<string, Record<string, FieldJson>> = {};
  for (let i = 0; i < options.messages; i++) {
    const fields: Record<string, FieldJson> = {};
    for (let j = 0; j < options.fields; j++) {
      const field: FieldJson = { type: j < 3 ? 'mandatory' : 'optional' };
      const n = i * options.fields + j;
      if (descriptions.every > 0 && n % descriptions.every === 0) field.description = sentence(random, descriptions.length);
      if (j === 3) field.enum = [word(random), word(random), word(random)];
      fields[`field-${j}-${word(random)}`] = field;
    }
    result[`message-${i}`] = fields;
  }
  return result;
}

function definition(random: Random, options: DefinitionFileOptions, type: string, descriptions: Descriptions): string {
  const value = {
    type,
    display: `Generated ${type}`,
    schema: [
      { label: 'Client ID', param: 'client-id' },
      { label: 'API password', param: 'api-password', type: 'password' },
    ],
    endpoint: {
      name: type,
      type,
      display: `Generated ${type} endpoint`,
      params: ['client-id', 'api-password', 'region'],
      'static-params': ['client-id', 'api-password'],
      // A typo: the real secret stays unredacted (unknown-param, unredacted-secret).
      redact: ['api-pasword'],
      sends: sends(random, options, descriptions),
    },
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function generateDefinitionFile(options: DefinitionFileOptions): DefinitionFile {
  const type = options.type ?? 'generated';
  // Measure without descriptions, then size the descriptions to make up the difference.
  const bare = definition(seededRandom(options.seed), options, type, { every: 0, length: 0 }).length;
  const total = options.messages * options.fields;
  // A description line costs about 30 characters besides its text; make up the size with enough of them.
  const length = 40;
  const wanted = Math.max(0, Math.floor((options.bytes - bare) / (length + 30)));
  const every = wanted === 0 ? 0 : Math.max(1, Math.round(total / wanted));
  const text = definition(seededRandom(options.seed), options, type, { every, length: wanted > total ? Math.floor((options.bytes - bare) / total) - 30 : length });
  return { text, type, messages: options.messages, fields: options.fields };
}
