// The core's wire protocol (core/protocol.schema.json), compiled once with
// ajv, for the tests that check real exchanges against it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'core/protocol.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
ajv.addSchema(schema);
const request = ajv.compile({ $ref: `${schema.$id}#/definitions/request` });
const answer = ajv.compile({ $ref: `${schema.$id}#/definitions/answer` });

const explain = (validate) => ajv.errorsText(validate.errors, { separator: '; ' });

// → [] when `req` / `res` follow the protocol, else what is wrong.
export function protocolErrors(req, res) {
  const errors = [];
  if (req !== undefined && !request(req)) errors.push(`request: ${explain(request)}`);
  if (res !== undefined && !answer(res)) errors.push(`answer: ${explain(answer)}`);
  return errors;
}
