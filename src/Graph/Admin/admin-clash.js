// When the round moves under a step the secretary has begun (another secretary's step, the scheduled announcement),
// nothing of theirs is lost without a word: the page says what happened, by whom and when (the round's history), that
// their step was not recorded, where the round is now, shows what they wrote, and offers what it can still become.
'use strict';

const STAGE_NOW = {
  NOMINATING: 'Nomineringen pågår fortfarande.',
  JUDGING: 'Omgången ligger nu hos juryn.',
  DECIDED: 'Juryns beslut är registrerat och hemligt till tillkännagivandet.',
  ANNOUNCED: 'Priset är tillkännagivet och offentligt.',
};

// An entry of the round's history as a sentence: who, what (the vocabulary's line) and when.
function told(e) { return (e.actor || 'Någon') + ' ' + describe(e) + ' (' + when(e.occurredAt) + ').'; }

function changesSince(version) { return state.history.filter((e) => e.version > version); }

function paragraph(text) { return Object.assign(document.createElement('p'), { textContent: text }); }

function button(text, action) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', action);
  return b;
}

// What the secretary had entered in a step's form, by field: its value, and what the page shows of it (a choice by
// its municipality's name), with the field's label.
function snapshot(step) {
  const kept = { values: {}, shown: [] };
  step.fields.forEach((id) => {
    const field = $(id);
    const value = field.value;
    kept.values[id] = value;
    if (!value.trim() || (field.dataset.from !== undefined && value === field.dataset.from)) { return; }
    const shown = field.tagName === 'SELECT' ? field.selectedOptions[0].textContent : value;
    kept.shown.push([document.querySelector('label[for="' + id + '"]').textContent, shown]);
  });
  return kept;
}

function keptList(kept) {
  const list = document.createElement('ul');
  list.replaceChildren(...kept.shown.map(([label, value]) => {
    const li = document.createElement('li');
    const strong = document.createElement('strong');
    strong.textContent = label + ': ';
    const quote = document.createElement('span');
    quote.className = 'behallen';
    quote.textContent = value;
    li.append(strong, quote);
    return li;
  }));
  return list;
}

// A clash the secretary learns of when they send: beside the form when it is still offered (their input is there,
// to check and send again), else at the top of the round.
function clash(step, kept, seenVersion) {
  if ($(step.part).hidden) {
    reportLost([{ step, kept, since: seenVersion }]);
    return;
  }

  step.base = state.round.version;
  const list = document.createElement('ul');
  list.replaceChildren(...changesSince(seenVersion).map((e) => Object.assign(document.createElement('li'), { textContent: told(e) })));
  say(step.message, [
    words.refusals.CONCURRENCY_CONFLICT,
    list,
    'Dina val och texter finns kvar. Kontrollera dem mot omgången som den är nu och skicka igen om de fortfarande stämmer.',
  ], 'fel');
}

// Steps whose form the round's new stage no longer offers, each with what the secretary had entered and the round's
// version they began at: said at the top of the round, in view and focused.
function reportLost(lost) {
  const since = Math.min(...lost.map((l) => l.since));
  const parts = [paragraph(changesSince(since).map(told).join(' '))];
  lost.forEach(({ step, kept }) => {
    $(step.message).replaceChildren();
    parts.push(paragraph(step.mine(kept) + ' registrerades inte. ' + STAGE_NOW[state.round.status]));
    const next = step.after ? step.after(kept) : [];
    // Two decisions are shown side by side by their own choice; anything else kept is listed.
    if (kept.shown.length && !(next.length && step.after === twoDecisions)) { parts.push(paragraph('Det du skrev finns kvar:'), keptList(kept)); }
    parts.push(...next);
    step.base = null;
    step.dirty = false;
  });
  say('omgang-meddelande', parts, 'fel');
}

// Another decision was recorded first: both are shown, and the secretary revises to theirs or leaves the recorded one.
function twoDecisions(kept) {
  const decision = state.round.decision;
  if (!decision || state.round.status !== 'DECIDED') { return []; }
  return [
    paragraph('Registrerat beslut: ' + decision.municipality.name + ' – ”' + decision.motivation + '”'),
    paragraph('Ditt beslut, som inte registrerades: ' + nameOf(kept.values.vinnare) + ' – ”' + kept.values.motivering + '”'),
    button('Revidera till mitt beslut', () => {
      reviseTo(kept.values.vinnare, kept.values.motivering);
      clearFields(STEPS.RecordJuryDecision);
      say('revidera-meddelande', 'Ditt beslut är ifyllt här. Skriv ett skäl till revisionen och skicka den.', 'ok');
      $('revidera-skal').focus();
    }),
    button('Låt det registrerade beslutet stå', () => {
      clearFields(STEPS.RecordJuryDecision);
      say('omgang-meddelande', 'Det registrerade beslutet står kvar. Ditt beslut är borttaget från sidan.', 'ok');
    }),
  ];
}

// A revision that came after the announcement can still become a correction of the published motivation (public).
function revisionAfterAnnouncement(kept) {
  if (state.round.status !== 'ANNOUNCED') { return []; }
  return [
    button('Rätta den publicerade motiveringen med min text', () => {
      $('ny-motivering').value = kept.values['revidera-motivering'];
      $('ratta-skal').value = kept.values['revidera-skal'];
      beginStep(STEPS.CorrectMotivation);
      clearFields(STEPS.ReviseDecision);
      countAll();
      say('ratta-meddelande', 'Din motivering och ditt skäl är ifyllda här. Rättelsen blir offentlig först när du bekräftar den.', 'ok');
      $('ny-motivering').focus();
    }),
    button('Låt den publicerade motiveringen stå', () => {
      clearFields(STEPS.ReviseDecision);
      say('omgang-meddelande', 'Den publicerade motiveringen står kvar. Din revision är borttagen från sidan.', 'ok');
    }),
  ];
}

function reviseTo(code, motivation) {
  state.choices['revidera-vinnare'] = code;
  $('revidera-vinnare').value = code;
  $('revidera-motivering').value = motivation;
  beginStep(STEPS.ReviseDecision);
  countAll();
}
