// What a head of compliance looks at: alerts in play by state and age, closing decisions per day, and how fresh each
// list is. Charts are SVG drawn here; every chart has its numbers in a table too.
import { h, s, api, render, day } from './app.js';

const label = x => x.replaceAll('_', ' ');

function barChart(title, items, { stacked = null } = {}) {
  const w = 640;
  const hgt = 200;
  const pad = 30;
  const max = Math.max(1, ...items.map(i => stacked ? stacked.reduce((t, k) => t + i[k], 0) : i.value));
  const bw = (w - pad * 2) / items.length;
  const bars = items.map((it, i) => {
    const x = pad + i * bw + bw * 0.15;
    const width = bw * 0.7;
    if (!stacked) {
      const bh = (hgt - pad * 2) * it.value / max;
      return s('g', {}, s('rect', { x, y: hgt - pad - bh, width, height: bh, class: 'bar' }),
        it.value ? s('text', { x: x + width / 2, y: hgt - pad - bh - 4, 'text-anchor': 'middle', class: 'bar-label' }, it.value) : null,
        s('text', { x: x + width / 2, y: hgt - pad + 14, 'text-anchor': 'middle', class: 'axis' }, it.label));
    }
    let top = hgt - pad;
    return s('g', {}, stacked.map((k, j) => {
      const bh = (hgt - pad * 2) * it[k] / max;
      top -= bh;
      return s('rect', { x, y: top, width, height: bh, class: 'bar bar-' + j });
    }), i % 5 === 0 ? s('text', { x: x + width / 2, y: hgt - pad + 14, 'text-anchor': 'middle', class: 'axis' }, it.label) : null);
  });
  return s('svg', { viewBox: `0 0 ${w} ${hgt}`, class: 'chart', role: 'img', 'aria-label': title },
    s('line', { x1: pad, y1: hgt - pad, x2: w - pad, y2: hgt - pad, class: 'axis-line' }), bars);
}

export async function dashboardPage() {
  const { data } = await api('/v1/dashboard');
  const st = data.alerts_by_state;
  const inPlay = (st.open || 0) + (st.in_review || 0) + (st.escalated || 0);
  const ages = Object.entries(data.in_play_by_age).map(([k, v]) => ({ label: label(k), value: v }));
  const perDay = data.decisions_per_day.map(d => ({ label: d.day.slice(5), true_match: d.true_match, false_positive: d.false_positive }));
  const decided = perDay.reduce((t, d) => t + d.true_match + d.false_positive, 0);
  const tile = (n, text, href) => h('a', { class: 'tile', href }, h('span', { class: 'n' }, n.toLocaleString('en')), h('span', {}, text));
  render('Dashboard',
    h('h1', {}, 'Dashboard: ', data.agency),
    h('div', { class: 'tiles' }, tile(inPlay, 'alerts in play', '/alerts?state=open'), tile(st.escalated || 0, 'escalated', '/alerts?state=escalated'),
      tile(st.covered || 0, 'covered by exemptions', '/alerts?state=covered'), tile(decided, 'decisions in 30 days', '/alerts?state=all')),
    h('section', { class: 'card', 'aria-labelledby': 'age-h' }, h('h2', { id: 'age-h' }, 'Alerts in play by age'), barChart('Alerts in play by age', ages),
      h('table', { class: 'grid compact' }, h('tbody', {}, h('tr', {}, ages.map(a => h('th', { scope: 'col' }, a.label))), h('tr', {}, ages.map(a => h('td', { class: 'num' }, a.value)))))),
    h('section', { class: 'card', 'aria-labelledby': 'dec-h' }, h('h2', { id: 'dec-h' }, 'Closing decisions per day (30 days)'),
      h('p', { class: 'legend' }, h('span', { class: 'key key-0' }), ' true match ', h('span', { class: 'key key-1' }), ' false positive'),
      barChart('Closing decisions per day', perDay, { stacked: ['true_match', 'false_positive'] }),
      h('details', {}, h('summary', {}, 'The numbers'), h('table', { class: 'grid compact' },
        h('thead', {}, h('tr', {}, ['Day', 'True match', 'False positive'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, data.decisions_per_day.filter(d => d.true_match + d.false_positive).map(d => h('tr', {}, h('td', {}, d.day), h('td', { class: 'num' }, d.true_match), h('td', { class: 'num' }, d.false_positive))))))),
    h('section', { class: 'card', 'aria-labelledby': 'lists-h' }, h('h2', { id: 'lists-h' }, 'List updates'),
      h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, ['Source', 'Newest publication', 'Age', 'Records', 'Publications'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, data.lists.map(l => h('tr', { class: l.age_days > 30 ? 'stale' : null }, h('td', {}, l.source),
          h('td', {}, day(l.latest.published_at || l.latest.effective_at)), h('td', { class: 'num' }, l.age_days, ' days', l.age_days > 30 ? ' (stale)' : ''),
          h('td', { class: 'num' }, l.latest.record_count.toLocaleString('en')), h('td', { class: 'num' }, l.publications)))))));
}
