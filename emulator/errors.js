// GHL answers errors as NestJS does: {statusCode, message, error?}. The
// shapes are BadRequestDTO / UnauthorizedDTO / UnprocessableDTO in
// common/common-schemas.json; 422 carries a list of messages.
import { STATUS_CODES } from 'node:http';

export class GhlError extends Error {
  constructor(status, message, extra = {}) {
    super(Array.isArray(message) ? message.join('; ') : message);
    this.status = status;
    this.body = ghlErrorBody(status, message, extra.error);
    this.headers = extra.headers ?? {};
  }
}

export function ghlErrorBody(status, message, error) {
  const body = { statusCode: status, message };
  // BadRequestDTO has no `error`; the other error shapes carry the reason phrase.
  if (status !== 400) body.error = error ?? STATUS_CODES[status] ?? 'Error';
  return body;
}
