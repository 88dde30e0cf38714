// The two ways in: the WHATWG fetch signature (in-process, e.g. as a
// Miniflare outbound service, with no port) and a node:http listener. Both
// feed handle({method, url, headers, body, signal}); an answer {hung: true}
// means the client gave up first, or the emulator stopped.

export function toFetch(handle) {
  return async function fetch(input, init) {
    const request = new Request(input, init);
    const body = ['GET', 'HEAD'].includes(request.method) ? undefined : await request.text();
    const result = await handle({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body,
      signal: request.signal,
    });
    if (result.hung) throw request.signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
    return new Response(result.body === undefined ? null : JSON.stringify(result.body), {
      status: result.status,
      headers: result.headers,
    });
  };
}

export function toNodeListener(handle) {
  return async function listener(req, res) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const aborter = new AbortController();
    // 'close' before the answer is written means the client went away.
    res.on('close', () => {
      if (!res.writableEnded) aborter.abort();
    });
    const result = await handle({
      method: req.method,
      url: req.url,
      headers: req.headers,
      body: chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined,
      signal: aborter.signal,
    });
    if (result.hung) {
      res.destroy();
      return;
    }
    res.writeHead(result.status, result.headers);
    res.end(result.body === undefined ? undefined : JSON.stringify(result.body));
  };
}
