// The agency's databank entries: the list, a new entry, editing one (a conflicting change shown plainly), delisting,
// and who may see each (the sharing picker).
import { h, api, render, errorBox, fmtDate, go, can, session, announce } from './app.js';

export async function databankPage() {
  const { data } = await api('/v1/databank/entries');
  const rows = data.entries.map(e => h('tr', {},
    h('td', {}, h('a', { href: '/databank/' + encodeURIComponent(e.entity.id) }, e.entity.names[0].value)),
    h('td', {}, e.entity.schema), h('td', {}, h('code', {}, e.entity.id)), h('td', {}, sharingText(e.sharing)),
    h('td', { class: 'num' }, e.version), h('td', {}, e.delisted ? 'delisted' : 'active'), h('td', {}, fmtDate(e.updated_at))));
  render('Databank',
    h('h1', {}, 'Databank: entries of ', session.agency),
    rows.length ? h('table', { class: 'grid' },
      h('thead', {}, h('tr', {}, ['Name', 'Type', 'Id', 'Who may see it', 'Version', 'Status', 'Changed'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows)) : h('p', { class: 'empty' }, 'Your agency has contributed no entries yet.'),
    can('contributor') ? await entryForm(null, null) : h('p', { class: 'muted' }, 'Contributing entries needs a contributor key.'));
}

export async function entryPage(id) {
  if (id === 'new') return databankPage();
  const { data, etag } = await api('/v1/databank/entries/' + encodeURIComponent(id));
  render('Entry ' + id, h('p', {}, h('a', { href: '/databank' }, '← Databank')),
    h('h1', {}, data.entity.names[0].value, ' ', h('small', { class: 'muted' }, 'version ', data.version, data.delisted ? ', delisted' : '')),
    h('p', {}, h('a', { href: '/entity/' + encodeURIComponent(id) }, 'See it as others see it')),
    data.agency === session.agency && can('contributor') ? [await entryForm(data, etag), data.delisted ? null : delistForm(id, etag)]
      : h('p', { class: 'muted' }, 'Contributed by ', data.agency, '; only its contributors may change it.'));
}

function sharingText(s) {
  if (s === 'private') return 'only my agency';
  if (s === 'all') return 'every member';
  if (Array.isArray(s)) return 'my agency and ' + s.join(', ');
  return '—';
}

async function entryForm(entry, etag) {
  const e = entry ? entry.entity : null;
  const agencies = await api('/v1/agencies').then(r => r.data.agencies || r.data).catch(() => []);
  const others = (Array.isArray(agencies) ? agencies : []).map(a => a.id).filter(x => x !== session.agency);
  const input = (id, label, value, attrs = {}) => h('div', { class: 'field' }, h('label', { for: id }, label), h('input', { id, name: id, value: value || '', ...attrs }));
  const schema = h('select', { id: 'e-schema', name: 'schema' }, ['Person', 'Organization', 'Vessel', 'Aircraft'].map(v => h('option', { value: v, selected: e && e.schema === v }, v)));
  const current = entry ? entry.sharing : 'private';
  const radio = (value, text) => h('label', { class: 'inline' }, h('input', { type: 'radio', name: 'sharing', value, checked: (Array.isArray(current) ? 'agencies' : current) === value }), ' ', text);
  const picks = h('fieldset', { class: 'picks' }, h('legend', {}, 'Agencies'), others.length ? others.map(a =>
    h('label', { class: 'inline' }, h('input', { type: 'checkbox', name: 'share-with', value: a, checked: Array.isArray(current) && current.includes(a) }), ' ', a))
    : h('span', { class: 'muted' }, 'No other member agency.'));
  const out = h('div');
  const form = h('form', { class: 'card', onsubmit: async ev => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    const list = k => (f.get(k) || '').split(';').map(x => x.trim()).filter(Boolean);
    const kind = f.get('sharing');
    const body = {
      schema: f.get('schema'), name: f.get('e-name'), aliases: list('e-aliases'), programs: list('e-programs'), remarks: list('e-remarks'),
      sharing: kind === 'agencies' ? f.getAll('share-with') : kind, reason: f.get('e-reason'),
    };
    if (f.get('e-dob')) body.birth_date = f.get('e-dob');
    if (f.get('e-nationality')) body.nationality = f.get('e-nationality');
    if (f.get('e-id-number')) body.identifiers = [{ type: f.get('e-id-type'), number: f.get('e-id-number') }];
    try {
      const r = entry
        ? await api('/v1/databank/entries/' + encodeURIComponent(e.id), { method: 'PUT', body, headers: { 'If-Match': etag } })
        : await api('/v1/databank/entries', { method: 'POST', body });
      announce(entry ? 'Saved.' : 'Entry created.');
      go('/databank/' + encodeURIComponent(r.data.entity.id));
    } catch (err) {
      if (err.status === 412) {
        out.replaceChildren(h('div', { class: 'error conflict', role: 'alert' }, h('strong', {}, 'Conflict: '),
          'someone changed this entry after you opened it, so your change was not saved. ',
          h('button', { type: 'button', onclick: () => go('/databank/' + encodeURIComponent(e.id)) }, 'Load their version'),
          ' and make your change again.'));
      } else out.replaceChildren(errorBox(err));
    }
  } },
  h('h2', {}, entry ? 'Edit' : 'New entry'),
  h('div', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: 'e-schema' }, 'Type'), schema),
    input('e-name', 'Name', e && e.names[0].value, { required: true, size: 30 }),
    input('e-aliases', 'Aliases (separated by ;)', e && e.names.slice(1).map(n => n.value).join('; '), { size: 30 })),
  h('div', { class: 'row' }, input('e-dob', 'Birth date', e && e.birth_dates && e.birth_dates[0] && e.birth_dates[0].date, { size: 12 }),
    input('e-nationality', 'Nationality', e && e.nationalities && e.nationalities[0], { size: 10 }),
    h('div', { class: 'field' }, h('label', { for: 'e-id-type' }, 'Identifier type'),
      h('select', { id: 'e-id-type', name: 'e-id-type' }, ['passport', 'national_id', 'tax_id', 'registration', 'imo'].map(v => h('option', { value: v }, v)))),
    input('e-id-number', 'Identifier number', e && e.identifiers && e.identifiers[0] && (e.identifiers[0].value || e.identifiers[0].number), { size: 14 })),
  h('div', { class: 'row' }, input('e-programs', 'Programmes (;)', e && (e.programs || []).join('; '), { size: 20 }),
    input('e-remarks', 'Remarks (;)', e && (e.remarks || []).join('; '), { size: 40 })),
  h('fieldset', {}, h('legend', {}, 'Who may see it'), radio('private', 'Only my agency'), radio('all', 'Every member'), radio('agencies', 'My agency and these:'), picks),
  input('e-reason', 'Reason for this change (audited)', '', { required: true, size: 50 }),
  h('button', { type: 'submit', class: 'primary' }, entry ? 'Save' : 'Contribute'), out);
  return form;
}

function delistForm(id, etag) {
  const reason = h('input', { id: 'delist-reason', required: true, size: 40 });
  const out = h('div');
  return h('form', { class: 'card', onsubmit: async ev => {
    ev.preventDefault();
    try {
      await api('/v1/databank/entries/' + encodeURIComponent(id), { method: 'DELETE', body: { reason: reason.value }, headers: { 'If-Match': etag } });
      go('/databank/' + encodeURIComponent(id));
    } catch (e) {
      out.replaceChildren(errorBox(e.status === 412 ? Object.assign(e, { message: 'Someone changed this entry after you opened it; reload it first.' }) : e));
    }
  } }, h('h2', {}, 'Delist'), h('label', { for: 'delist-reason' }, 'Reason'), reason, h('div', {}, h('button', { type: 'submit', class: 'danger' }, 'Delist')), out);
}
