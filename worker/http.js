// JSON responses. Errors are short and name the problem; never a stack.
export function json(status, body, headers = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

export const error = (status, code, message) => json(status, { error: code, message });
