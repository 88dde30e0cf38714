// The Cloudflare Worker: HTTP routes and the checks before GHL is touched.
// Two entries take a lead's message:
//   POST /webhook   GHL Marketplace webhooks (InboundMessage), signed by GHL
//   POST /workflow  GHL Workflow webhooks, carrying the owner's secret
// Each trusted message goes to its contact's queue (a Durable Object),
// which runs the conversation (worker/conversation.js) one message at a time.
import { ConfigError, readConfig } from './worker/config.js';
import { createGhl } from './worker/ghl.js';
import { error, json } from './worker/http.js';
import { checkPublicKeys } from './worker/signature.js';
import { readWebhook } from './worker/webhook.js';
import { readWorkflow } from './worker/workflow.js';

export { ContactQueue } from './worker/contact-queue.js';

const log = (entry) => console.log(JSON.stringify(entry));

// The contact of a phone-keyed Workflow payload: GHL's upsert finds it by
// phone or creates it (locationId and phone only: never tags, which an
// upsert would overwrite).
async function contactForPhone(cfg, phone) {
  const calls = [];
  const res = await createGhl(cfg, calls).upsertContact(phone);
  const id = res.ok ? res.data?.contact?.id : null;
  if (!id) log({ event: 'upsert-contact', ok: false, calls });
  return id ? String(id) : null;
}

async function entry(request, env, route) {
  let cfg;
  try {
    cfg = readConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return error(500, 'config', e.message);
    throw e;
  }
  const keyProblem = await checkPublicKeys(cfg.publicKey);
  if (keyProblem) return error(500, 'config', keyProblem);
  const checked = route === 'workflow' ? await readWorkflow(request, cfg) : await readWebhook(request, cfg);
  if (checked.response) return checked.response;
  if (checked.ignored) {
    // The raw type, so an owner sees what GHL sent (no message text).
    log({ event: 'ignored', route, reason: checked.ignored, messageType: String(checked.messageType ?? '').slice(0, 60) });
    return json(200, { ignored: checked.ignored });
  }
  const { message } = checked;
  if (!message.contactId) {
    message.contactId = await contactForPhone(cfg, message.phone);
    if (!message.contactId) return error(502, 'ghl_failed', 'could not find or create the contact for this phone in GHL; retry later');
  }
  const queue = env.CONTACT_QUEUE.get(env.CONTACT_QUEUE.idFromName(message.contactId));
  const { status, body } = await queue.message(message);
  return json(status, body);
}

function withAllow(response, methods) {
  response.headers.set('allow', methods);
  return response;
}

const POST_ROUTES = { '/webhook': 'webhook', '/workflow': 'workflow' };

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    try {
      if (pathname === '/health') {
        return request.method === 'GET' || request.method === 'HEAD'
          ? json(200, { ok: true })
          : withAllow(error(405, 'method_not_allowed', 'use GET'), 'GET, HEAD');
      }
      const route = POST_ROUTES[pathname];
      if (route) {
        return request.method === 'POST'
          ? await entry(request, env, route)
          : withAllow(error(405, 'method_not_allowed', 'use POST'), 'POST');
      }
      return error(404, 'not_found', `no route ${pathname.slice(0, 100)}`);
    } catch (e) {
      log({ event: 'error', path: pathname, error: String(e?.message || e).slice(0, 200) });
      return error(500, 'internal', 'unexpected error; see the worker log');
    }
  },
};
