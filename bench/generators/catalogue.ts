// The integrations generated flows send through: the built-in ones as shipped (a subset of their
// messages), and the generated workspace ones of W6. Values only; the server reads the real files.
export interface FieldSpec {
  name: string;
  mandatory: boolean;
  enum?: string[];
}

export interface MessageSpec {
  name: string;
  fields: FieldSpec[];
}

export interface IntegrationSpec {
  type: string;
  messages: MessageSpec[];
}

/** A field: a `'!'` mark makes it mandatory; the other strings are its enum values. */
function m(name: string, ...marks: string[]): FieldSpec {
  const values = marks.filter((v) => v !== '!');
  return { name, mandatory: marks.includes('!'), enum: values.length > 0 ? values : undefined };
}

export const builtinCatalogue: IntegrationSpec[] = [
  {
    type: 'twilio',
    messages: [
      { name: 'sms', fields: [m('to-phone-number', '!'), m('from-phone-number', '!'), m('message', '!')] },
      { name: 'call', fields: [m('to-phone-number', '!'), m('from-phone-number', '!'), m('message'), m('url')] },
    ],
  },
  {
    type: 'salesforce',
    messages: [
      {
        name: 'task',
        fields: [
          m('OwnerId', '!'),
          m('WhoId', '!'),
          m('WhatId', '!'),
          m('Subject', '!', 'Call', 'Email', 'Send Letter', 'Send Quote', 'Other'),
          m('Status', '!', 'Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'),
          m('Description', '!'),
          m('ActivityDate', '!'),
          m('Priority', '!', 'High', 'Normal', 'Low'),
        ],
      },
      { name: 'case', fields: [m('OwnerId', '!'), m('Status', '!'), m('Origin', '!'), m('Contact', '!'), m('Subject')] },
    ],
  },
  {
    type: 'sendgrid',
    messages: [{ name: 'email', fields: [m('to', '!'), m('toname'), m('from', '!'), m('fromname'), m('subject', '!'), m('message', '!')] }],
  },
  { type: 'echo', messages: [{ name: 'message', fields: [m('message')] }] },
  { type: 'pusher', messages: [{ name: 'event', fields: [m('channel', '!'), m('event', '!'), m('message')] }] },
  { type: 'generic', messages: [{ name: 'message', fields: [m('body', '!')] }] },
];

/** The `index`-th generated workspace integration (W6): `gen-0007`, messages `m0`..`m3`, fields `f0`..`f4`. */
export function generatedIntegration(index: number, messages = 4, fields = 5): IntegrationSpec {
  return {
    type: `gen-${String(index).padStart(4, '0')}`,
    messages: Array.from({ length: messages }, (_, i) => ({
      name: `m${i}`,
      fields: Array.from({ length: fields }, (_, j) => ({
        name: `f${j}`,
        mandatory: j < 2,
        enum: j === 2 ? ['low', 'normal', 'high'] : undefined,
      })),
    })),
  };
}
