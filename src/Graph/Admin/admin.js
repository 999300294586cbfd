// The secretariat's admin page. Plain JavaScript, no build step, no dependencies: it talks to /graphql with the
// token kept in sessionStorage. It offers only the steps valid in the round's stage, asks before a step that publishes
// or cannot be undone, keeps what the secretary chose (by municipality code) across every reload, and on a clash says
// what changed and by whom, and leaves the pending action as it was to be sent again.
'use strict';

const TOKEN_KEY = 'kvk-secretariat-token';
const YEAR_KEY = 'kvk-secretariat-year';

const STATUS = {
  NOMINATING: 'Nominering pågår',
  JUDGING: 'Nomineringen är stängd – juryn bedömer',
  DECIDED: 'Juryns beslut är registrerat (hemligt till tillkännagivandet)',
  ANNOUNCED: 'Priset är tillkännagivet',
};

const SHORT_STATUS = { NOMINATING: 'Nominering', JUDGING: 'Juryn bedömer', DECIDED: 'Beslutad', ANNOUNCED: 'Tillkännagiven' };

// What the host enforces, in its own words (GET /admin/vocabulary.json): the Swedish message of every refusal code, the
// limits the fields carry, the ids of the persisted documents this page sends and each event's line in a round's
// history, so that the page repeats none of them.
const vocabulary = fetch('/admin/vocabulary.json').then((response) => response.json());

const $ = (id) => document.getElementById(id);
const state = { rounds: [], round: null, history: [], selectedYear: null, municipalities: [], choices: {} };
const TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'short' });

// The offset of Swedish time from UTC at a moment, in minutes (60 in winter, 120 in summer).
function swedishOffset(moment) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Stockholm', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(moment).map((p) => [p.type, Number(p.value)]));
  return Math.round((Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute) - moment.getTime()) / 60000);
}

// A date and time written in Swedish time (from a datetime-local field), whatever the browser's own time zone is.
function swedishTime(local) {
  const [date, time] = local.split('T');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const written = Date.UTC(y, mo - 1, d, h, mi);
  let utc = written - swedishOffset(new Date(written)) * 60000;
  utc = written - swedishOffset(new Date(utc)) * 60000;
  return new Date(utc).toISOString();
}

function token() { return sessionStorage.getItem(TOKEN_KEY); }

function when(iso) { return iso ? TIME.format(new Date(iso)) : ''; }

// A message beside the form that caused it: an error is an alert, a success a status; focus goes to it.
function say(id, text, kind) {
  const box = $(id);
  box.setAttribute('role', kind === 'fel' ? 'alert' : 'status');
  box.className = 'meddelande ' + (kind || '');
  box.replaceChildren(...(Array.isArray(text) ? text : [text]).map((part) => (typeof part === 'string' ? document.createTextNode(part) : part)));
  if (text && text.length) { box.focus(); }
}

function clearMessages() {
  document.querySelectorAll('.meddelande').forEach((box) => { box.replaceChildren(); box.className = 'meddelande'; box.removeAttribute('role'); });
}

// Runs one of the page's persisted documents (PersistedDocuments/Admin/{name}.graphql) by its id: only its variables
// are written here.
async function graphql(name, variables) {
  const { documents } = await vocabulary;
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token()) { headers.Authorization = 'Bearer ' + token(); }
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ documentId: documents[name], variables }) });
  const result = await response.json();
  // A key that worked and has expired or been revoked: back to the sign-in view, saying why. Nothing entered is cleared.
  const refused = await credentialRefusal(result);
  if (refused) {
    signOut(false);
    say('inloggning-meddelande', refused, 'fel');
  }
  return result;
}

// The sign-in view's words for an expired or revoked key (extensions.reason of UNAUTHENTICATED), or null.
async function credentialRefusal(result) {
  const error = (result.errors || []).find((e) => e.extensions && e.extensions.code === 'UNAUTHENTICATED');
  return (error && (await vocabulary).credentialRefusals[error.extensions.reason]) || null;
}

// Each field names the limit it carries (data-limit, data-min, data-max); the number is the one the API holds it to.
async function applyLimits() {
  const { limits } = await vocabulary;
  document.querySelectorAll('[data-limit]').forEach((field) => { field.maxLength = limits[field.dataset.limit]; });
  document.querySelectorAll('[data-min]').forEach((field) => { field.min = limits[field.dataset.min]; });
  document.querySelectorAll('[data-max]').forEach((field) => { field.max = limits[field.dataset.max]; });
}

function mutationId() {
  return (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : Date.now() + '-' + Math.random().toString(16).slice(2);
}

function confirmStep(title, text, yes) {
  const dialog = $('bekrafta');
  $('bekrafta-rubrik').textContent = title;
  $('bekrafta-text').textContent = text;
  $('bekrafta-ja').textContent = yes;
  return new Promise((resolve) => {
    const done = (answer) => {
      $('bekrafta-ja').onclick = null;
      $('bekrafta-nej').onclick = null;
      dialog.onclose = null;
      if (dialog.open) { dialog.close(); }
      resolve(answer);
    };
    $('bekrafta-ja').onclick = () => done(true);
    $('bekrafta-nej').onclick = () => done(false);
    dialog.onclose = () => done(false);
    dialog.showModal();
    $('bekrafta-nej').focus();
  });
}

// Sends one secretariat mutation (its document's name: the mutation's type name, e.g. 'OpenRound') against the round's
// version the secretary saw. On success the listed fields are emptied and the round reloaded before the message shows;
// on a clash nothing the secretary entered is touched.
async function record(name, input, messageId, success, clear) {
  const seenVersion = input.expectedVersion;
  say(messageId, 'Sparar …');
  let result;
  try {
    result = await graphql(name, { input: { ...input, clientMutationId: mutationId() } });
  } catch (e) {
    say(messageId, 'Kunde inte nå servern. Inget sparades. Försök igen.', 'fel');
    return false;
  }

  const { refusals, invalidInput } = await vocabulary;
  if (result.errors && result.errors.length) {
    const code = result.errors[0].extensions && result.errors[0].extensions.code;
    say(messageId, refusals[code] || 'Servern kunde inte ta emot åtgärden. Inget sparades.', 'fel');
    if (code === 'UNAUTHENTICATED') { signOut(false); }
    return false;
  }

  const payload = result.data.recorded;
  if (payload.errors && payload.errors.length) {
    const code = payload.errors[0].code;
    if (code === 'CONCURRENCY_CONFLICT') {
      await clash(messageId, seenVersion);
      return false;
    }

    await loadRounds();
    say(messageId, (code === 'INVALID_INPUT' && invalidInput[name]) || refusals[code] || 'Åtgärden avvisades. Inget sparades.', 'fel');
    return false;
  }

  (clear || []).forEach((id) => { $(id).value = ''; delete state.choices[id]; });
  await loadRounds(payload.round.year);
  // A step that ends its stage hides its form: then the message goes beside the round's stage, where the eye is.
  say($(messageId).closest('[hidden]') ? 'omgang-meddelande' : messageId, success, 'ok');
  return true;
}

// Another secretary changed the round first: reload it (keeping every choice), say what changed since the version this
// secretary saw, and ask them to send their action again.
async function clash(messageId, seenVersion) {
  await loadRounds();
  const changes = state.history.filter((e) => seenVersion === undefined || e.version > seenVersion);
  const list = document.createElement('ul');
  list.replaceChildren(...changes.map((e) => {
    const li = document.createElement('li');
    li.textContent = (e.actor || 'Någon') + ' ' + describe(e) + ' (' + when(e.occurredAt) + ').';
    return li;
  }));
  const { refusals } = await vocabulary;
  say(messageId, [
    refusals.CONCURRENCY_CONFLICT,
    list,
    'Dina val och texter finns kvar. Kontrollera dem mot omgången som den är nu och skicka igen om de fortfarande stämmer.',
  ], 'fel');
}

function name(code) {
  const found = state.municipalities.find((m) => m.code === code);
  return found ? found.name : code;
}

// Each event's line in the round's history (the vocabulary's events, AdminVocabulary.cs), read at sign-in.
let eventLines = {};

async function loadVocabulary() {
  eventLines = (await vocabulary).events;
}

// A history entry as a sentence after the actor's name: its event's line, with the entry's fields in its placeholders.
function describe(e) {
  const lines = eventLines[e.type];
  if (!lines) { return e.type; }
  const m = e.municipality ? e.municipality.name : null;
  const values = { municipality: m, reason: e.reason, motivation: e.motivation, note: e.note, at: when(e.scheduledAt) };
  return (!m && lines.withoutMunicipality ? lines.withoutMunicipality : lines.line).replace(/\{([A-Za-z]+)\}/g, (_, key) => values[key] ?? '');
}

async function loadRounds(select) {
  if (select) { chooseYear(select); }
  const year = state.selectedYear;
  // Without a chosen round the document leaves its round out; its year is then never read.
  const result = await graphql('Rounds', { year: year || 0, withRound: !!year });
  if (!result.data) { return; }
  state.rounds = result.data.rounds.nodes;
  state.round = year ? result.data.round : null;
  state.history = state.round ? state.round.history : [];
  renderRounds();
  renderRound();
}

function chooseYear(year) {
  state.selectedYear = year;
  sessionStorage.setItem(YEAR_KEY, String(year));
}

async function loadMunicipalities() {
  const result = await graphql('Municipalities');
  if (!result.data) { return; }
  state.municipalities = result.data.counties.flatMap((c) => c.municipalities).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  $('kommuner').replaceChildren(...state.municipalities.map((m) => {
    const o = document.createElement('option');
    o.value = m.name;
    return o;
  }));
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

function roundRow(round) {
  const row = document.createElement('tr');
  if (round.year === state.selectedYear) { row.className = 'vald'; row.setAttribute('aria-current', 'true'); }
  row.append(cell(round.year), cell(SHORT_STATUS[round.status] || round.status), cell(round.nominees.length));
  const action = document.createElement('td');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Välj';
  button.setAttribute('aria-label', 'Välj omgång ' + round.year);
  button.addEventListener('click', async () => {
    chooseYear(round.year);
    clearMessages();
    await loadRounds();
    $('omgang-rubrik').scrollIntoView({ block: 'start' });
    $('omgang-rubrik').focus();
  });
  action.append(button);
  row.append(action);
  return row;
}

function renderRounds() {
  const current = state.rounds.filter((r) => r.status !== 'ANNOUNCED');
  const past = state.rounds.filter((r) => r.status === 'ANNOUNCED');
  $('omgangar').querySelector('tbody').replaceChildren(...current.map(roundRow));
  $('tidigare-omgangar').querySelector('tbody').replaceChildren(...past.map(roundRow));
  $('tidigare').querySelector('summary').textContent = 'Tidigare omgångar (' + past.length + ')';
}

function option(value, text) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

// Fills a select with the nominees, keeping the secretary's choice by municipality code; a choice that is no longer
// offered leaves the select on its empty entry, never on another municipality.
function fillNominees(id, nominees, fallback) {
  const select = $(id);
  const chosen = state.choices[id] !== undefined ? state.choices[id] : (fallback || '');
  select.replaceChildren(option('', '– välj kommun –'), ...nominees.map((n) => option(n.municipality.code, n.municipality.name)));
  select.value = nominees.some((n) => n.municipality.code === chosen) ? chosen : '';
}

// A text field that starts from the current text, unless the secretary has already written in it.
function prefill(id, text) {
  const field = $(id);
  if (field.dataset.from !== text && (field.value === '' || field.value === field.dataset.from)) { field.value = text; }
  field.dataset.from = text;
}

function show(id, visible) { $(id).hidden = !visible; }

function renderRound() {
  const round = state.round;
  show('omgang', !!round);
  if (!round) { return; }
  $('omgang-ar').textContent = round.year;
  $('omgang-status').textContent = STATUS[round.status] + ' · version ' + round.version;
  document.querySelectorAll('#steg li').forEach((li) => {
    if (li.dataset.status === round.status) { li.setAttribute('aria-current', 'step'); } else { li.removeAttribute('aria-current'); }
  });

  $('nominerade').replaceChildren(...(round.nominees.length ? round.nominees.map((n) => {
    const li = document.createElement('li');
    li.textContent = n.municipality.name + ' (' + n.municipality.code + ')';
    return li;
  }) : [Object.assign(document.createElement('li'), { textContent: 'Inga nominerade än.' })]));

  const nominating = round.status === 'NOMINATING';
  const hasNominees = round.nominees.length > 0;
  const decided = round.status === 'DECIDED';
  show('nominera-del', nominating);
  show('dra-tillbaka-del', nominating && hasNominees);
  show('stang-del', nominating && hasNominees);
  show('beslut-del', (nominating || round.status === 'JUDGING') && hasNominees);
  show('revidera-del', decided);
  show('schema-del', decided);
  show('tillkannage-del', decided);
  show('ratta-del', round.status === 'ANNOUNCED');
  show('beslut-visning-del', !!round.decision);

  fillNominees('dra-tillbaka-kommun', round.nominees);
  fillNominees('vinnare', round.nominees);
  fillNominees('revidera-vinnare', round.nominees, round.decision ? round.decision.municipality.code : '');
  if (round.decision) {
    prefill('revidera-motivering', round.decision.motivation);
    prefill('ny-motivering', round.decision.motivation);
    const who = document.createElement('p');
    who.textContent = 'Vinnare: ' + round.decision.recipientName + ' (' + round.decision.municipality.name + ')' + (round.status === 'ANNOUNCED' ? '' : ' – hemligt till tillkännagivandet.');
    const quote = document.createElement('blockquote');
    quote.textContent = round.decision.motivation;
    const parts = [who, quote];
    if (round.status === 'ANNOUNCED') {
      parts.push(Object.assign(document.createElement('p'), { id: 'tillkannagiven-tid', textContent: 'Tillkännagiven ' + (round.announcedAt ? when(round.announcedAt) : '(tidpunkt okänd)') + '.' }));
    }
    $('beslut-visning').replaceChildren(...parts);
  }

  $('schema-status').textContent = round.scheduledAnnouncementAt
    ? 'Priset tillkännages automatiskt ' + when(round.scheduledAnnouncementAt) + '. Till dess är beslutet hemligt.'
    : 'Inget tillkännagivande är schemalagt.';
  show('avboka-formular', !!round.scheduledAnnouncementAt);
  $('schemalagg').textContent = round.scheduledAnnouncementAt ? 'Flytta tillkännagivandet' : 'Schemalägg';

  $('historik').replaceChildren(...state.history.map((e) => {
    const li = document.createElement('li');
    const time = document.createElement('time');
    time.dateTime = e.occurredAt;
    time.textContent = when(e.occurredAt);
    li.append(time, document.createTextNode(' – ' + (e.actor || 'okänd') + ' ' + describe(e) + '.'));
    if (e.type === 'internal_note_recorded') { li.className = 'intern'; }
    return li;
  }));
}

// Near matches for a name that is no municipality: the same letters without å, ä, ö, or at most two letters off.
function suggestions(typed) {
  const plain = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
  const wanted = plain(typed);
  const distance = (a, b) => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const kept = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = kept;
      }
    }
    return row[b.length];
  };
  return state.municipalities
    .map((m) => ({ m, d: distance(wanted, plain(m.name)) }))
    .filter((x) => x.d <= Math.max(1, Math.min(2, Math.floor(wanted.length / 4))) || (wanted.length >= 3 && plain(x.m.name).startsWith(wanted)))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => x.m);
}

function municipalityByName(typed) {
  const wanted = typed.trim().toLowerCase();
  return state.municipalities.find((m) => m.name.toLowerCase() === wanted || m.code === wanted);
}

function guarded(input) {
  return { year: state.round.year, expectedVersion: state.round.version, ...input };
}

async function signIn(candidate) {
  sessionStorage.setItem(TOKEN_KEY, candidate);
  const result = await graphql('Viewer');
  if (!result.data || !result.data.viewer.isSecretariat) {
    signOut(false);
    say('inloggning-meddelande', (await credentialRefusal(result)) || (await vocabulary).refusals.UNAUTHENTICATED, 'fel');
    return;
  }

  $('namn').textContent = result.data.viewer.name;
  $('inloggad').hidden = false;
  $('inloggning').hidden = true;
  $('arbete').hidden = false;
  const remembered = Number(sessionStorage.getItem(YEAR_KEY));
  if (remembered) { state.selectedYear = remembered; }
  await Promise.all([loadMunicipalities(), loadVocabulary().then(() => loadRounds())]);
  const target = state.round ? $('omgang-rubrik') : $('omgangar-rubrik');
  target.focus();
}

function signOut(announce) {
  sessionStorage.removeItem(TOKEN_KEY);
  $('inloggad').hidden = true;
  $('inloggning').hidden = false;
  $('arbete').hidden = true;
  if (announce) { say('inloggning-meddelande', 'Du är utloggad.', 'ok'); }
}

function on(formId, handler) {
  $(formId).addEventListener('submit', async (event) => {
    event.preventDefault();
    await handler();
  });
}

function selectedName(id) {
  const select = $(id);
  return select.value ? select.selectedOptions[0].textContent : '';
}

async function nominate() {
  const typed = $('kommun').value;
  const box = $('forslag');
  box.hidden = true;
  if (!typed.trim()) {
    say('nominera-meddelande', 'Skriv kommunens namn.', 'fel');
    return;
  }

  const found = municipalityByName(typed);
  if (!found) {
    const near = suggestions(typed);
    if (!near.length) {
      say('nominera-meddelande', 'Det finns ingen kommun som heter ”' + typed.trim() + '”. Välj en av Sveriges 290 kommuner i listan.', 'fel');
      return;
    }

    const buttons = near.map((m) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'forslag';
      b.textContent = m.name;
      b.addEventListener('click', () => { $('kommun').value = m.name; $('kommun').focus(); clearMessages(); });
      return b;
    });
    say('nominera-meddelande', ['Det finns ingen kommun som heter ”' + typed.trim() + '”. Menade du ', ...buttons.flatMap((b, i) => (i ? [' eller ', b] : [b])), '?'], 'fel');
    return;
  }

  await record('NominateMunicipality', guarded({ municipalityCode: found.code }), 'nominera-meddelande', found.name + ' är nominerad.', ['kommun']);
}

document.addEventListener('DOMContentLoaded', () => {
  applyLimits();
  on('inloggningsformular', async () => { await signIn($('token').value.trim()); $('token').value = ''; });
  $('logga-ut').addEventListener('click', () => signOut(true));
  ['dra-tillbaka-kommun', 'vinnare', 'revidera-vinnare'].forEach((id) => $(id).addEventListener('change', () => { state.choices[id] = $(id).value; }));

  on('oppna-formular', async () => {
    const year = Number($('nytt-ar').value);
    if (await record('OpenRound', { year }, 'oppna-meddelande', 'Omgång ' + year + ' är öppnad.', ['nytt-ar'])) {
      chooseYear(year);
      await loadRounds();
    }
  });
  on('nominera-formular', nominate);
  on('dra-tillbaka-formular', async () => {
    const municipality = selectedName('dra-tillbaka-kommun');
    const reason = $('dra-tillbaka-skal').value.trim();
    if (!await confirmStep('Dra tillbaka nomineringen av ' + municipality + '?',
      'Skälet ”' + reason + '” blir offentligt i omgångens historik och i nedladdningarna. En tillbakadragen nominering finns kvar i historiken.', 'Dra tillbaka ' + municipality)) { return; }
    const note = $('dra-tillbaka-anteckning').value.trim() || null;
    await record('WithdrawNomination', guarded({ municipalityCode: $('dra-tillbaka-kommun').value, reason, internalNote: note }),
      'dra-tillbaka-meddelande', 'Nomineringen av ' + municipality + ' är tillbakadragen.', ['dra-tillbaka-skal', 'dra-tillbaka-anteckning', 'dra-tillbaka-kommun']);
  });
  on('stang-formular', async () => {
    const names = state.round.nominees.map((n) => n.municipality.name).join(', ');
    if (!await confirmStep('Stänga nomineringen för ' + state.round.year + '?',
      'Listan över nominerade blir slutgiltig och offentlig som den är: ' + names + '. Det går inte att öppna nomineringen igen.', 'Stäng nomineringen')) { return; }
    await record('CloseNominations', guarded({}), 'stang-meddelande', 'Nomineringen är stängd.');
  });
  on('beslut-formular', async () => {
    const recipient = $('mottagare').value.trim();
    await record('RecordJuryDecision', guarded({ municipalityCode: $('vinnare').value, motivation: $('motivering').value, recipientName: recipient || null }),
      'beslut-meddelande', 'Juryns beslut är registrerat. Det är hemligt tills priset tillkännages.', ['motivering', 'mottagare', 'vinnare']);
  });
  on('revidera-formular', async () => {
    const decision = state.round.decision;
    const code = $('revidera-vinnare').value;
    const motivation = $('revidera-motivering').value;
    const changed = {
      municipalityCode: code !== decision.municipality.code ? code : null,
      motivation: motivation.trim() !== decision.motivation ? motivation : null,
    };
    await record('ReviseDecision', guarded({ ...changed, reason: $('revidera-skal').value }),
      'revidera-meddelande', 'Beslutet är reviderat. Det är fortfarande hemligt; revisionen syns i historiken efter tillkännagivandet.', ['revidera-skal', 'revidera-vinnare']);
  });
  on('schema-formular', async () => {
    const at = new Date(swedishTime($('schema-tid').value));
    const decision = state.round.decision;
    if (!await confirmStep('Schemalägga tillkännagivandet till ' + when(at.toISOString()) + '?',
      'Då blir vinnaren (' + decision.recipientName + ') och motiveringen offentliga automatiskt. Fram till dess går det att flytta eller ställa in.', 'Schemalägg')) { return; }
    await record('ScheduleAnnouncement', guarded({ at: at.toISOString() }),
      'schema-meddelande', 'Tillkännagivandet är schemalagt till ' + when(at.toISOString()) + '.', ['schema-tid']);
  });
  on('avboka-formular', async () => {
    await record('CancelScheduledAnnouncement', guarded({}), 'schema-meddelande',
      'Det schemalagda tillkännagivandet är inställt. Beslutet är fortfarande hemligt.');
  });
  on('tillkannage-formular', async () => {
    const decision = state.round.decision;
    if (!await confirmStep('Tillkännage priset ' + state.round.year + ' nu?',
      'Vinnaren (' + decision.recipientName + ') och motiveringen blir offentliga direkt för alla. Det går inte att ångra.', 'Tillkännage nu')) { return; }
    const title = $('tillkannage-kalla').value.trim();
    const url = $('tillkannage-kalla-lank').value.trim();
    const source = title ? { source: { title, url: url || null, publishedOn: new Date().toISOString().slice(0, 10) } } : {};
    await record('AnnounceAward', guarded({ announcedAt: new Date().toISOString(), ...source }), 'tillkannage-meddelande', 'Priset är tillkännagivet.');
  });
  on('ratta-formular', async () => {
    await record('CorrectMotivation', guarded({ motivation: $('ny-motivering').value, reason: $('ratta-skal').value }),
      'ratta-meddelande', 'Motiveringen är rättad; den tidigare finns kvar i historiken.', ['ratta-skal']);
  });

  if (token()) { signIn(token()); }
});
