// The Cloudflare Worker: HTTP routes and webhook checks. Each trusted
// inbound message goes to its contact's queue (a Durable Object), which
// runs the conversation (worker/conversation.js) one message at a time.
import { ConfigError, readConfig } from './worker/config.js';
import { error, json } from './worker/http.js';
import { checkPublicKey, readWebhook } from './worker/webhook.js';

export { ContactQueue } from './worker/contact-queue.js';

async function webhook(request, env) {
  let cfg;
  try {
    cfg = readConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return error(500, 'config', e.message);
    throw e;
  }
  const keyProblem = await checkPublicKey(cfg.publicKey);
  if (keyProblem) return error(500, 'config', keyProblem);
  const checked = await readWebhook(request, cfg);
  if (checked.response) return checked.response;
  if (checked.ignored) return json(200, { ignored: checked.ignored });
  const queue = env.CONTACT_QUEUE.get(env.CONTACT_QUEUE.idFromName(checked.payload.contactId));
  return queue.fetch('https://contact-queue/message', { method: 'POST', body: checked.raw });
}

function withAllow(response, methods) {
  response.headers.set('allow', methods);
  return response;
}

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    try {
      if (pathname === '/health') {
        return request.method === 'GET' || request.method === 'HEAD'
          ? json(200, { ok: true })
          : withAllow(error(405, 'method_not_allowed', 'use GET'), 'GET, HEAD');
      }
      if (pathname === '/webhook') {
        return request.method === 'POST'
          ? await webhook(request, env)
          : withAllow(error(405, 'method_not_allowed', 'use POST'), 'POST');
      }
      return error(404, 'not_found', `no route ${pathname.slice(0, 100)}`);
    } catch (e) {
      console.log(JSON.stringify({ event: 'error', path: pathname, error: String(e?.message || e).slice(0, 200) }));
      return error(500, 'internal', 'unexpected error; see the worker log');
    }
  },
};
