// An entity's confirmed sightings: a timeline, and a route diagram of airports and flights drawn as SVG (no map
// service: airports are placed in the order they were first reached, flights are arcs between them).
import { h, s, api, render, fmtDate, entityLink } from './app.js';

export async function movementsPage(id) {
  const [{ data }, entity] = await Promise.all([api(`/v1/entities/${encodeURIComponent(id)}/movements`),
    api('/v1/entities/' + encodeURIComponent(id)).then(r => r.data).catch(() => null)]);
  const name = entity ? entity.entity.names[0].value : id;
  const moves = data.movements;
  render('Movements of ' + name,
    h('p', {}, entityLink(id, '← ' + name)),
    h('h1', {}, 'Movements of ', name),
    moves.length ? [routeDiagram(moves), timeline(moves)] : h('p', { class: 'empty' }, 'No confirmed sightings.'));
}

function timeline(moves) {
  return h('section', { class: 'card', 'aria-labelledby': 'tl-h' }, h('h2', { id: 'tl-h' }, 'Sightings in time order'),
    h('ol', { class: 'timeline' }, moves.map(m => h('li', { class: 'ev' }, h('span', { class: 'dot', 'aria-hidden': 'true' }),
      h('div', {}, h('strong', {}, m.flight || 'Sighting'), ': ', m.from || '?', ' → ', m.to || '?',
        h('div', { class: 'muted' }, 'departs ', fmtDate(m.departure), m.arrival ? ', arrives ' + fmtDate(m.arrival) : '',
          ' · seen by ', m.agency, m.document ? ' · document ' + m.document : '', m.traveller_name ? ' · travelling as ' + m.traveller_name : ''),
        m.note ? h('div', { class: 'note' }, m.note) : null)))));
}

function routeDiagram(moves) {
  const airports = [];
  for (const m of moves) for (const a of [m.from, m.to]) if (a && !airports.includes(a)) airports.push(a);
  const gap = 140;
  const width = Math.max(320, 80 + gap * (airports.length - 1) + 80);
  const height = 260;
  const y = 170;
  const x = a => 60 + gap * airports.indexOf(a);
  const arcs = moves.filter(m => m.from && m.to).map((m, i) => {
    const x1 = x(m.from);
    const x2 = x(m.to);
    const lift = 40 + 25 * (i % 4) + Math.abs(x2 - x1) * 0.15;
    const mid = (x1 + x2) / 2;
    const top = y - lift;
    return s('g', { class: 'flight' },
      s('path', { d: `M${x1},${y} Q${mid},${top - lift * 0.6} ${x2},${y}`, class: 'arc', 'marker-end': 'url(#arrow)' }),
      s('text', { x: mid, y: top - 4, 'text-anchor': 'middle', class: 'flight-label' }, `${i + 1}. ${m.flight || ''} ${(m.departure || '').slice(0, 10)}`));
  });
  const nodes = airports.map(a => s('g', { class: 'airport' },
    s('circle', { cx: x(a), cy: y, r: 9 }),
    s('text', { x: x(a), y: y + 30, 'text-anchor': 'middle' }, a)));
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-labelledby': 'route-title route-desc', class: 'route' },
    s('title', { id: 'route-title' }, 'Route diagram'),
    s('desc', { id: 'route-desc' }, moves.map(m => `${m.flight || ''} ${m.from || '?'} to ${m.to || '?'} on ${(m.departure || '').slice(0, 10)}`).join('; ')),
    s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
      s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' }))),
    arcs, nodes);
  return h('section', { class: 'card', 'aria-labelledby': 'route-h' }, h('h2', { id: 'route-h' }, 'Route'), h('div', { class: 'scroll' }, svg));
}
