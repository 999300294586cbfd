// The admin page's own checks, run before any confirmation: every rule the API holds a field to, in the host's words
// (the vocabulary's checks, fields and limits), beside the field it concerns. The browser's own validation never speaks:
// the forms are novalidate and no field carries required, maxlength, min, max, step or a type that validates; a text
// over its limit is never cut, it is counted and refused with its length.
'use strict';

const NUMBER = new Intl.NumberFormat('sv-SE');

// The vocabulary once it has arrived (the page reads it before any form can be sent).
let words = null;

function fillIn(template, values) { return template.replace(/\{([A-Za-z]+)\}/g, (_, key) => values[key] ?? ''); }

// Adds (or takes away) an id in a field's aria-describedby, keeping the ones the markup gives it.
function describedBy(field, id, present) {
  const ids = (field.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && x !== id);
  if (present) { ids.push(id); }
  if (ids.length) { field.setAttribute('aria-describedby', ids.join(' ')); } else { field.removeAttribute('aria-describedby'); }
}

// The length the API counts: the text without its surrounding white space.
function lengthOf(field) { return field.value.trim().length; }

function count(field) {
  const counter = $(field.id + '-raknare');
  if (!counter) { return; }
  const limit = Number(field.dataset.maxLength);
  const length = lengthOf(field);
  counter.textContent = NUMBER.format(length) + ' av ' + NUMBER.format(limit) + ' tecken'
    + (length > limit ? ' – ' + NUMBER.format(length - limit) + ' för många' : '');
  counter.classList.toggle('over', length > limit);
}

function countAll() { document.querySelectorAll('[data-limit]').forEach(count); }

// Each field names the limit it carries (data-limit, data-min, data-max); the number is the one the API holds it to,
// written beside it as a counter, never as a maxlength that would cut a pasted text.
async function applyLimits() {
  words = await vocabulary;
  const { limits } = words;
  document.querySelectorAll('[data-limit]').forEach((field) => {
    field.dataset.maxLength = limits[field.dataset.limit];
    const counter = document.createElement('p');
    counter.className = 'raknare hjalp';
    counter.id = field.id + '-raknare';
    field.after(counter);
    describedBy(field, counter.id, true);
    field.addEventListener('input', () => count(field));
    count(field);
  });
  document.querySelectorAll('[data-min]').forEach((field) => { field.dataset.minValue = limits[field.dataset.min]; });
  document.querySelectorAll('[data-max]').forEach((field) => { field.dataset.maxValue = limits[field.dataset.max]; });
}

// A message beside a field (after its counter where it has one), tied to it by aria-describedby.
function fieldError(field, message) {
  let box = $(field.id + '-fel');
  if (!box) {
    box = document.createElement('p');
    box.id = field.id + '-fel';
    box.className = 'faltfel';
    ($(field.id + '-raknare') || field).after(box);
  }
  box.textContent = message;
  field.setAttribute('aria-invalid', 'true');
  describedBy(field, box.id, true);
}

function clearFieldErrors(scope) {
  scope.querySelectorAll('.faltfel').forEach((box) => {
    const field = $(box.id.slice(0, -'-fel'.length));
    field.removeAttribute('aria-invalid');
    describedBy(field, box.id, false);
    box.remove();
  });
}

// Refuses a text that is missing (when required; white space alone is missing) or longer than its limit.
function textProblem(id, required) {
  const field = $(id);
  const name = words.fields[field.dataset.limit];
  if (!field.value.trim()) { return required ? fillIn(words.checks.required, name) : null; }
  const limit = Number(field.dataset.maxLength);
  return lengthOf(field) > limit
    ? fillIn(words.checks.tooLong, { ...name, length: NUMBER.format(lengthOf(field)), limit: NUMBER.format(limit) })
    : null;
}

function choiceProblem(id) { return $(id).value ? null : words.checks.choose; }

// An absolute http or https address, as the API's source rule takes it.
function urlProblem(id) {
  const text = $(id).value.trim();
  if (!text) { return null; }
  let url = null;
  try { url = new URL(text); } catch (e) { url = null; }
  return url && (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname ? textProblem(id, false) : words.checks.sourceUrl;
}

// An award year as the API takes it: written in digits, odd, from the first award year to the last.
function yearProblem(id) {
  const field = $(id);
  const text = field.value.trim();
  const year = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
  const fits = year >= Number(field.dataset.minValue) && year <= Number(field.dataset.maxValue) && year % 2 === 1;
  return fits ? null : words.invalidInput.OpenRound;
}

// A moment written in Swedish time (a datetime-local value), read strictly: the year as written (0099 is year 99,
// never 1999), a year past what the API can hold refused in words before any date arithmetic, and a moment that has
// passed refused as the API would. Returns { iso } or { problem }.
function scheduleMoment(id) {
  const field = $(id);
  const text = field.value.trim();
  if (!text) { return { problem: words.checks.dateRequired }; }
  const parts = /^(\d{4,6})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(text);
  if (!parts) { return { problem: words.checks.dateUnreadable }; }
  const [y, mo, d, h, mi] = parts.slice(1).map(Number);
  const first = new Date().getFullYear();
  const last = Number(field.dataset.maxValue);
  if (y > last) { return { problem: fillIn(words.checks.dateYear, { year: parts[1], first, last }) }; }
  const shown = parts[1] + '-' + parts[2] + '-' + parts[3] + ' kl. ' + parts[4] + ':' + parts[5];
  const written = new Date(Date.UTC(2000, mo - 1, d, h, mi));
  written.setUTCFullYear(y);
  if (written.getUTCMonth() !== mo - 1 || written.getUTCDate() !== d || h > 23 || mi > 59) { return { problem: words.checks.dateUnreadable }; }
  let utc = written.getTime() - swedishOffset(written) * 60000;
  utc = written.getTime() - swedishOffset(new Date(utc)) * 60000;
  if (utc <= Date.now()) { return { problem: fillIn(words.checks.datePast, { at: shown }) }; }
  return { iso: new Date(utc).toISOString() };
}

// The offset of Swedish time from UTC at a moment, in minutes (60 in winter, 120 in summer).
function swedishOffset(moment) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Stockholm', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(moment).map((p) => [p.type, Number(p.value)]));
  const local = new Date(Date.UTC(2000, parts.month - 1, parts.day, parts.hour, parts.minute));
  local.setUTCFullYear(parts.year);
  return Math.round((local.getTime() - moment.getTime()) / 60000);
}

// Shows every problem beside its field and moves the focus to the first; true when there is none. Each check is
// [field id, message or null].
function passes(form, checks) {
  clearFieldErrors($(form));
  const problems = checks.filter(([, problem]) => problem);
  problems.forEach(([id, problem]) => fieldError($(id), problem));
  if (problems.length) {
    const first = $(problems[0][0]);
    first.scrollIntoView({ block: 'nearest' });
    first.focus({ preventScroll: true });
  }
  return problems.length === 0;
}

// A municipality by its name, its official name ("Lunds kommun", "Falu kommun") or its code, with or without
// "kommun" and in any case.
function municipalityByName(typed) {
  const key = (s) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
  const wanted = key(typed);
  const bare = wanted.replace(/ kommun$/, '');
  return state.municipalities.find((m) => [m.name, m.officialName, m.code].some((n) => key(n) === wanted || key(n) === bare));
}

// Near matches for a name that is no municipality: the same letters without å, ä, ö, or at most two letters off.
function suggestions(typed) {
  const plain = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
  const wanted = plain(typed).replace(/ kommun$/, '');
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
