// Placeholder until the playground lands: serves nothing but its URL.
import http from 'node:http';

export async function startPlayground({ port }) {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('Playground coming soon. Use npm run chat.\n');
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}
