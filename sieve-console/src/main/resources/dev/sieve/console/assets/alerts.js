// The alert queue (filters, counts by state, keyboard navigation) and one alert: subject and listed entity side by
// side, the explanation, earlier decisions on the pair, comments, decisions (propose and confirm under four eyes).
import { h, api, render, errorBox, fmtDate, entityLink, go, can, session, announce } from './app.js';
import { explanation, scoreBadge, legend } from './explain.js';

const STATES = ['open', 'in_review', 'escalated', 'covered', 'true_match', 'false_positive', 'delisted'];
const label = s => s.replace('_', ' ');

export async function alertsPage() {
  const params = new URLSearchParams(location.search);
  const state = params.get('state') || 'open';
  const filters = {};
  for (const k of ['source', 'subject', 'entity', 'assignee']) if (params.get(k)) filters[k] = params.get(k);
  const query = new URLSearchParams({ ...filters, limit: '100' });
  if (state !== 'all') query.set('state', state);
  const [{ data: dash }, { data }] = await Promise.all([api('/v1/dashboard'), api('/v1/alerts?' + query)]);
  const counts = dash.alerts_by_state;
  const tabs = h('ul', { class: 'tabs', 'aria-label': 'Alerts by state' },
    [...STATES, 'all'].map(st => {
      const q = new URLSearchParams({ ...filters, state: st });
      return h('li', {}, h('a', { href: '/alerts?' + q, 'aria-current': st === state ? 'page' : null },
        label(st), st === 'all' ? null : h('span', { class: 'count' }, counts[st] ?? 0)));
    }));
  const filterForm = h('form', { class: 'row filters', onsubmit: ev => {
    ev.preventDefault();
    const q = new URLSearchParams({ state });
    for (const el of ev.target.querySelectorAll('input,select')) if (el.value) q.set(el.name, el.value);
    go('/alerts?' + q);
  } },
  h('div', { class: 'field' }, h('label', { for: 'f-source' }, 'Source'),
    h('select', { id: 'f-source', name: 'source' }, ['', 'monitoring', 'payment', 'traveller'].map(v =>
      h('option', { value: v, selected: filters.source === v }, v || 'Any')))),
  ['subject', 'entity', 'assignee'].map(k => h('div', { class: 'field' }, h('label', { for: 'f-' + k }, k[0].toUpperCase() + k.slice(1)),
    h('input', { id: 'f-' + k, name: k, value: filters[k] || '', size: 14 }))),
  h('div', { class: 'field' }, h('span', {}, ' '), h('button', { type: 'submit' }, 'Filter')));
  const rows = data.alerts.map(a => h('tr', { tabindex: '-1', 'data-id': a.id },
    h('td', {}, h('a', { href: '/alerts/' + encodeURIComponent(a.id) }, a.id)),
    h('td', {}, h('span', { class: 'state state-' + a.state }, label(a.state)), a.proposal ? h('span', { class: 'muted' }, ' (proposed ' + label(a.proposal.decision) + ')') : null),
    h('td', {}, a.source), h('td', {}, a.subject), h('td', {}, a.entity_name, h('br'), h('small', { class: 'muted' }, a.entity_id)),
    h('td', { class: 'num' }, scoreBadge(a.score, true)), h('td', {}, a.assignee || '—'), h('td', {}, fmtDate(a.created_at))));
  const table = data.alerts.length
    ? h('table', { class: 'grid queue' },
      h('caption', { class: 'muted' }, 'Newest first. Keys: j / k or arrows to move, Enter to open.'),
      h('thead', {}, h('tr', {}, ['Alert', 'State', 'Source', 'Subject', 'Listed entity', 'Score', 'Assignee', 'Raised'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows))
    : h('p', { class: 'empty' }, 'No alerts here.');
  render('Alerts', h('h1', {}, 'Alerts'), tabs, filterForm, table);
  keyboardQueue(rows);
}

function keyboardQueue(rows) {
  if (!rows.length) return;
  let at = -1;
  const move = i => {
    at = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach((r, j) => r.classList.toggle('current', j === at));
    rows[at].querySelector('a').focus();
  };
  const onKey = ev => {
    if (!document.body.contains(rows[0])) {
      document.removeEventListener('keydown', onKey);
      return;
    }
    if (ev.target.matches('input,select,textarea')) return;
    if (ev.key === 'j' || ev.key === 'ArrowDown') { ev.preventDefault(); move(at + 1); }
    else if (ev.key === 'k' || ev.key === 'ArrowUp') { ev.preventDefault(); move(at - 1); }
  };
  document.addEventListener('keydown', onKey);
}

export async function alertPage(id) {
  const { data: a, etag } = await api('/v1/alerts/' + encodeURIComponent(id));
  const [entity, subject, pair] = await Promise.all([
    api('/v1/entities/' + encodeURIComponent(a.entity_id)).then(r => r.data).catch(() => null),
    a.source === 'monitoring' ? api('/v1/subjects/' + encodeURIComponent(a.subject)).then(r => r.data).catch(() => null) : null,
    api('/v1/alerts?' + new URLSearchParams({ subject: a.subject, entity: a.entity_id, limit: '50' })).then(r => r.data.alerts).catch(() => []),
  ]);
  const earlier = pair.filter(x => x.id !== a.id);
  const subjectSide = h('section', { class: 'card side', 'aria-labelledby': 'subject-h' },
    h('h2', { id: 'subject-h' }, 'Screened: ', a.source),
    subject ? facts([
      ['Subject', a.subject], ['Name', subject.name], ['Aliases', (subject.aliases || []).join('; ')],
      ['Type', subject.schema], ['Birth date', subject.birth_date], ['Nationality', subject.nationality],
      ['Identifiers', (subject.identifiers || []).map(i => `${i.type} ${i.number}`).join('; ')]])
      : facts([['Subject', a.subject], ['Context', a.context ? JSON.stringify(a.context.found_in || a.context) : '—']]));
  const e = entity && entity.entity;
  const entitySide = h('section', { class: 'card side', 'aria-labelledby': 'entity-h' },
    h('h2', { id: 'entity-h' }, 'Listed: ', entityLink(a.entity_id, a.entity_name)),
    e ? facts([['List', a.list], ['Type', e.schema], ['Names', e.names.map(n => n.value).join('; ')],
      ['Birth dates', (e.birth_dates || []).map(b => b.date).join('; ')], ['Nationalities', (e.nationalities || []).join(', ')],
      ['Identifiers', (e.identifiers || []).map(i => `${i.type} ${i.value || i.number || ''}`).join('; ')],
      ['Programmes', (e.programs || []).join(', ')], ['Listed since', entity.first_seen ? fmtDate(entity.first_seen.published_at) : '—'],
      ['Delisted', entity.delisted ? 'yes' : 'no']]) : h('p', { class: 'muted' }, 'The entity is no longer in the databank.'));
  const decisionArea = h('div');
  drawDecision(decisionArea, a, etag);
  const history = h('ol', { class: 'history' }, (a.history || []).map(ev => h('li', {},
    h('time', { datetime: ev.at }, fmtDate(ev.at)), ' ', h('strong', {}, ev.action), ' by ', h('code', {}, ev.by),
    ev.from_state && ev.to_state && ev.from_state !== ev.to_state ? ` (${label(ev.from_state)} → ${label(ev.to_state)})` : '',
    ev.note ? h('div', { class: 'note' }, ev.note) : null)));
  const comment = h('textarea', { id: 'comment', rows: 3, cols: 60 });
  const commentOut = h('div');
  render('Alert ' + a.id,
    h('p', {}, h('a', { href: '/alerts' }, '← Alerts')),
    h('h1', {}, 'Alert ', h('code', {}, a.id), ' ', h('span', { class: 'state state-' + a.state }, label(a.state)), ' ', scoreBadge(a.score, true)),
    h('p', { class: 'muted' }, 'Raised ', fmtDate(a.created_at), a.assignee ? ' · assigned to ' + a.assignee : '',
      a.match && a.match.action ? ' · action: ' + a.match.action : ''),
    h('div', { class: 'sides' }, subjectSide, entitySide),
    h('section', { class: 'card', 'aria-labelledby': 'why-h' }, h('h2', { id: 'why-h' }, 'Why it matched'), legend(), a.match ? explanation(a.match.explanation) : null),
    h('section', { class: 'card', 'aria-labelledby': 'earlier-h' }, h('h2', { id: 'earlier-h' }, 'Earlier alerts on this pair'),
      earlier.length ? h('ul', {}, earlier.map(x => h('li', {}, h('a', { href: '/alerts/' + encodeURIComponent(x.id) }, x.id), ' ',
        h('span', { class: 'state state-' + x.state }, label(x.state)),
        x.decision ? ` by ${x.decision.decided_by}: ${x.decision.reason || ''}` : '', ' · ', fmtDate(x.created_at))))
        : h('p', { class: 'muted' }, a.previous_alert ? 'Follows ' + a.previous_alert : 'None.')),
    decisionArea,
    h('section', { class: 'card', 'aria-labelledby': 'hist-h' }, h('h2', { id: 'hist-h' }, 'History and comments'), history,
      can('analyst', 'contributor') ? h('form', { onsubmit: async ev => {
        ev.preventDefault();
        if (!comment.value.trim()) return;
        try {
          await api(`/v1/alerts/${encodeURIComponent(a.id)}/comments`, { method: 'POST', body: { text: comment.value } });
          alertPage(a.id);
        } catch (err) {
          commentOut.replaceChildren(errorBox(err));
        }
      } }, h('label', { for: 'comment' }, 'Comment'), comment, h('div', {}, h('button', { type: 'submit' }, 'Add comment')), commentOut) : null));
}

function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function drawDecision(area, a, etag) {
  if (!can('analyst', 'contributor')) return;
  const closed = ['true_match', 'false_positive', 'delisted'].includes(a.state);
  if (closed) {
    area.replaceChildren(h('section', { class: 'card' }, h('h2', {}, 'Decision'),
      a.decision ? h('p', {}, label(a.decision.decision), ' by ', h('code', {}, a.decision.decided_by), ': ', a.decision.reason || '') : h('p', {}, label(a.state))));
    return;
  }
  const reason = h('textarea', { id: 'reason', rows: 3, cols: 60, required: true });
  const out = h('div');
  const decide = decision => async () => {
    if (!reason.value.trim()) {
      out.replaceChildren(h('p', { class: 'error', role: 'alert' }, 'Give a reason: it goes on the alert\'s history and the audit trail.'));
      reason.focus();
      return;
    }
    try {
      const { data } = await api(`/v1/alerts/${encodeURIComponent(a.id)}/decision`, { method: 'POST', body: { decision, reason: reason.value }, headers: { 'If-Match': etag } });
      announce(data.proposal ? `Proposed: ${label(data.proposal.decision)}; another analyst must confirm.` : `Alert is now ${label(data.state)}.`);
      alertPage(a.id);
    } catch (e) {
      out.replaceChildren(errorBox(e.status === 412 ? Object.assign(e, { message: 'Someone changed this alert since you opened it. Reload to see their change, then decide again.' }) : e));
    }
  };
  const p = a.proposal;
  const mine = p && p.proposed_by === session.keyId;
  const buttons = p
    ? [h('p', {}, 'Proposed to close as ', h('strong', {}, label(p.decision)), ' by ', h('code', {}, p.proposed_by), ': ', p.reason),
      mine ? h('p', { class: 'muted' }, 'You proposed it: under four eyes another analyst must confirm it.')
        : h('button', { type: 'button', class: 'primary', onclick: decide(p.decision) }, 'Confirm ' + label(p.decision)),
      a.state === 'in_review' ? h('button', { type: 'button', onclick: decide('escalate') }, 'Withdraw and escalate')
        : h('button', { type: 'button', onclick: decide('review') }, 'Withdraw: back to review')]
    : [a.state === 'in_review' ? null : h('button', { type: 'button', onclick: decide('review') }, 'Start review'),
      h('button', { type: 'button', onclick: decide('escalate') }, 'Escalate'),
      h('button', { type: 'button', class: 'danger', onclick: decide('true_match') }, 'True match'),
      h('button', { type: 'button', class: 'primary', onclick: decide('false_positive') }, 'False positive')];
  area.replaceChildren(h('section', { class: 'card', 'aria-labelledby': 'decide-h' }, h('h2', { id: 'decide-h' }, 'Decide'),
    h('label', { for: 'reason' }, 'Reason'), reason, h('div', { class: 'buttons' }, buttons), out));
}
