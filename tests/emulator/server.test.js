// The CLI that `wrangler dev` setups start: flags, config file, URL printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const server = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../emulator/server.js');

test('server.js prints its URL and applies --config and --token', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghl-emu-'));
  const config = path.join(dir, 'emulator.json');
  fs.writeFileSync(config, JSON.stringify({
    locationId: 'loc_cli',
    calendar: { id: 'cal_cli', timeZone: 'America/Bogota' },
    contacts: [{ id: 'wa1', firstName: 'Ana' }],
  }));
  const child = spawn(process.execPath, [server, '--port', '0', '--token', 'cli-token', '--config', config], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => {
    child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 10_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  const cfg = await (await fetch(`${url}/_emulator/config`)).json();
  assert.equal(cfg.token, 'cli-token');
  assert.equal(cfg.locationId, 'loc_cli');
  assert.equal(cfg.calendars[0].id, 'cal_cli');
  assert.equal(cfg.autoCreateContacts, true);
  const res = await fetch(`${url}/contacts/wa1`, { headers: { Authorization: 'Bearer cli-token', Version: '2021-07-28' } });
  assert.equal((await res.json()).contact.firstName, 'Ana');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  assert.equal(await exited, 0);
});
