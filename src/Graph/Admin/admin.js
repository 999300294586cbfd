// The secretariat's admin page. Plain JavaScript, no build step, no dependencies: it talks to /graphql
// with the token kept in sessionStorage, and shows the typed errors of the mutations in plain Swedish.
'use strict';

const TOKEN_KEY = 'kvk-secretariat-token';

const STATUS = {
  NOMINATING: 'Nominering pågår',
  JUDGING: 'Juryn bedömer',
  DECIDED: 'Beslut fattat (hemligt)',
  ANNOUNCED: 'Tillkännagiven',
};

const ERRORS = {
  ROUND_NOT_FOUND: 'Omgången finns inte. Öppna den först.',
  ROUND_ALREADY_EXISTS: 'Det finns redan en omgång för det året.',
  UNKNOWN_MUNICIPALITY: 'Okänd kommun. Välj en av Sveriges 290 kommuner i listan.',
  ALREADY_NOMINATED: 'Kommunen är redan nominerad i den här omgången.',
  NOT_NOMINATED: 'Kommunen är inte nominerad i den här omgången.',
  ROUND_CLOSED: 'Nomineringen är stängd i den här omgången.',
  DECISION_REQUIRED: 'Juryns beslut måste registreras innan priset kan tillkännages.',
  ALREADY_DECIDED: 'Juryns beslut är redan registrerat för den här omgången.',
  ALREADY_ANNOUNCED: 'Priset är redan tillkännagivet.',
  NOT_ANNOUNCED: 'Priset är inte tillkännagivet än. Bara en publicerad motivering kan rättas.',
  CONCURRENCY_CONFLICT: 'Någon annan har ändrat omgången sedan du läste den. Listan är uppdaterad – kontrollera och försök igen.',
  INVALID_INPUT: 'Uppgifterna är inte giltiga (till exempel tom eller för lång text, eller ett år som inte är ett prisår).',
  UNAUTHENTICATED: 'Nyckeln är ogiltig eller saknas. Logga in igen.',
};

const ROUND_FIELDS = 'year status version nominees { municipality { code name } } decision { recipientName motivation municipality { code name } } award { motivation } announcedAt';

const $ = (id) => document.getElementById(id);
const state = { rounds: [], selectedYear: null, municipalities: [] };

function token() { return sessionStorage.getItem(TOKEN_KEY); }

function say(text, kind) {
  const box = $('meddelande');
  box.textContent = text;
  box.className = kind || '';
}

async function graphql(query, variables) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token()) { headers.Authorization = 'Bearer ' + token(); }
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return response.json();
}

function mutationId() {
  return (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : Date.now() + '-' + Math.random().toString(16).slice(2);
}

// Sends one secretariat mutation; the same clientMutationId makes a retry safe. On success the listed
// fields are emptied and the rounds reloaded before the message shows, so that the page is settled when it does.
async function record(field, inputType, input, success, clear) {
  const query = `mutation($input: ${inputType}!) { ${field}(input: $input) { round { ${ROUND_FIELDS} } errors { ... on Error { code message } } } }`;
  say('Sparar …');
  let result;
  try {
    result = await graphql(query, { input: { ...input, clientMutationId: mutationId() } });
  } catch (e) {
    say('Kunde inte nå servern. Försök igen.', 'fel');
    return false;
  }

  if (result.errors && result.errors.length) {
    const code = result.errors[0].extensions && result.errors[0].extensions.code;
    say(ERRORS[code] || 'Servern svarade med ett fel: ' + result.errors[0].message, 'fel');
    if (code === 'UNAUTHENTICATED') { signOut(false); }
    return false;
  }

  const payload = result.data[field];
  if (payload.errors && payload.errors.length) {
    const error = payload.errors[0];
    const text = ERRORS[error.code] || 'Åtgärden avvisades.';
    say(error.code === 'INVALID_INPUT' ? text + ' (' + error.message + ')' : text, 'fel');
    if (error.code === 'CONCURRENCY_CONFLICT') { await loadRounds(); }
    return false;
  }

  (clear || []).forEach((id) => { $(id).value = ''; });
  await loadRounds(payload.round.year);
  say(success, 'ok');
  return true;
}

function selectedRound() { return state.rounds.find((r) => r.year === state.selectedYear); }

async function loadRounds(select) {
  const result = await graphql(`{ rounds(first: 100) { nodes { ${ROUND_FIELDS} } } }`);
  state.rounds = result.data.rounds.nodes;
  if (select) { state.selectedYear = select; }
  renderRounds();
  renderRound();
}

async function loadMunicipalities() {
  const result = await graphql('{ counties { municipalities { code name } } }');
  state.municipalities = result.data.counties.flatMap((c) => c.municipalities).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const list = $('kommuner');
  list.replaceChildren(...state.municipalities.map((m) => {
    const option = document.createElement('option');
    option.value = m.name;
    option.label = m.code;
    return option;
  }));
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

function renderRounds() {
  const body = $('omgangar').querySelector('tbody');
  body.replaceChildren(...state.rounds.map((round) => {
    const row = document.createElement('tr');
    row.dataset.year = round.year;
    if (round.year === state.selectedYear) { row.className = 'vald'; }
    row.append(cell(round.year), cell(STATUS[round.status] || round.status), cell(round.nominees.map((n) => n.municipality.name).join(', ')), cell(round.version));
    const action = document.createElement('td');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Välj';
    button.setAttribute('aria-label', 'Välj omgång ' + round.year);
    button.addEventListener('click', () => { state.selectedYear = round.year; say(''); renderRounds(); renderRound(); });
    action.append(button);
    row.append(action);
    return row;
  }));
}

function option(value, text) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

function renderRound() {
  const round = selectedRound();
  $('omgang').hidden = !round;
  if (!round) { return; }
  $('omgang-ar').textContent = round.year;
  $('omgang-status').textContent = '(' + (STATUS[round.status] || round.status) + ', version ' + round.version + ')';
  $('nominerade').replaceChildren(...round.nominees.map((n) => {
    const li = document.createElement('li');
    li.textContent = n.municipality.name + ' (' + n.municipality.code + ')';
    return li;
  }));
  const nominees = round.nominees.map((n) => option(n.municipality.code, n.municipality.name));
  $('dra-tillbaka-kommun').replaceChildren(...nominees.map((o) => o.cloneNode(true)));
  $('vinnare').replaceChildren(...nominees);

  const shown = $('beslut-visning');
  if (round.decision) {
    const quote = document.createElement('blockquote');
    quote.textContent = round.decision.motivation;
    const who = document.createElement('p');
    who.textContent = 'Vinnare: ' + round.decision.recipientName + ' (' + round.decision.municipality.name + ')';
    shown.replaceChildren(who, quote);
  } else {
    shown.textContent = 'Inget beslut registrerat.';
  }
}

function municipalityCode(name) {
  const typed = name.trim().toLowerCase();
  const found = state.municipalities.find((m) => m.name.toLowerCase() === typed || m.code === typed);
  return found ? found.code : name.trim();
}

function guarded(input) {
  const round = selectedRound();
  return { year: round.year, expectedVersion: round.version, ...input };
}

async function signIn(candidate) {
  sessionStorage.setItem(TOKEN_KEY, candidate);
  const result = await graphql('{ viewer { isSecretariat name } }');
  if (!result.data || !result.data.viewer.isSecretariat) {
    signOut(false);
    say(ERRORS.UNAUTHENTICATED, 'fel');
    return;
  }

  $('namn').textContent = result.data.viewer.name;
  $('inloggad').hidden = false;
  $('inloggning').hidden = true;
  $('arbete').hidden = false;
  await Promise.all([loadRounds(), loadMunicipalities()]);
  say('Du är inloggad.', 'ok');
}

function signOut(announce) {
  sessionStorage.removeItem(TOKEN_KEY);
  $('inloggad').hidden = true;
  $('inloggning').hidden = false;
  $('arbete').hidden = true;
  if (announce) { say('Du är utloggad.', 'ok'); }
}

function on(formId, handler) {
  $(formId).addEventListener('submit', async (event) => {
    event.preventDefault();
    await handler();
  });
}

document.addEventListener('DOMContentLoaded', () => {
  on('inloggningsformular', async () => { await signIn($('token').value.trim()); $('token').value = ''; });
  $('logga-ut').addEventListener('click', () => signOut(true));
  on('oppna-formular', async () => {
    const year = Number($('nytt-ar').value);
    await record('openRound', 'OpenRoundInput', { year }, 'Omgång ' + year + ' är öppnad.', ['nytt-ar']);
  });
  on('nominera-formular', async () => {
    const name = $('kommun').value;
    await record('nominateMunicipality', 'NominateMunicipalityInput', guarded({ municipalityCode: municipalityCode(name) }), name.trim() + ' är nominerad.', ['kommun']);
  });
  on('dra-tillbaka-formular', async () => {
    const select = $('dra-tillbaka-kommun');
    const name = select.selectedOptions.length ? select.selectedOptions[0].textContent : '';
    await record('withdrawNomination', 'WithdrawNominationInput', guarded({ municipalityCode: select.value, reason: $('dra-tillbaka-skal').value }),
      'Nomineringen av ' + name + ' är tillbakadragen.', ['dra-tillbaka-skal']);
  });
  $('stang').addEventListener('click', () => record('closeNominations', 'CloseNominationsInput', guarded({}), 'Nomineringen är stängd.'));
  on('beslut-formular', async () => {
    const recipient = $('mottagare').value.trim();
    await record('recordJuryDecision', 'RecordJuryDecisionInput',
      guarded({ municipalityCode: $('vinnare').value, motivation: $('motivering').value, recipientName: recipient || null }),
      'Juryns beslut är registrerat. Det är hemligt tills priset tillkännages.', ['motivering', 'mottagare']);
  });
  on('tillkannage-formular', async () => {
    const local = $('tillkannagiven').value;
    const announcedAt = local ? new Date(local).toISOString() : null;
    await record('announceAward', 'AnnounceAwardInput', guarded({ announcedAt }), 'Priset är tillkännagivet.');
  });
  on('ratta-formular', async () => {
    await record('correctMotivation', 'CorrectMotivationInput', guarded({ motivation: $('ny-motivering').value, reason: $('ratta-skal').value }),
      'Motiveringen är rättad; den tidigare finns kvar i historiken.', ['ny-motivering', 'ratta-skal']);
  });

  if (token()) { signIn(token()); }
});
