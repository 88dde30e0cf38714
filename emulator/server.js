#!/usr/bin/env node
// Runs the GHL emulator for `wrangler dev` and manual testing:
//   node emulator/server.js [--port 8788] [--host 127.0.0.1] [--token dev-token]
//                           [--config emulator.json] [--no-auto-create]
// The config file holds createEmulator() options (calendar, customFields,
// contacts, locationId, ...); flags win over it.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createEmulator } from './ghl-emulator.js';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    token: { type: 'string' },
    config: { type: 'string' },
    'no-auto-create': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (args.help) {
  console.log('usage: node emulator/server.js [--port 8788] [--host 127.0.0.1] [--token dev-token] [--config file.json] [--no-auto-create]');
  process.exit(0);
}

const fileConfig = args.config ? JSON.parse(fs.readFileSync(args.config, 'utf8')) : {};
const { port: cfgPort, host: cfgHost, ...options } = fileConfig;
// Locally nothing creates contacts before the webhook arrives, as GHL does.
options.autoCreateContacts = args['no-auto-create'] ? false : options.autoCreateContacts ?? true;
if (args.token !== undefined) options.token = args.token;

const port = Number(args.port ?? cfgPort ?? 8788);
const host = args.host ?? cfgHost ?? '127.0.0.1';

const emulator = createEmulator(options);
const url = await emulator.start(port, host);
const { locationId, calendars, token } = emulator.config();
console.log(`GHL emulator listening on ${url}`);
console.log(`  GHL_API_BASE=${url}  token=${token ?? '(any)'}  location=${locationId}  calendar=${calendars.map((c) => c.id).join(',')}`);
console.log(`  admin: ${url}/_emulator`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await emulator.stop();
    process.exit(0);
  });
}
