// Subscribes over WebSocket with the reference client (graphql-ws, protocol graphql-transport-ws):
//   node subscribe.mjs <ws url> <query> <number of results> [variables as JSON] [timeout seconds]
// Prints {"ready":true} once the subscription is in place on the server (a query on the same connection has
// answered after it), then one JSON line per result received, then {"done":true}. Exits 1 on error or timeout.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, query, countText, variablesText, timeoutText] = process.argv.slice(2);
const wanted = Number(countText ?? '1');
const variables = variablesText ? JSON.parse(variablesText) : undefined;
const timeout = setTimeout(() => {
  console.log(JSON.stringify({ error: 'timeout' }));
  process.exit(1);
}, Number(timeoutText ?? '60') * 1000);

const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });
const received = [];
const finished = new Promise((resolve, reject) => {
  const dispose = client.subscribe({ query, variables }, {
    next: (result) => {
      received.push(result);
      console.log(JSON.stringify(result));
      if (received.length >= wanted) {
        dispose();
        resolve();
      }
    },
    error: (error) => reject(error),
    complete: () => resolve(),
  });
});

try {
  const probe = await new Promise((resolve, reject) => {
    let value;
    client.subscribe({ query: '{ __typename }' }, { next: (v) => (value = v), error: reject, complete: () => resolve(value) });
  });
  if (probe?.data?.__typename !== 'Query') throw new Error(`unexpected probe result ${JSON.stringify(probe)}`);
  console.log(JSON.stringify({ ready: true }));
  await finished;
  console.log(JSON.stringify({ done: true, count: received.length }));
  clearTimeout(timeout);
  await client.dispose();
  process.exit(0);
} catch (error) {
  console.log(JSON.stringify({ error: error instanceof Error ? error.message : error?.reason ?? String(error) }));
  process.exit(1);
}
