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

// Every refusal in Swedish, specific to its cause; the server's English message is never shown.
const ERRORS = {
  ROUND_NOT_FOUND: 'Omgången finns inte. Öppna den först.',
  ROUND_ALREADY_EXISTS: 'Det finns redan en omgång för det året.',
  UNKNOWN_MUNICIPALITY: 'Okänd kommun. Välj en av Sveriges 290 kommuner.',
  ALREADY_NOMINATED: 'Kommunen är redan nominerad i den här omgången.',
  NOT_NOMINATED: 'Kommunen är inte nominerad i den här omgången.',
  ROUND_CLOSED: 'Nomineringen är stängd i den här omgången.',
  DECISION_REQUIRED: 'Juryns beslut måste registreras först.',
  ALREADY_DECIDED: 'Juryns beslut är redan registrerat för den här omgången.',
  ALREADY_ANNOUNCED: 'Priset är redan tillkännagivet.',
  NOT_ANNOUNCED: 'Priset är inte tillkännagivet än. Bara en publicerad motivering kan rättas.',
  ANNOUNCEMENT_IN_FUTURE: 'Ett tillkännagivande nu kan inte dateras i framtiden. Schemalägg det i stället.',
  SCHEDULE_IN_PAST: 'Tidpunkten har redan passerat. Välj en tidpunkt i framtiden eller tillkännage nu.',
  NOT_SCHEDULED: 'Inget tillkännagivande är schemalagt.',
  IDEMPOTENCY_KEY_REUSED: 'Begäran skickades redan med andra uppgifter. Försök igen.',
  UNAUTHENTICATED: 'Nyckeln är ogiltig eller saknas. Logga in igen.',
};

// INVALID_INPUT depends on the form: what in it was not valid.
const INVALID = {
  openRound: 'Året är inte ett prisår: priset delas ut udda år från 2003 till 2199.',
  withdrawNomination: 'Skriv ett skäl (högst 1000 tecken); den interna anteckningen får vara högst 1000 tecken.',
  closeNominations: 'Nominera minst en kommun innan nomineringen stängs.',
  recordJuryDecision: 'Skriv en motivering (högst 4000 tecken) och en mottagare på högst 200 tecken.',
  reviseDecision: 'Revisionen ändrar ingenting, eller saknar skäl. Ändra vinnare eller motivering och skriv ett skäl.',
  scheduleAnnouncement: 'Tillkännagivandet är redan schemalagt till den tidpunkten.',
  correctMotivation: 'Skriv ett skäl och en motivering som skiljer sig från den nuvarande (högst 4000 tecken).',
};

const HISTORY_FIELDS = 'version type actor occurredAt municipality { code name } motivation reason note scheduledAt';
const ROUND_FIELDS = 'year status version nominees { municipality { code name } } decision { recipientName motivation municipality { code name } } announcedAt scheduledAnnouncementAt';

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

async function graphql(query, variables) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token()) { headers.Authorization = 'Bearer ' + token(); }
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return response.json();
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

// Sends one secretariat mutation against the round's version the secretary saw. On success the listed fields are
// emptied and the round reloaded before the message shows; on a clash nothing the secretary entered is touched.
async function record(field, inputType, input, messageId, success, clear) {
  const seenVersion = input.expectedVersion;
  const query = `mutation($input: ${inputType}!) { ${field}(input: $input) { round { year version } errors { ... on Error { code message } } } }`;
  say(messageId, 'Sparar …');
  let result;
  try {
    result = await graphql(query, { input: { ...input, clientMutationId: mutationId() } });
  } catch (e) {
    say(messageId, 'Kunde inte nå servern. Inget sparades. Försök igen.', 'fel');
    return false;
  }

  if (result.errors && result.errors.length) {
    const code = result.errors[0].extensions && result.errors[0].extensions.code;
    say(messageId, ERRORS[code] || 'Servern kunde inte ta emot åtgärden. Inget sparades.', 'fel');
    if (code === 'UNAUTHENTICATED') { signOut(false); }
    return false;
  }

  const payload = result.data[field];
  if (payload.errors && payload.errors.length) {
    const code = payload.errors[0].code;
    if (code === 'CONCURRENCY_CONFLICT') {
      await clash(messageId, seenVersion);
      return false;
    }

    await loadRounds();
    say(messageId, (code === 'INVALID_INPUT' ? INVALID[field] : ERRORS[code]) || 'Åtgärden avvisades. Inget sparades.', 'fel');
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
  say(messageId, [
    'Omgången ändrades innan din åtgärd sparades, och den sparades inte:',
    list,
    'Dina val och texter finns kvar. Kontrollera dem mot omgången som den är nu och skicka igen om de fortfarande stämmer.',
  ], 'fel');
}

function name(code) {
  const found = state.municipalities.find((m) => m.code === code);
  return found ? found.name : code;
}

// The words the host keeps for this page (GET /admin/vocabulary.json, AdminVocabulary.cs), read at sign-in.
let vocabulary = { events: {} };

async function loadVocabulary() {
  const response = await fetch('/admin/vocabulary.json', { headers: { Accept: 'application/json' } });
  if (response.ok) { vocabulary = await response.json(); }
}

// A history entry as a sentence after the actor's name: its event's line, with the entry's fields in its placeholders.
function describe(e) {
  const lines = vocabulary.events[e.type];
  if (!lines) { return e.type; }
  const m = e.municipality ? e.municipality.name : null;
  const values = { municipality: m, reason: e.reason, motivation: e.motivation, note: e.note, at: when(e.scheduledAt) };
  return (!m && lines.withoutMunicipality ? lines.withoutMunicipality : lines.line).replace(/\{([A-Za-z]+)\}/g, (_, key) => values[key] ?? '');
}

async function loadRounds(select) {
  if (select) { chooseYear(select); }
  const year = state.selectedYear;
  const roundQuery = year ? ` round(year: ${Number(year)}) { ${ROUND_FIELDS} history { ${HISTORY_FIELDS} } }` : '';
  const result = await graphql(`{ rounds(first: 100) { nodes { year status nominees { municipality { code } } } }${roundQuery} }`);
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
  const result = await graphql('{ counties { municipalities { code name } } }');
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
  const result = await graphql('{ viewer { isSecretariat name } }');
  if (!result.data || !result.data.viewer.isSecretariat) {
    signOut(false);
    say('inloggning-meddelande', ERRORS.UNAUTHENTICATED, 'fel');
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

  await record('nominateMunicipality', 'NominateMunicipalityInput', guarded({ municipalityCode: found.code }), 'nominera-meddelande', found.name + ' är nominerad.', ['kommun']);
}

document.addEventListener('DOMContentLoaded', () => {
  on('inloggningsformular', async () => { await signIn($('token').value.trim()); $('token').value = ''; });
  $('logga-ut').addEventListener('click', () => signOut(true));
  ['dra-tillbaka-kommun', 'vinnare', 'revidera-vinnare'].forEach((id) => $(id).addEventListener('change', () => { state.choices[id] = $(id).value; }));

  on('oppna-formular', async () => {
    const year = Number($('nytt-ar').value);
    if (await record('openRound', 'OpenRoundInput', { year }, 'oppna-meddelande', 'Omgång ' + year + ' är öppnad.', ['nytt-ar'])) {
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
    await record('withdrawNomination', 'WithdrawNominationInput',
      guarded({ municipalityCode: $('dra-tillbaka-kommun').value, reason, internalNote: $('dra-tillbaka-anteckning').value.trim() || null }),
      'dra-tillbaka-meddelande', 'Nomineringen av ' + municipality + ' är tillbakadragen.', ['dra-tillbaka-skal', 'dra-tillbaka-anteckning', 'dra-tillbaka-kommun']);
  });
  on('stang-formular', async () => {
    const names = state.round.nominees.map((n) => n.municipality.name).join(', ');
    if (!await confirmStep('Stänga nomineringen för ' + state.round.year + '?',
      'Listan över nominerade blir slutgiltig och offentlig som den är: ' + names + '. Det går inte att öppna nomineringen igen.', 'Stäng nomineringen')) { return; }
    await record('closeNominations', 'CloseNominationsInput', guarded({}), 'stang-meddelande', 'Nomineringen är stängd.');
  });
  on('beslut-formular', async () => {
    const recipient = $('mottagare').value.trim();
    await record('recordJuryDecision', 'RecordJuryDecisionInput',
      guarded({ municipalityCode: $('vinnare').value, motivation: $('motivering').value, recipientName: recipient || null }),
      'beslut-meddelande', 'Juryns beslut är registrerat. Det är hemligt tills priset tillkännages.', ['motivering', 'mottagare', 'vinnare']);
  });
  on('revidera-formular', async () => {
    const decision = state.round.decision;
    const code = $('revidera-vinnare').value;
    const motivation = $('revidera-motivering').value;
    await record('reviseDecision', 'ReviseDecisionInput',
      guarded({ municipalityCode: code !== decision.municipality.code ? code : null, motivation: motivation.trim() !== decision.motivation ? motivation : null, reason: $('revidera-skal').value }),
      'revidera-meddelande', 'Beslutet är reviderat. Det är fortfarande hemligt; revisionen syns i historiken efter tillkännagivandet.', ['revidera-skal', 'revidera-vinnare']);
  });
  on('schema-formular', async () => {
    const at = new Date(swedishTime($('schema-tid').value));
    const decision = state.round.decision;
    if (!await confirmStep('Schemalägga tillkännagivandet till ' + when(at.toISOString()) + '?',
      'Då blir vinnaren (' + decision.recipientName + ') och motiveringen offentliga automatiskt. Fram till dess går det att flytta eller ställa in.', 'Schemalägg')) { return; }
    await record('scheduleAnnouncement', 'ScheduleAnnouncementInput', guarded({ at: at.toISOString() }),
      'schema-meddelande', 'Tillkännagivandet är schemalagt till ' + when(at.toISOString()) + '.', ['schema-tid']);
  });
  on('avboka-formular', async () => {
    await record('cancelScheduledAnnouncement', 'CancelScheduledAnnouncementInput', guarded({}), 'schema-meddelande', 'Det schemalagda tillkännagivandet är inställt. Beslutet är fortfarande hemligt.');
  });
  on('tillkannage-formular', async () => {
    const decision = state.round.decision;
    if (!await confirmStep('Tillkännage priset ' + state.round.year + ' nu?',
      'Vinnaren (' + decision.recipientName + ') och motiveringen blir offentliga direkt för alla. Det går inte att ångra.', 'Tillkännage nu')) { return; }
    const title = $('tillkannage-kalla').value.trim();
    const url = $('tillkannage-kalla-lank').value.trim();
    const source = title ? { source: { title, url: url || null, publishedOn: new Date().toISOString().slice(0, 10) } } : {};
    await record('announceAward', 'AnnounceAwardInput', guarded({ announcedAt: new Date().toISOString(), ...source }), 'tillkannage-meddelande', 'Priset är tillkännagivet.');
  });
  on('ratta-formular', async () => {
    await record('correctMotivation', 'CorrectMotivationInput', guarded({ motivation: $('ny-motivering').value, reason: $('ratta-skal').value }),
      'ratta-meddelande', 'Motiveringen är rättad; den tidigare finns kvar i historiken.', ['ratta-skal']);
  });

  if (token()) { signIn(token()); }
});
