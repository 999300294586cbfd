// The page follows the rounds live: the API's roundChanged subscription over graphql-transport-ws on /graphql, signed
// in with the secretary's token in connection_init (a browser cannot set headers on a WebSocket). Each change (another
// secretary's step, the scheduled announcement) makes the page read the rounds again; what the secretary is typing
// stays as it is. A lost connection is opened again, and the rounds read again for what was missed meanwhile.
'use strict';

const live = { socket: null, attempt: 0, stopped: true, timer: null };

function follow() {
  live.stopped = false;
  clearTimeout(live.timer);
  const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql', 'graphql-transport-ws');
  live.socket = socket;
  const send = (message) => socket.send(JSON.stringify(message));
  socket.addEventListener('open', () => send({ type: 'connection_init', payload: { Authorization: 'Bearer ' + token() } }));
  socket.addEventListener('message', async (event) => {
    const message = JSON.parse(event.data);
    if (message.type === 'connection_ack') {
      send({ id: 'rounds', type: 'subscribe', payload: await subscribe('RoundChanged') });
      if (live.attempt > 0) { loadRounds(); }
      live.attempt = 0;
    } else if (message.type === 'ping') {
      send({ type: 'pong' });
    } else if (message.type === 'next' && message.payload.data) {
      changed(message.payload.data.roundChanged);
    }
  });
  socket.addEventListener('close', () => {
    if (live.socket !== socket || live.stopped) { return; }
    live.attempt += 1;
    live.timer = setTimeout(follow, Math.min(30000, 1000 * 2 ** live.attempt));
  });
}

function unfollow() {
  live.stopped = true;
  clearTimeout(live.timer);
  if (live.socket) { live.socket.close(1000); }
  live.socket = null;
}

// A subscription of the page's persisted documents, by its id.
async function subscribe(name) {
  const { documents } = await vocabulary;
  return { documentId: documents[name] };
}

// A change to the chosen round newer than the page shows, or to another round (its row in the tables): read again.
function changed(round) {
  const shown = state.round && state.round.year === round.year ? state.round.version : -1;
  if (round.version > shown) { loadRounds(); }
}
