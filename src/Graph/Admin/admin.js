// The secretariat's admin page. Plain JavaScript, no build step, no dependencies: it talks to /graphql with the
// token kept in sessionStorage. It offers only the steps valid in the round's stage, checks a step before it asks for
// confirmation (admin-checks.js), asks before a step that publishes or cannot be undone, keeps what the secretary
// chose (by municipality code) and wrote across every reload, follows the round live (admin-live.js), and when the
// round moved under a step says what happened and what the step can still become (admin-clash.js).
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

// What the host enforces, in its own words (GET /admin/vocabulary.json): the Swedish message of every refusal code and
// check, the limits the fields carry, the ids of the persisted documents this page sends and each event's line in a
// round's history, so that the page repeats none of them.
const vocabulary = fetch('/admin/vocabulary.json').then((response) => response.json());

const $ = (id) => document.getElementById(id);
const state = { rounds: [], round: null, history: [], selectedYear: null, municipalities: [], choices: {}, me: null };
const TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'short' });

// The steps of a round, by the persisted document that records them: their form, the part of the page that holds it
// (hidden when the round's stage does not offer the step), the message beside it, the fields the secretary fills,
// how the page names the step when it was not recorded, and what it can still become after the round moved on.
// base is the round's version the secretary began the step at; a change after it is a clash.
const STEPS = {
  NominateMunicipality: { form: 'nominera-formular', part: 'nominera-del', message: 'nominera-meddelande', fields: ['kommun'],
    mine: (k) => 'Din nominering av ' + k.values.kommun.trim() },
  WithdrawNomination: { form: 'dra-tillbaka-formular', part: 'dra-tillbaka-del', message: 'dra-tillbaka-meddelande',
    fields: ['dra-tillbaka-kommun', 'dra-tillbaka-skal', 'dra-tillbaka-anteckning'],
    mine: (k) => 'Ditt tillbakadragande av ' + nameOf(k.values['dra-tillbaka-kommun']) },
  CloseNominations: { form: 'stang-formular', part: 'stang-del', message: 'stang-meddelande', fields: [], mine: () => 'Din stängning av nomineringen' },
  RecordJuryDecision: { form: 'beslut-formular', part: 'beslut-del', message: 'beslut-meddelande', fields: ['vinnare', 'mottagare', 'motivering'],
    mine: (k) => 'Ditt beslut (' + nameOf(k.values.vinnare) + ')', after: twoDecisions },
  ReviseDecision: { form: 'revidera-formular', part: 'revidera-del', message: 'revidera-meddelande',
    fields: ['revidera-vinnare', 'revidera-motivering', 'revidera-skal'], mine: () => 'Din revision av beslutet', after: revisionAfterAnnouncement },
  ScheduleAnnouncement: { form: 'schema-formular', part: 'schema-del', message: 'schema-meddelande', fields: ['schema-tid'],
    mine: () => 'Din schemaläggning av tillkännagivandet' },
  CancelScheduledAnnouncement: { form: 'avboka-formular', part: 'schema-del', message: 'schema-meddelande', fields: [],
    mine: () => 'Din inställning av tillkännagivandet' },
  AnnounceAward: { form: 'tillkannage-formular', part: 'tillkannage-del', message: 'tillkannage-meddelande',
    fields: ['tillkannage-kalla', 'tillkannage-kalla-lank'], mine: () => 'Ditt tillkännagivande' },
  CorrectMotivation: { form: 'ratta-formular', part: 'ratta-del', message: 'ratta-meddelande', fields: ['ny-motivering', 'ratta-skal'],
    mine: () => 'Din rättelse av motiveringen' },
};

function token() { return sessionStorage.getItem(TOKEN_KEY); }

function when(iso) { return iso ? TIME.format(new Date(iso)) : ''; }

// A message where it belongs, in view: an error is an alert, a success a status (both live regions); focus goes to it.
function say(id, text, kind) {
  const box = $(id);
  box.setAttribute('role', kind === 'fel' ? 'alert' : 'status');
  box.setAttribute('aria-live', kind === 'fel' ? 'assertive' : 'polite');
  box.className = 'meddelande ' + (kind || '');
  box.replaceChildren(...(Array.isArray(text) ? text : [text]).map((part) => (typeof part === 'string' ? document.createTextNode(part) : part)));
  if (text && text.length) {
    box.scrollIntoView({ block: 'nearest' });
    box.focus({ preventScroll: true });
  }
}

function clearMessages() {
  document.querySelectorAll('.meddelande').forEach((box) => {
    box.replaceChildren();
    box.className = 'meddelande';
    box.removeAttribute('role');
    box.removeAttribute('aria-live');
  });
  clearFieldErrors(document);
}

// Runs one of the page's persisted documents (PersistedDocuments/Admin/{name}.graphql) by its id: only its variables
// are written here.
async function graphql(name, variables) {
  const { documents } = await vocabulary;
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token()) { headers.Authorization = 'Bearer ' + token(); }
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ documentId: documents[name], variables }) });
  const result = await response.json();
  // A key that worked and has expired or been revoked: back to the sign-in view, saying why. What the secretary typed is
  // kept in memory (never in the page or the tab's storage) and given back when they sign in again with a new key.
  const refused = await credentialRefusal(result);
  if (refused) {
    keepTyped();
    signOut(false);
    say('inloggning-meddelande', refused, 'fel');
  }
  return result;
}

// What was typed when the key stopped working: who typed it, in which round, field by field.
let interrupted = null;

function keepTyped() {
  if (!state.me || !state.round) { return; }
  const fields = [...document.querySelectorAll('#arbete textarea, #arbete input:not([type=hidden]):not([type=checkbox])')]
    .filter((field) => field.id && field.value.trim() !== '')
    .map((field) => [field.id, field.value]);
  interrupted = fields.length > 0 ? { who: state.me, year: state.round.year, fields } : null;
}

// Only to the same secretary (by the name on the new key), when they show the same round again.
function restoreTyped() {
  const kept = interrupted;
  if (!kept || !state.me) { return; }
  if (kept.who !== state.me) { interrupted = null; return; }
  if (!state.round || state.round.year !== kept.year) { return; }
  interrupted = null;
  kept.fields.forEach(([id, value]) => {
    const field = $(id);
    if (field && !field.closest('[hidden]')) {
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
}

// The sign-in view's words for an expired or revoked key (extensions.reason of UNAUTHENTICATED), or null.
async function credentialRefusal(result) {
  const error = (result.errors || []).find((e) => e.extensions && e.extensions.code === 'UNAUTHENTICATED');
  return (error && (await vocabulary).credentialRefusals[error.extensions.reason]) || null;
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

// The secretary began a step: from now on a change to the round by someone else is a clash for it.
function beginStep(step) {
  step.dirty = true;
  if (step.base == null && state.round) { step.base = state.round.version; }
}

function clearFields(step) {
  step.fields.forEach((id) => { $(id).value = ''; delete state.choices[id]; });
  step.base = null;
  step.dirty = false;
  countAll();
}

// Sends one secretariat mutation (its document's name: the mutation's type name, e.g. 'OpenRound') against the round's
// version the secretary began the step at. On success the step's fields are emptied and the round reloaded before the
// message shows; on a clash nothing the secretary entered is touched.
async function record(name, input, success, target) {
  const step = STEPS[name] || { message: 'oppna-meddelande', fields: ['nytt-ar'] };
  const kept = snapshot(step);
  step.sending = true;
  say(step.message, 'Sparar …');
  try {
    return await send(name, step, input, kept, success, target);
  } finally {
    step.sending = false;
  }
}

async function send(name, step, input, kept, success, target) {
  let result;
  try {
    result = await graphql(name, { input: { ...input, clientMutationId: mutationId() } });
  } catch (e) {
    say(step.message, 'Kunde inte nå servern. Inget sparades. Försök igen.', 'fel');
    return false;
  }

  const { refusals, invalidInput } = await vocabulary;
  if (result.errors && result.errors.length) {
    const code = result.errors[0].extensions && result.errors[0].extensions.code;
    if (code === 'UNAUTHENTICATED') {
      // An expired or revoked key has already signed the page out, saying why (graphql()); any other, here.
      if (token()) {
        signOut(false);
        say('inloggning-meddelande', refusals.UNAUTHENTICATED, 'fel');
      }
      return false;
    }
    say(step.message, refusals[code] || 'Servern kunde inte ta emot åtgärden. Inget sparades.', 'fel');
    return false;
  }

  const payload = result.data.recorded;
  if (payload.errors && payload.errors.length) {
    const code = payload.errors[0].code;
    await loadRounds();
    if (code === 'CONCURRENCY_CONFLICT') {
      clash(step, kept, input.expectedVersion);
      return false;
    }

    const refusal = (code === 'INVALID_INPUT' && invalidInput[name]) || refusals[code] || 'Åtgärden avvisades. Inget sparades.';
    say(step.part && $(step.part).hidden ? 'omgang-meddelande' : step.message, refusal, 'fel');
    return false;
  }

  clearFields(step);
  await loadRounds(payload.round.year);
  // A step that ends its stage hides its form: then the message goes beside the round's stage, where the eye is.
  say(target || ($(step.message).closest('[hidden]') ? 'omgang-meddelande' : step.message), success, 'ok');
  return true;
}

function nameOf(code) {
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

// Reads the rounds again, one reading at a time (a live change and the page's own step may ask at once), so that an
// older answer never replaces a newer one.
let reading = Promise.resolve();

function loadRounds(select) {
  const next = reading.then(() => readRounds(select));
  reading = next.catch(() => undefined);
  return next;
}

async function readRounds(select) {
  if (select) { chooseYear(select); }
  const year = state.selectedYear;
  // Without a chosen round the document leaves its round out; its year is then never read.
  const result = await graphql('Rounds', { year: year || 0, withRound: !!year });
  if (!token() || !result.data) { return; }
  const before = state.round && state.round.year === year ? state.round : null;
  // The steps the secretary had begun, as they were, in case the round's new stage no longer offers them.
  const begun = before ? Object.values(STEPS).filter((s) => s.dirty && !s.sending && !$(s.part).hidden)
    .map((step) => ({ step, kept: snapshot(step), since: step.base })) : [];
  state.rounds = result.data.rounds.nodes;
  state.round = year ? result.data.round : null;
  if (state.round && result.data.viewer) { state.round.embargoReads = result.data.viewer.embargoReads; }
  state.history = state.round ? state.round.history : [];
  renderRounds();
  renderRound();
  restoreTyped();
  if (before && state.round && state.round.version > before.version) {
    const others = changesSince(before.version).filter((e) => e.actor !== state.me);
    if (others.length) { $('omgang-live').textContent = 'Nytt i omgången: ' + others.map(told).join(' '); }
    const lost = begun.filter((b) => $(b.step.part).hidden && changesSince(b.since).some((e) => e.actor !== state.me));
    if (lost.length) { reportLost(lost); }
  }
}

function chooseYear(year) {
  if (year !== state.selectedYear) { Object.values(STEPS).forEach((s) => { s.base = null; s.dirty = false; }); }
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
  const choose = document.createElement('button');
  choose.type = 'button';
  choose.textContent = 'Välj';
  choose.setAttribute('aria-label', 'Välj omgång ' + round.year);
  choose.addEventListener('click', async () => {
    chooseYear(round.year);
    clearMessages();
    $('omgang-live').textContent = '';
    await loadRounds();
    $('omgang-rubrik').scrollIntoView({ block: 'start' });
    $('omgang-rubrik').focus();
  });
  action.append(choose);
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
  count(field);
}

function show(id, visible) { $(id).hidden = !visible; }

// The secretariat sees who of the press read the round's decision under embargo, and when (the press, and anyone else, reads null).
function renderEmbargoReads(reads) {
  show('lasningar-del', !!reads && reads.length > 0);
  $('lasningar').replaceChildren(...(reads || []).map((r) => {
    const li = document.createElement('li');
    const time = document.createElement('time');
    time.dateTime = r.readAt;
    time.textContent = when(r.readAt);
    li.append(time, document.createTextNode(' – ' + r.credentialName + ' läste beslutet (' + r.operation + ').'));
    return li;
  }));
}

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
  const writes = !state.press;
  show('nominera-del', writes && nominating);
  show('dra-tillbaka-del', writes && nominating && hasNominees);
  show('stang-del', writes && nominating && hasNominees);
  show('beslut-del', writes && (nominating || round.status === 'JUDGING') && hasNominees);
  show('revidera-del', writes && decided);
  show('schema-del', writes && decided);
  show('tillkannage-del', writes && decided);
  show('ratta-del', writes && round.status === 'ANNOUNCED');
  renderEmbargoReads(round.embargoReads);
  show('beslut-visning-del', !!round.decision);

  fillNominees('dra-tillbaka-kommun', round.nominees);
  fillNominees('vinnare', round.nominees);
  fillNominees('revidera-vinnare', round.nominees, round.decision ? round.decision.municipality.code : '');
  $('beslut-visning').replaceChildren();
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

// The step's input, against the round's version the secretary began it at (or the one shown now, for a step that is
// only a button), taken before any confirmation: a change while the dialog is open is a clash too.
function guarded(name, input) {
  const step = STEPS[name];
  return { year: state.round.year, expectedVersion: step.base ?? state.round.version, ...input };
}

async function signIn(candidate) {
  sessionStorage.setItem(TOKEN_KEY, candidate);
  const result = await graphql('Viewer');
  if (!result.data || !(result.data.viewer.isSecretariat || result.data.viewer.isPress)) {
    signOut(false);
    say('inloggning-meddelande', (await credentialRefusal(result)) || (await vocabulary).refusals.UNAUTHENTICATED, 'fel');
    return;
  }

  state.me = result.data.viewer.name;
  // The press reads under embargo and records nothing: the page shows the rounds and hides every step.
  state.press = !result.data.viewer.isSecretariat;
  $('pressvy').hidden = !state.press;
  show('oppna-del', !state.press);
  $('namn').textContent = result.data.viewer.name;
  $('inloggad').hidden = false;
  $('inloggning').hidden = true;
  $('arbete').hidden = false;
  const remembered = Number(sessionStorage.getItem(YEAR_KEY));
  if (remembered) { state.selectedYear = remembered; }
  await Promise.all([loadMunicipalities(), loadVocabulary().then(() => loadRounds())]);
  follow();
  const target = state.round ? $('omgang-rubrik') : $('omgangar-rubrik');
  target.focus();
}

// Nothing secret stays in the page after signing out: the rounds, the decision, the history and what was written are
// removed from the document, not only hidden.
function forget() {
  unfollow();
  Object.assign(state, { rounds: [], round: null, history: [], selectedYear: null, choices: {}, me: null, press: false });
  $('pressvy').hidden = true;
  sessionStorage.removeItem(YEAR_KEY);
  Object.values(STEPS).forEach((s) => { s.base = null; s.dirty = false; });
  document.querySelectorAll('#arbete form').forEach((form) => form.reset());
  document.querySelectorAll('#arbete [data-from]').forEach((field) => { delete field.dataset.from; });
  ['nominerade', 'historik', 'beslut-visning', 'omgang-ar', 'omgang-status', 'schema-status', 'omgang-live', 'forslag', 'namn',
    'dra-tillbaka-kommun', 'vinnare', 'revidera-vinnare', 'lasningar'].forEach((id) => $(id).replaceChildren());
  document.querySelectorAll('#arbete tbody').forEach((body) => body.replaceChildren());
  clearMessages();
  countAll();
  show('omgang', false);
}

function signOut(announce) {
  sessionStorage.removeItem(TOKEN_KEY);
  forget();
  $('inloggad').hidden = true;
  $('inloggning').hidden = false;
  $('arbete').hidden = true;
  if (announce) {
    interrupted = null;
    say('inloggning-meddelande', 'Du är utloggad.', 'ok');
  }
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
  $('forslag').hidden = true;
  clearFieldErrors($('nominera-formular'));
  if (!typed.trim()) {
    passes('nominera-formular', [['kommun', 'Skriv kommunens namn.']]);
    return;
  }

  const found = municipalityByName(typed);
  if (!found) {
    const near = suggestions(typed);
    if (!near.length) {
      say('nominera-meddelande', 'Det finns ingen kommun som heter ”' + typed.trim() + '”. Välj en av Sveriges 290 kommuner i listan.', 'fel');
      return;
    }

    const buttons = near.map((m) => button(m.name, () => { $('kommun').value = m.name; $('kommun').focus(); clearMessages(); }));
    say('nominera-meddelande', ['Det finns ingen kommun som heter ”' + typed.trim() + '”. Menade du ', ...buttons.flatMap((b, i) => (i ? [' eller ', b] : [b])), '?'], 'fel');
    return;
  }

  await record('NominateMunicipality', guarded('NominateMunicipality', { municipalityCode: found.code }), found.name + ' är nominerad.');
}

async function withdraw() {
  if (!passes('dra-tillbaka-formular', [
    ['dra-tillbaka-kommun', choiceProblem('dra-tillbaka-kommun')],
    ['dra-tillbaka-skal', textProblem('dra-tillbaka-skal', true)],
    ['dra-tillbaka-anteckning', textProblem('dra-tillbaka-anteckning', false)],
  ])) { return; }
  const input = guarded('WithdrawNomination', {});
  const municipality = selectedName('dra-tillbaka-kommun');
  const reason = $('dra-tillbaka-skal').value.trim();
  if (!await confirmStep('Dra tillbaka nomineringen av ' + municipality + '?',
    'Skälet ”' + reason + '” blir offentligt i omgångens historik och i nedladdningarna. En tillbakadragen nominering finns kvar i historiken.', 'Dra tillbaka ' + municipality)) { return; }
  const note = $('dra-tillbaka-anteckning').value.trim() || null;
  await record('WithdrawNomination', { ...input, municipalityCode: $('dra-tillbaka-kommun').value, reason, internalNote: note },
    'Nomineringen av ' + municipality + ' är tillbakadragen.');
}

async function closeNominations() {
  const input = guarded('CloseNominations', {});
  const names = state.round.nominees.map((n) => n.municipality.name).join(', ');
  if (!await confirmStep('Stänga nomineringen för ' + state.round.year + '?',
    'Listan över nominerade blir slutgiltig och offentlig som den är: ' + names + '. Det går inte att öppna nomineringen igen.', 'Stäng nomineringen')) { return; }
  await record('CloseNominations', input, 'Nomineringen är stängd.');
}

async function decide() {
  if (!passes('beslut-formular', [
    ['vinnare', choiceProblem('vinnare')],
    ['mottagare', textProblem('mottagare', false)],
    ['motivering', textProblem('motivering', true)],
  ])) { return; }
  const input = guarded('RecordJuryDecision', {});
  const winner = selectedName('vinnare');
  // A decision while the nominations are open closes them for good: that is asked as the close itself is.
  if (state.round.status === 'NOMINATING' && !await confirmStep('Registrera beslutet och stänga nomineringen för ' + state.round.year + '?',
    'Nomineringen är fortfarande öppen. Beslutet stänger den för gott: listan över nominerade blir slutgiltig och offentlig som den är: '
      + state.round.nominees.map((n) => n.municipality.name).join(', ') + '. Vinnaren (' + winner + ') och motiveringen är hemliga tills priset tillkännages.',
    'Stäng nomineringen och registrera beslutet')) { return; }
  const recipient = $('mottagare').value.trim();
  await record('RecordJuryDecision', { ...input, municipalityCode: $('vinnare').value, motivation: $('motivering').value, recipientName: recipient || null },
    'Juryns beslut är registrerat. Det är hemligt tills priset tillkännages.');
}

async function revise() {
  const decision = state.round.decision;
  const code = $('revidera-vinnare').value;
  const motivation = $('revidera-motivering').value;
  const changed = {
    municipalityCode: code !== decision.municipality.code ? code : null,
    motivation: motivation.trim() !== decision.motivation ? motivation : null,
  };
  if (!passes('revidera-formular', [
    ['revidera-vinnare', choiceProblem('revidera-vinnare')],
    ['revidera-motivering', textProblem('revidera-motivering', true)
      || (!changed.municipalityCode && !changed.motivation ? words.invalidInput.ReviseDecision : null)],
    ['revidera-skal', textProblem('revidera-skal', true)],
  ])) { return; }
  await record('ReviseDecision', guarded('ReviseDecision', { ...changed, reason: $('revidera-skal').value }),
    'Beslutet är reviderat. Det är fortfarande hemligt; revisionen syns i historiken efter tillkännagivandet.');
}

async function schedule() {
  const moment = scheduleMoment('schema-tid');
  if (!passes('schema-formular', [['schema-tid', moment.problem]])) { return; }
  const input = guarded('ScheduleAnnouncement', {});
  const decision = state.round.decision;
  if (!await confirmStep('Schemalägga tillkännagivandet till ' + when(moment.iso) + '?',
    'Då blir vinnaren (' + decision.recipientName + ') och motiveringen offentliga automatiskt. Fram till dess går det att flytta eller ställa in.', 'Schemalägg')) { return; }
  await record('ScheduleAnnouncement', { ...input, at: moment.iso }, 'Tillkännagivandet är schemalagt till ' + when(moment.iso) + '.');
}

async function announce() {
  const title = $('tillkannage-kalla').value.trim();
  const url = $('tillkannage-kalla-lank').value.trim();
  if (!passes('tillkannage-formular', [
    ['tillkannage-kalla', textProblem('tillkannage-kalla', false) || (url && !title ? words.checks.urlWithoutTitle : null)],
    ['tillkannage-kalla-lank', urlProblem('tillkannage-kalla-lank')],
  ])) { return; }
  const input = guarded('AnnounceAward', {});
  const decision = state.round.decision;
  if (!await confirmStep('Tillkännage priset ' + state.round.year + ' nu?',
    'Vinnaren (' + decision.recipientName + ') och motiveringen blir offentliga direkt för alla. Det går inte att ångra.', 'Tillkännage nu')) { return; }
  const source = title ? { source: { title, url: url || null, publishedOn: new Date().toISOString().slice(0, 10) } } : {};
  await record('AnnounceAward', { ...input, announcedAt: new Date().toISOString(), ...source }, 'Priset är tillkännagivet.');
}

async function correct() {
  const motivation = $('ny-motivering').value;
  const reason = $('ratta-skal').value.trim();
  if (!passes('ratta-formular', [
    ['ny-motivering', textProblem('ny-motivering', true) || (motivation.trim() === state.round.decision.motivation ? words.checks.unchangedCorrection : null)],
    ['ratta-skal', textProblem('ratta-skal', true)],
  ])) { return; }
  const input = guarded('CorrectMotivation', {});
  if (!await confirmStep('Rätta den publicerade motiveringen för ' + state.round.year + '?',
    'Den nya motiveringen och skälet ”' + reason + '” blir offentliga direkt för alla. Den tidigare motiveringen finns kvar i historiken.',
    'Rätta motiveringen')) { return; }
  await record('CorrectMotivation', { ...input, motivation, reason }, 'Motiveringen är rättad; den tidigare finns kvar i historiken.');
}

async function openRound() {
  if (!passes('oppna-formular', [['nytt-ar', yearProblem('nytt-ar')]])) { return; }
  const year = Number($('nytt-ar').value.trim());
  // The round opens above this form: its message goes to the top of the round, in view.
  await record('OpenRound', { year }, 'Omgång ' + year + ' är öppnad.', 'omgang-meddelande');
}

document.addEventListener('DOMContentLoaded', () => {
  applyLimits();
  on('inloggningsformular', async () => { await signIn($('token').value.trim()); $('token').value = ''; });
  $('logga-ut').addEventListener('click', () => signOut(true));
  ['dra-tillbaka-kommun', 'vinnare', 'revidera-vinnare'].forEach((id) => $(id).addEventListener('change', () => { state.choices[id] = $(id).value; }));
  Object.values(STEPS).forEach((step) => ['input', 'change'].forEach((type) => $(step.form).addEventListener(type, () => beginStep(step))));

  on('oppna-formular', openRound);
  on('nominera-formular', nominate);
  on('dra-tillbaka-formular', withdraw);
  on('stang-formular', closeNominations);
  on('beslut-formular', decide);
  on('revidera-formular', revise);
  on('schema-formular', schedule);
  on('avboka-formular', () => record('CancelScheduledAnnouncement', guarded('CancelScheduledAnnouncement', {}),
    'Det schemalagda tillkännagivandet är inställt. Beslutet är fortfarande hemligt.'));
  on('tillkannage-formular', announce);
  on('ratta-formular', correct);

  if (token()) { signIn(token()); }
});
