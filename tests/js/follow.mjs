// Follows a subscription over WebSocket as a long-lived client does (graphql-ws, protocol graphql-transport-ws):
// when the connection drops, it connects again and subscribes again, with the same query.
//   node follow.mjs <ws url> <query> [timeout seconds] [hold]
// With "hold", a dropped connection prints {"disconnected":true,"at":ms} and the script connects again only once a
// line arrives on its standard input: a test can record something while the client is away.
// Prints {"ready":true,"connection":n,"host":...,"at":ms} each time the subscription is in place on a connection (a
// query on that connection has answered after it; host: the X-Kvk-Host header HAProxy put on the upgrade, when
// there is one; at: the Unix time in milliseconds), and one JSON line per result. Runs until killed; exits 1 on a
// fatal error or after the timeout.
import readline from 'node:readline';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

let host = null;
class TracedWebSocket extends WebSocket {
  constructor(address, protocols, options) {
    super(address, protocols, options);
    this.on('upgrade', (response) => {
      host = response.headers['x-kvk-host'] ?? null;
    });
  }
}

const [url, query, timeoutText, mode] = process.argv.slice(2);
const lines = mode === 'hold' ? readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]() : null;
setTimeout(() => {
  console.log(JSON.stringify({ error: 'timeout' }));
  process.exit(1);
}, Number(timeoutText ?? '120') * 1000);

let connections = 0;
const client = createClient({
  url,
  webSocketImpl: TracedWebSocket,
  lazy: false,
  retryAttempts: 100,
  // A dropped connection (a host gone) is worth retrying at once: the proxy sends the next one to a live host.
  shouldRetry: () => true,
  retryWait: async () => {
    if (lines) {
      console.log(JSON.stringify({ disconnected: true, at: Date.now() }));
      await lines.next();
    } else {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  },
  on: {
    connected: () => {
      const connection = ++connections;
      const servedBy = host;
      // The client re-sends its subscriptions on a new connection in microtasks after this event: a probe sent
      // from a later task answers after them.
      setTimeout(() => {
        client.subscribe({ query: '{ __typename }' }, {
          next: () => {},
          error: () => {},
          complete: () => console.log(JSON.stringify({ ready: true, connection, host: servedBy, at: Date.now() })),
        });
      }, 0);
    },
  },
  onNonLazyError: (error) => {
    console.log(JSON.stringify({ error: String(error?.reason ?? error) }));
    process.exit(1);
  },
});

client.subscribe({ query }, {
  next: (result) => console.log(JSON.stringify(result)),
  error: (error) => {
    console.log(JSON.stringify({ error: error instanceof Error ? error.message : error?.reason ?? String(error) }));
    process.exit(1);
  },
  complete: () => {},
});
