// Screening: results as you type, a pasted list, and a customer file screened as a background job.
import { h, api, render, errorBox, announce } from './app.js';
import { matchCard, legend, scoreBadge } from './explain.js';

// short: a screening answers in a few milliseconds, and the request of an earlier keystroke is cancelled
const DEBOUNCE_MS = 40;

function field(id, label, input, hint) {
  input.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hint ? h('small', { class: 'muted' }, hint) : null);
}

export async function screenPage() {
  const name = h('input', { type: 'search', autocomplete: 'off', spellcheck: 'false', placeholder: 'A name in any script: Kim Jong Un, Сергей Лавров, أسامة بن لادن' });
  const dob = h('input', { type: 'text', inputmode: 'numeric', placeholder: 'YYYY-MM-DD or YYYY', size: 12 });
  const nat = h('input', { type: 'text', placeholder: 'KP, PRK or North Korea', size: 14 });
  const schema = h('select', {}, ['', 'Person', 'Organization', 'Vessel', 'Aircraft'].map(v => h('option', { value: v }, v || 'Any')));
  const idType = h('select', {}, ['passport', 'national_id', 'tax_id', 'registration', 'imo', 'bic'].map(v => h('option', { value: v }, v)));
  const idNumber = h('input', { type: 'text', size: 14, autocomplete: 'off' });
  const results = h('ol', { class: 'matches', 'aria-label': 'Matches' });
  const info = h('p', { class: 'muted', id: 'screen-info' });
  let controller = null;
  let timer = null;

  async function run() {
    const q = name.value.trim();
    if (controller) controller.abort();
    if (!q) {
      results.replaceChildren();
      info.textContent = '';
      return;
    }
    controller = new AbortController();
    const body = { name: q, limit: 20 };
    if (dob.value.trim()) body.birth_date = dob.value.trim();
    if (nat.value.trim()) body.nationality = nat.value.trim();
    if (schema.value) body.schema = schema.value;
    if (idNumber.value.trim()) body.identifiers = [{ type: idType.value, number: idNumber.value.trim() }];
    const started = performance.now();
    try {
      const { data } = await api('/v1/screen', { method: 'POST', body, signal: controller.signal });
      const ms = Math.round(performance.now() - started);
      results.replaceChildren(...data.matches.map(matchCard));
      const alerts = data.matches.filter(m => m.alert).length;
      info.textContent = data.matches.length ? `${data.matches.length} candidates, ${alerts} alerting, in ${ms} ms` : `No match (${ms} ms)`;
      results.dataset.query = q;
      announce(info.textContent);
    } catch (e) {
      if (e.name === 'AbortError') return;
      results.replaceChildren(h('li', {}, errorBox(e)));
    }
  }
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  };
  for (const el of [name, dob, nat, idNumber]) el.addEventListener('input', soon);
  schema.addEventListener('change', soon);
  idType.addEventListener('change', soon);

  const form = h('form', { class: 'card', role: 'search', onsubmit: ev => { ev.preventDefault(); run(); } },
    h('h1', {}, 'Screen'),
    field('q', 'Name', name),
    h('div', { class: 'row' },
      field('dob', 'Birth date', dob), field('nationality', 'Nationality', nat), field('schema', 'Type', schema),
      field('id-type', 'Identifier type', idType), field('id-number', 'Identifier number', idNumber)),
    legend(), info);
  render('Screen', form, results, batchSection(), jobSection());
  name.focus();
}

function batchSection() {
  const text = h('textarea', { id: 'batch-names', rows: 6, cols: 60, placeholder: 'One name per line, up to 1,000' });
  const out = h('div');
  const form = h('form', { class: 'card', onsubmit: async ev => {
    ev.preventDefault();
    const names = text.value.split('\n').map(x => x.trim()).filter(Boolean);
    if (names.length === 0) return;
    if (names.length > 1000) {
      out.replaceChildren(h('p', { class: 'error', role: 'alert' }, `${names.length} names: at most 1,000 at once; upload a customer file for more.`));
      return;
    }
    out.replaceChildren(h('p', { class: 'muted' }, 'Screening…'));
    try {
      const { data } = await api('/v1/screen/batch', { method: 'POST', body: { queries: names.map((n, i) => ({ id: String(i + 1), name: n })) } });
      const rows = data.results.map((r, i) => {
        const best = r.matches[0];
        return h('tr', {}, h('td', { class: 'num' }, i + 1), h('td', {}, names[i]),
          h('td', {}, best ? h('a', { href: '/entity/' + encodeURIComponent(best.id) }, best.name) : '—'),
          h('td', { class: 'num' }, best ? scoreBadge(best.score, best.alert) : ''),
          h('td', { class: 'num' }, r.matches.filter(m => m.alert).length));
      });
      const hits = data.results.filter(r => r.matches.some(m => m.alert)).length;
      out.replaceChildren(h('p', {}, `${names.length} names screened, ${hits} with alerts.`),
        h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, ['#', 'Name', 'Best match', 'Score', 'Alerts'].map(t => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, rows)));
    } catch (e) {
      out.replaceChildren(errorBox(e));
    }
  } }, h('h2', {}, 'Paste a list'), h('label', { for: 'batch-names' }, 'Names'), text,
  h('div', {}, h('button', { type: 'submit' }, 'Screen the list')), out);
  return form;
}

function jobSection() {
  const file = h('input', { id: 'job-file', type: 'file', accept: '.csv,.txt,.jsonl,.ndjson,text/csv' });
  const out = h('div');
  const form = h('form', { class: 'card', onsubmit: async ev => {
    ev.preventDefault();
    const f = file.files[0];
    if (!f) return;
    const type = /\.(jsonl|ndjson)$/i.test(f.name) ? 'application/x-ndjson' : 'text/csv';
    try {
      const { data } = await api('/v1/jobs?filename=' + encodeURIComponent(f.name), { method: 'POST', body: f, headers: { 'Content-Type': type } });
      follow(data.id, out);
    } catch (e) {
      out.replaceChildren(errorBox(e));
    }
  } }, h('h2', {}, 'Screen a customer file'),
  h('p', { class: 'muted' }, 'CSV or JSON lines as your system exports it; separator and encoding are detected.'),
  h('label', { for: 'job-file' }, 'Customer file'), file, h('div', {}, h('button', { type: 'submit' }, 'Upload and screen')), out);
  return form;
}

async function follow(id, out) {
  const bar = h('progress', { max: 1, value: 0, 'aria-label': 'Progress of the job' });
  const text = h('span', { class: 'muted' });
  out.replaceChildren(h('p', {}, 'Job ', h('code', {}, id), ' '), bar, ' ', text);
  for (;;) {
    const { data } = await api('/v1/jobs/' + encodeURIComponent(id) + '?limit=1');
    bar.max = Math.max(1, data.rows_total || 1);
    bar.value = data.rows_done || 0;
    text.textContent = `${data.status}: ${data.rows_done} of ${data.rows_total} rows, ${data.alerts} alerts, ${data.problems} problems`;
    if (data.status === 'done' || data.status === 'failed') {
      if (data.status === 'done') out.append(h('p', {}, h('button', { type: 'button', onclick: () => download(id) }, 'Download the results (JSON lines)')));
      else out.append(h('p', { class: 'error', role: 'alert' }, data.error || 'the job failed'));
      announce(text.textContent);
      return;
    }
    await new Promise(r => setTimeout(r, 500));
  }
}

async function download(id) {
  const lines = [];
  let after = 0;
  for (;;) {
    const { data } = await api(`/v1/jobs/${encodeURIComponent(id)}?after=${after}&limit=10000`);
    const page = data.results || [];
    for (const r of page) lines.push(JSON.stringify(r));
    // next_after is the cursor past this page; a page shorter than asked for is the last
    if (page.length < 10000) break;
    after = data.next_after;
  }
  const url = URL.createObjectURL(new Blob([lines.join('\n') + '\n'], { type: 'application/x-ndjson' }));
  const a = h('a', { href: url, download: `sieve-job-${id}.jsonl` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
