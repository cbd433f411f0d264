// How a match is drawn: the query's parts and the listed name's parts side by side, each pair coloured by how it
// matched, the parts left over marked missing, and the evidence with its effect on the score.
import { h, entityLink } from './app.js';

export const HOW = {
  EXACT: 'exact', VARIANT: 'variant', TRANSLITERATION: 'transliteration', PHONETIC: 'phonetic',
  EDIT_DISTANCE: 'typo', INITIAL: 'initial', JOINED: 'joined', ACRONYM: 'acronym',
};

export function scoreBadge(score, alert) {
  return h('span', { class: 'score ' + (alert ? 'alert' : 'below'), title: alert ? 'alerts (at or above the threshold)' : 'below the threshold' },
    score.toFixed(2));
}

export function legend() {
  return h('p', { class: 'legend' }, 'How parts matched: ',
    Object.values(HOW).map(v => h('span', { class: 'how how-' + v }, v)), h('span', { class: 'how how-missing' }, 'missing'));
}

export function explanation(x) {
  if (!x) return null;
  const rows = (x.parts || []).map(p => h('tr', {},
    h('td', { class: 'part' }, p.query_part),
    h('td', {}, h('span', { class: 'how how-' + (HOW[p.how] || 'exact') }, HOW[p.how] || p.how.toLowerCase())),
    h('td', { class: 'part' }, p.listed_part),
    h('td', { class: 'num' }, p.similarity.toFixed(2))));
  for (const q of x.unmatched_query_parts || []) {
    rows.push(h('tr', {}, h('td', { class: 'part' }, q), h('td', {}, h('span', { class: 'how how-missing' }, 'missing')), h('td', {}, '—'), h('td', {})));
  }
  for (const l of x.unmatched_listed_parts || []) {
    rows.push(h('tr', {}, h('td', {}, '—'), h('td', {}, h('span', { class: 'how how-missing' }, 'missing')), h('td', { class: 'part' }, l), h('td', {})));
  }
  const evidence = (x.evidence || []).map(e => h('li', { class: e.effect > 0 ? 'plus' : e.effect < 0 ? 'minus' : '' },
    h('span', { class: 'kind' }, e.kind.replace('_', ' ')), ' ', e.detail,
    e.effect ? h('span', { class: 'effect' }, ' ', (e.effect > 0 ? '+' : '−') + Math.abs(e.effect).toFixed(2)) : null));
  return h('div', { class: 'explain' },
    h('table', { class: 'parts' },
      h('caption', {}, 'Against the listed name ', h('q', {}, x.listed_name), ' (names alone: ', x.name_score.toFixed(2), ')'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Screened'), h('th', { scope: 'col' }, 'How'),
        h('th', { scope: 'col' }, 'Listed'), h('th', { scope: 'col', class: 'num' }, 'Similarity'))),
      h('tbody', {}, rows)),
    evidence.length ? h('ul', { class: 'evidence', 'aria-label': 'Evidence' }, evidence) : null);
}

/** One match as a card: name and link, score, list, regimes and action, and its explanation. */
export function matchCard(m) {
  return h('li', { class: 'match' },
    h('div', { class: 'match-head' },
      scoreBadge(m.score, m.alert),
      h('span', { class: 'name' }, entityLink(m.id, m.name)),
      h('span', { class: 'meta' }, m.schema, ' · ', m.source, ' · ', h('code', {}, m.id)),
      m.action ? h('span', { class: 'action action-' + m.action }, m.action) : null),
    (m.regimes && m.regimes.length) ? h('div', { class: 'meta' }, 'Regimes: ', m.regimes.join(', '),
      m.measures && m.measures.length ? ' · measures: ' + m.measures.join(', ') : '') : null,
    explanation(m.explanation));
}
