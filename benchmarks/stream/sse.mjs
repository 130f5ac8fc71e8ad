// Server-sent events, FastEndpointsGen against minimal APIs' TypedResults.ServerSentEvents on the same stream
// (catalog items, ~300 bytes of JSON each). Driven by benchmarks/stream/sse.sh; run with node 20+:
//   node benchmarks/stream/sse.mjs <app.dll> <label> <connections> <holdSeconds> <items>
// For each app: (1) a fresh server streams <items> events to one client as fast as it can: time, bytes, peak RSS;
// (2) a fresh server holds <connections> open streams (one event per second each) for <holdSeconds>: time to open
// them all, events delivered while held, and the server's RSS with all of them open.
import http from 'node:http';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [app, label, connections, holdSeconds, items] = process.argv.slice(2);

const freePort = () => new Promise(resolve => {
  const server = net.createServer().listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
});
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const status = (pid, field) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find(l => l.startsWith(field + ':'));
  return Number(line.split(/\s+/)[1]) / 1024; // MiB
};

async function start() {
  const port = await freePort();
  const server = spawn('dotnet', [app, '--urls', `http://127.0.0.1:${port}`], {
    env: { ...process.env, ASPNETCORE_ENVIRONMENT: 'Production', Logging__LogLevel__Default: 'Warning' }, stdio: 'ignore',
  });
  for (let attempt = 0; attempt < 300; attempt++) {
    try { await read(port, '/events?count=10'); return { server, port }; } catch { await sleep(100); }
  }
  throw new Error('server did not start');
}

// Reads one whole stream: milliseconds to the first byte and to the end, bytes, events.
function read(port, path) {
  return new Promise((resolve, reject) => {
    const begin = performance.now();
    let first = 0, bytes = 0, events = 0, tail = '';
    const request = http.get({ host: '127.0.0.1', port, path, agent: false }, response => {
      if (response.statusCode !== 200) { reject(new Error(`status ${response.statusCode}`)); response.resume(); return; }
      response.setEncoding('utf8');
      response.on('data', chunk => {
        if (!first) first = performance.now() - begin;
        bytes += Buffer.byteLength(chunk);
        const parts = (tail + chunk).split('\n\n'); tail = parts.pop(); events += parts.length;
      });
      response.on('end', () => resolve({ first, whole: performance.now() - begin, bytes, events }));
    });
    request.on('error', reject);
  });
}

// Opens one endless stream and resolves when its first event arrived; counts the events it gets afterwards.
function hold(port, counter) {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/events?count=100000000&interval=1000', agent: false }, response => {
      if (response.statusCode !== 200) { reject(new Error(`status ${response.statusCode}`)); return; }
      response.setEncoding('utf8');
      let tail = '', opened = false;
      response.on('data', chunk => {
        const parts = (tail + chunk).split('\n\n'); tail = parts.pop(); counter.events += parts.length;
        if (!opened && parts.length > 0) { opened = true; resolve(request); }
      });
      response.on('error', () => {});
    });
    request.on('error', reject);
  });
}

const results = { label };
{
  const { server } = await start().then(async s => {
    const stream = await read(s.port, `/events?count=${items}`);
    Object.assign(results, {
      items: Number(items), bytes: stream.bytes, events: stream.events, firstMs: stream.first, wholeMs: stream.whole,
      streamPeakRssMiB: status(s.server.pid, 'VmHWM'),
    });
    return s;
  });
  server.kill(); await sleep(300);
}
{
  const { server, port } = await start();
  const idleRss = status(server.pid, 'VmRSS');
  const counter = { events: 0 };
  const begin = performance.now();
  const requests = [];
  for (let i = 0; i < Number(connections); i += 100) {
    const batch = Math.min(100, Number(connections) - i);
    requests.push(...await Promise.all(Array.from({ length: batch }, () => hold(port, counter))));
  }
  const openMs = performance.now() - begin;
  const before = counter.events;
  await sleep(Number(holdSeconds) * 1000);
  Object.assign(results, {
    connections: requests.length, openMs, holdSeconds: Number(holdSeconds),
    eventsWhileHeld: counter.events - before, idleRssMiB: idleRss,
    heldRssMiB: status(server.pid, 'VmRSS'), heldPeakRssMiB: status(server.pid, 'VmHWM'),
  });
  for (const request of requests) request.destroy();
  server.kill();
}
console.log(JSON.stringify(results));
