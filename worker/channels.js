// The conversation channels the bot can answer on, and every spelling GHL
// uses for each: `messageType` in InboundMessage webhooks ("WhatsApp",
// "SMS", "FB", "IG", "Live Chat"), the TYPE_* names and their numbers
// when it lists messages, and `message.type` numbers in Workflow payloads
// (19 WhatsApp, 2 SMS, 11 Facebook, 18 Instagram, 29 live chat; the same
// numbering as the TYPE_* list). `send` is the type of
// POST /conversations/messages (SendMessageBodyDto) a reply goes out with.
export const CHANNELS = {
  whatsapp: { send: 'WhatsApp', spellings: ['whatsapp', 'typewhatsapp', '19'] },
  sms: { send: 'SMS', spellings: ['sms', 'typesms', '2'] },
  fb: { send: 'FB', spellings: ['fb', 'facebook', 'messenger', 'typefacebook', '11'] },
  ig: { send: 'IG', spellings: ['ig', 'instagram', 'typeinstagram', '18'] },
  live_chat: { send: 'Live_Chat', spellings: ['livechat', 'typelivechat', 'webchat', 'typewebchat', '29'] },
};

export const CHANNEL_NAMES = Object.keys(CHANNELS);

const bySpelling = new Map();
for (const [name, { spellings }] of Object.entries(CHANNELS)) for (const s of spellings) bySpelling.set(s, name);

// "WhatsApp", "TYPE_WHATSAPP", "whatsapp", 19, "19" → "whatsapp"; null when unknown.
export function channelOf(raw) {
  if (typeof raw !== 'string' && typeof raw !== 'number') return null;
  const key = String(raw).trim().toLowerCase().replace(/[\s_-]+/g, '');
  return bySpelling.get(key) ?? null;
}

// CHANNELS: a comma-separated list of names → a Set; throws with what is wrong.
export function parseChannels(value) {
  const names = String(value ?? 'whatsapp').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (!names.length) throw new Error('is empty');
  for (const n of names) {
    if (!CHANNELS[n]) throw new Error(`'${n}' is not one of ${CHANNEL_NAMES.join(', ')}`);
  }
  return new Set(names);
}
