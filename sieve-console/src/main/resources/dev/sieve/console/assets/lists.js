// The lists: every publication per source (date, records, SHA-256, when and by whom loaded), the difference between
// any two of a source as added / removed / changed with field-level changes, and upload for the operator's admins.
import { h, api, render, errorBox, fmtDate, day, entityLink, go, can, session, showValue } from './app.js';

export async function listsPage() {
  const { data } = await api('/v1/lists');
  const sections = data.lists.map(l => {
    const pubs = [...l.publications].sort((a, b) => (b.effective_at || '').localeCompare(a.effective_at || ''));
    const from = h('select', { id: 'from-' + l.source, name: 'from' }, pubs.map((p, i) => h('option', { value: p.id, selected: i === 1 }, `${p.id} · ${day(p.effective_at)}`)));
    const to = h('select', { id: 'to-' + l.source, name: 'to' }, pubs.map((p, i) => h('option', { value: p.id, selected: i === 0 }, `${p.id} · ${day(p.effective_at)}`)));
    return h('section', { class: 'card', 'aria-labelledby': 'src-' + l.source },
      h('h2', { id: 'src-' + l.source }, l.source, ' ', h('small', { class: 'muted' }, pubs.length, pubs.length === 1 ? ' publication' : ' publications')),
      h('table', { class: 'grid' },
        h('thead', {}, h('tr', {}, ['Publication', 'Published', 'Format', 'Records', 'SHA-256', 'Loaded', 'Loaded by'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, pubs.map(p => h('tr', {}, h('td', { class: 'num' }, p.id), h('td', {}, day(p.published_at || p.effective_at), p.date_source === 'given' ? h('small', { class: 'muted' }, ' (given)') : null),
          h('td', {}, p.format), h('td', { class: 'num' }, p.record_count.toLocaleString('en')),
          h('td', {}, h('code', { title: p.sha256 }, p.sha256.slice(0, 16), '…')), h('td', {}, fmtDate(p.loaded_at)),
          h('td', {}, p.loaded_by ? h('code', {}, p.loaded_by) : '—'))))),
      pubs.length > 1 ? h('form', { class: 'row', onsubmit: ev => {
        ev.preventDefault();
        go(`/lists/${encodeURIComponent(l.source)}/diff?` + new URLSearchParams({ from: from.value, to: to.value }));
      } }, h('div', { class: 'field' }, h('label', { for: from.id }, 'From'), from), h('div', { class: 'field' }, h('label', { for: to.id }, 'To'), to),
      h('div', { class: 'field' }, h('span', {}, ' '), h('button', { type: 'submit' }, 'Show the differences'))) : null);
  });
  render('Lists', h('h1', {}, 'Lists'), can('admin') && session.agency === 'operator' ? uploadForm() : null, sections);
}

function uploadForm() {
  const source = h('input', { id: 'up-source', required: true, placeholder: 'un, us-ofac-sdn, uk-ofsi…', size: 16 });
  const date = h('input', { id: 'up-date', placeholder: 'YYYY-MM-DD (if the file has none)', size: 22 });
  const file = h('input', { id: 'up-file', type: 'file', required: true });
  const out = h('div');
  return h('form', { class: 'card', onsubmit: async ev => {
    ev.preventDefault();
    const f = file.files[0];
    if (!f) return;
    const q = new URLSearchParams({ filename: f.name });
    if (date.value.trim()) q.set('published_at', date.value.trim());
    out.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
    try {
      const { data } = await api(`/v1/lists/${encodeURIComponent(source.value.trim())}/publications?` + q, { method: 'POST', body: f, headers: { 'Content-Type': 'application/octet-stream' } });
      out.replaceChildren(h('p', { role: 'status' }, data.unchanged ? 'Loaded before: nothing changed. ' : 'Loaded: ',
        (data.publications || []).map(p => `${p.source} publication ${p.id} of ${day(p.published_at || p.effective_at)}, ${p.record_count.toLocaleString('en')} records. `)),
      h('p', {}, h('a', { href: '/lists' }, 'See the lists')));
    } catch (e) {
      out.replaceChildren(errorBox(e), e.problem && e.problem.errors ? h('ul', {}, e.problem.errors.slice(0, 50).map(x => h('li', {}, typeof x === 'string' ? x : JSON.stringify(x)))) : null);
    }
  } }, h('h2', {}, 'Upload a publication'),
  h('div', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: 'up-source' }, 'Source'), source),
    h('div', { class: 'field' }, h('label', { for: 'up-date' }, 'Publication date'), date),
    h('div', { class: 'field' }, h('label', { for: 'up-file' }, 'File'), file)),
  h('button', { type: 'submit' }, 'Upload'), out);
}

const PAGE = 200;

function paged(items, draw) {
  const list = h('ul', { class: 'diff-list' });
  let shown = 0;
  const more = h('button', { type: 'button', onclick: () => step() });
  function step() {
    list.append(...items.slice(shown, shown + PAGE).map(draw));
    shown = Math.min(items.length, shown + PAGE);
    more.textContent = `Show ${Math.min(PAGE, items.length - shown)} more of ${items.length - shown}`;
    more.hidden = shown >= items.length;
  }
  step();
  return [list, more];
}

export async function diffPage(source) {
  const params = new URLSearchParams(location.search);
  const q = new URLSearchParams();
  if (params.get('from')) q.set('from', params.get('from'));
  if (params.get('to')) q.set('to', params.get('to'));
  let data;
  try {
    ({ data } = await api(`/v1/lists/${encodeURIComponent(source)}/diff?` + q));
  } catch (e) {
    render('Differences', h('h1', {}, 'Differences in ', source), errorBox(e));
    return;
  }
  const pubLabel = p => p && p.id ? `publication ${p.id} of ${day(p.published_at || p.effective_at)}` : String(p);
  const named = e => h('li', {}, entityLink(e.id, e.names && e.names[0] ? e.names[0].value : e.id), ' ', h('small', { class: 'muted' }, e.schema, ' · ', e.id));
  const changed = c => h('li', {}, entityLink(c.id, c.name), h('table', { class: 'grid changes' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Before'), h('th', { scope: 'col' }, 'After'))),
    h('tbody', {}, c.fields.map(f => h('tr', {}, h('td', {}, f.field), h('td', { class: 'before' }, showValue(f.before)), h('td', { class: 'after' }, showValue(f.after)))))));
  render('Differences in ' + source,
    h('p', {}, h('a', { href: '/lists' }, '← Lists')),
    h('h1', {}, 'Differences in ', source),
    h('p', {}, 'From ', pubLabel(data.from), ' to ', pubLabel(data.to), ': ',
      h('strong', { class: 'added' }, data.added.length, ' added'), ', ', h('strong', { class: 'removed' }, data.removed.length, ' removed'), ', ',
      h('strong', { class: 'changed' }, data.changed.length, ' changed'), '.'),
    h('section', { class: 'card', 'aria-labelledby': 'added-h' }, h('h2', { id: 'added-h', class: 'added' }, 'Added (', data.added.length, ')'), paged(data.added, named)),
    h('section', { class: 'card', 'aria-labelledby': 'removed-h' }, h('h2', { id: 'removed-h', class: 'removed' }, 'Removed (', data.removed.length, ')'), paged(data.removed, named)),
    h('section', { class: 'card', 'aria-labelledby': 'changed-h' }, h('h2', { id: 'changed-h', class: 'changed' }, 'Changed (', data.changed.length, ')'), paged(data.changed, changed)));
}
