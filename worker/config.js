// The Worker's settings, read from env once per request and checked, so a
// missing or wrong variable is named at the first webhook, not discovered
// deep inside a GHL call.
import { parseChannels } from './channels.js';
import { checkTimeZone } from './time.js';

export class ConfigError extends Error {}

const REQUIRED = ['GHL_API_TOKEN', 'GHL_LOCATION_ID', 'GHL_CALENDAR_ID', 'BUSINESS_TIMEZONE'];

export function readConfig(env) {
  for (const name of REQUIRED) {
    if (typeof env[name] !== 'string' || env[name].trim() === '') {
      throw new ConfigError(`${name} is not set (see README: Configuration)`);
    }
  }
  try {
    checkTimeZone(env.BUSINESS_TIMEZONE);
  } catch {
    throw new ConfigError(`BUSINESS_TIMEZONE: '${env.BUSINESS_TIMEZONE}' is not an IANA time zone such as America/Mexico_City`);
  }
  const base = (env.GHL_API_BASE || 'https://services.leadconnectorhq.com').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(base)) throw new ConfigError(`GHL_API_BASE: '${base}' is not an http(s) URL`);
  const timeoutMs = Number(env.GHL_TIMEOUT_MS || 8000);
  if (!(timeoutMs > 0)) throw new ConfigError(`GHL_TIMEOUT_MS: '${env.GHL_TIMEOUT_MS}' is not a positive number`);
  // NaN here would abort every GHL call at once (setTimeout(NaN) fires immediately).
  const deadlineMs = Number(env.WEBHOOK_DEADLINE_MS || 25000);
  if (!(deadlineMs > 0)) throw new ConfigError(`WEBHOOK_DEADLINE_MS: '${env.WEBHOOK_DEADLINE_MS}' is not a positive number`);
  // Issue 13: the contact's queue combines a burst of messages, and sets one follow-up.
  const numberIn = (name, fallback, max, whole) => {
    const raw = env[name];
    if (raw === undefined || raw === null || String(raw).trim() === '') return fallback;
    const v = Number(String(raw).trim());
    if (!Number.isFinite(v) || v < 0 || v > max || (whole && !Number.isInteger(v))) {
      throw new ConfigError(`${name}: expected ${whole ? 'a whole number' : 'a number'} from 0 to ${max}, got '${raw}'`);
    }
    return v;
  };
  const replyWaitMs = numberIn('REPLY_WAIT_MS', 0, 120000, true);
  // (Fractions of a minute are for tests.)
  const followUpMinutes = numberIn('FOLLOW_UP_AFTER_MINUTES', 240, 7 * 24 * 60, false);
  let channels;
  try {
    channels = parseChannels(env.CHANNELS || 'whatsapp');
  } catch (e) {
    throw new ConfigError(`CHANNELS: ${e.message} (e.g. whatsapp or whatsapp,sms)`);
  }
  return {
    apiBase: base,
    token: env.GHL_API_TOKEN.trim(),
    locationId: env.GHL_LOCATION_ID.trim(),
    calendarId: env.GHL_CALENDAR_ID.trim(),
    timeZone: env.BUSINESS_TIMEZONE.trim(),
    timeoutMs,
    // The per-webhook budget for all GHL calls, retries and 429 waits.
    deadlineMs,
    publicKey: env.GHL_WEBHOOK_PUBLIC_KEY || '',
    // POST /workflow is on only when this secret is set.
    workflowSecret: typeof env.WORKFLOW_SECRET === 'string' ? env.WORKFLOW_SECRET.trim() : '',
    channels,
    replyWaitMs,
    followUpMinutes,
    // Tests only: log every exchange with the core, message text included.
    coreTrace: env.CORE_TRACE === '1',
    // Handed to the core as is: it validates them and names the variable.
    core: {
      AGENT_NAME: env.AGENT_NAME, BUSINESS_NAME: env.BUSINESS_NAME, MIN_BUDGET: env.MIN_BUDGET,
      BOOKING_DAYS: env.BOOKING_DAYS, DEFAULT_LANGUAGE: env.DEFAULT_LANGUAGE,
      CALL_MINUTES: env.CALL_MINUTES, BUSINESS_PITCH: env.BUSINESS_PITCH,
      HUMAN_PAUSE_HOURS: env.HUMAN_PAUSE_HOURS, MAX_BOT_MESSAGES: env.MAX_BOT_MESSAGES,
      // A JSON text ({"es": {"ask_goal": "…"}}), checked by the core at the first request.
      REPLIES: typeof env.REPLIES === 'object' && env.REPLIES !== null ? JSON.stringify(env.REPLIES) : env.REPLIES,
    },
  };
}
