// One entity: its names by script, identifiers, addresses, programmes and regimes, remarks, and its history across
// publications, with the publication each fact comes from; for databank entries, who contributed it and who sees it.
import { h, api, render, fmtDate, day, session, showValue as show } from './app.js';

const SCRIPTS = [['Latin', /\p{Script=Latin}/u], ['Cyrillic', /\p{Script=Cyrillic}/u], ['Arabic', /\p{Script=Arabic}/u],
  ['Hangul', /\p{Script=Hangul}/u], ['Han', /\p{Script=Han}/u], ['Hebrew', /\p{Script=Hebrew}/u], ['Greek', /\p{Script=Greek}/u],
  ['Thai', /\p{Script=Thai}/u], ['Georgian', /\p{Script=Georgian}/u], ['Armenian', /\p{Script=Armenian}/u]];

function scriptOf(text) {
  for (const [name, re] of SCRIPTS) if (re.test(text)) return name;
  return 'Other';
}

const FIELD_LABELS = { names: 'Names', birth_dates: 'Birth dates', birth_places: 'Birth places', nationalities: 'Nationalities',
  citizenships: 'Citizenships', identifiers: 'Identifiers', addresses: 'Addresses', programs: 'Programmes', remarks: 'Remarks', schema: 'Type' };

export async function entityPage(id) {
  const { data } = await api('/v1/entities/' + encodeURIComponent(id));
  const e = data.entity;
  const history = data.kind === 'databank' ? null : await api(`/v1/entities/${encodeURIComponent(id)}/history`).then(r => r.data.events).catch(() => []);
  // the publication each field last changed in (or the first listing)
  const factSource = {};
  if (history) {
    for (const ev of history) {
      if (ev.kind === 'listed' || ev.kind === 'relisted') for (const f of Object.keys(FIELD_LABELS)) factSource[f] = ev.publication;
      for (const c of ev.changes || []) factSource[c.field] = ev.publication;
    }
  }
  const src = f => factSource[f] ? h('small', { class: 'src', title: 'sha256 ' + factSource[f].sha256 },
    'from publication ', factSource[f].id, ' of ', day(factSource[f].published_at)) : null;

  const byScript = {};
  for (const n of e.names) (byScript[scriptOf(n.value)] ||= []).push(n);
  const names = h('section', { class: 'card', 'aria-labelledby': 'names-h' }, h('h2', { id: 'names-h' }, 'Names ', src('names')),
    Object.entries(byScript).map(([script, ns]) => [h('h3', {}, script),
      h('ul', { class: 'names' }, ns.map(n => h('li', { lang: script === 'Latin' ? null : 'und' }, h('span', { class: 'name' }, n.value), ' ',
        h('small', { class: 'muted' }, n.kind.toLowerCase().replace('_', ' '), n.weak ? ', weak' : '')))) ]));

  const rows = [
    ['birth_dates', (e.birth_dates || []).map(b => b.date + (b.circa ? ' (circa)' : ''))],
    ['birth_places', e.birth_places], ['nationalities', e.nationalities], ['citizenships', e.citizenships],
    ['identifiers', (e.identifiers || []).map(i => show(i))], ['addresses', (e.addresses || []).map(a => show(a))],
    ['programs', e.programs],
  ].filter(([, v]) => v && v.length);
  const details = h('section', { class: 'card', 'aria-labelledby': 'details-h' }, h('h2', { id: 'details-h' }, 'Details'),
    h('dl', { class: 'facts' }, rows.map(([f, v]) => [h('dt', {}, FIELD_LABELS[f]), h('dd', {}, v.length > 1 ? h('ul', {}, v.map(x => h('li', {}, x))) : v[0], ' ', src(f))])));

  const regimes = (data.regimes || []).length ? h('section', { class: 'card', 'aria-labelledby': 'regimes-h' }, h('h2', { id: 'regimes-h' }, 'Regimes and measures today'),
    h('ul', {}, data.regimes.map(r => h('li', {}, h('strong', {}, r.title || r.id), ' ', h('code', {}, r.id),
      h('ul', {}, (r.measures || []).map(m => h('li', {}, m.measure.replace('_', ' '), ': ', m.status.replace('_', ' '),
        m.since ? ' since ' + m.since : '', m.act ? ' (' + m.act + ')' : '')))))))
    : null;

  const remarks = (e.remarks || []).length ? h('section', { class: 'card', 'aria-labelledby': 'remarks-h' }, h('h2', { id: 'remarks-h' }, 'Remarks ', src('remarks')),
    e.remarks.map(r => h('p', {}, r))) : null;

  let provenance;
  if (data.kind === 'databank') {
    const sharing = data.sharing === undefined || data.sharing === null ? 'known to its contributor only'
      : Array.isArray(data.sharing) ? 'agencies ' + data.sharing.join(', ') : data.sharing;
    provenance = h('section', { class: 'card', 'aria-labelledby': 'prov-h' }, h('h2', { id: 'prov-h' }, 'Databank entry'),
      h('dl', { class: 'facts' }, h('dt', {}, 'Contributed by'), h('dd', {}, data.agency),
        h('dt', {}, 'Who may see it'), h('dd', {}, sharing), h('dt', {}, 'Version'), h('dd', {}, data.version),
        h('dt', {}, 'Changed'), h('dd', {}, fmtDate(data.updated_at)), data.delisted ? [h('dt', {}, 'Delisted'), h('dd', {}, 'yes')] : null),
      data.agency === session.agency ? h('p', {}, h('a', { href: '/databank/' + encodeURIComponent(id) }, 'Edit this entry')) : null);
  } else {
    provenance = h('section', { class: 'card', 'aria-labelledby': 'timeline-h' }, h('h2', { id: 'timeline-h' }, 'History across publications'),
      h('ol', { class: 'timeline' }, history.map(ev => h('li', { class: 'ev ev-' + ev.kind },
        h('span', { class: 'dot', 'aria-hidden': 'true' }),
        h('div', {}, h('strong', {}, ev.kind), ' in ', ev.publication.source, ' publication ', ev.publication.id, ' of ',
          h('time', { datetime: ev.publication.published_at || ev.publication.effective_at }, day(ev.publication.published_at || ev.publication.effective_at)),
          ' ', h('small', { class: 'muted', title: ev.publication.sha256 }, 'sha256 ', ev.publication.sha256.slice(0, 12), '…'),
          (ev.changes || []).length ? h('table', { class: 'grid changes' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Before'), h('th', { scope: 'col' }, 'After'))),
            h('tbody', {}, ev.changes.map(c => h('tr', {}, h('td', {}, FIELD_LABELS[c.field] || c.field),
              h('td', { class: 'before' }, show(c.before)), h('td', { class: 'after' }, show(c.after)))))) : null)))));
  }
  render(e.names[0].value,
    h('h1', {}, e.names[0].value, ' ', h('small', { class: 'muted' }, e.schema)),
    h('p', { class: 'meta' }, h('code', {}, e.id), ' · ', e.source, ' · ', (data.topics || []).join(', '),
      data.delisted ? h('span', { class: 'state state-delisted' }, ' delisted') : null,
      ' · ', h('a', { href: '/movements/' + encodeURIComponent(id) }, 'Movements'),
      ' · ', h('a', { href: '/alerts?' + new URLSearchParams({ state: 'all', entity: id }) }, 'Alerts on this entity')),
    (data.other_listings || []).length ? h('p', {}, 'Same party: ', data.other_listings.map(o => [h('a', { href: '/entity/' + encodeURIComponent(o.id || o) }, o.id || o), ' '])) : null,
    names, details, regimes, remarks, provenance);
}
