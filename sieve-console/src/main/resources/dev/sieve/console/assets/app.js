// The console's core: API calls with the session's CSRF token, safe element building (text is never parsed as
// HTML), and the router that draws the page the address names.
import { screenPage } from './screen.js';
import { alertsPage, alertPage } from './alerts.js';
import { entityPage } from './entity.js';
import { listsPage, diffPage } from './lists.js';
import { databankPage, entryPage } from './databank.js';
import { movementsPage } from './movements.js';
import { dashboardPage } from './dashboard.js';

export const session = { agency: null, role: null, keyId: null, csrf: null };

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : 'HTTP ' + status);
    this.status = status;
    this.problem = problem || {};
  }
}

/** Calls the API as the signed-in user; a body that is not a string is sent as JSON. */
export async function api(path, { method = 'GET', body, headers = {}, signal, raw = false } = {}) {
  const h = { Accept: 'application/json', ...headers };
  if (method !== 'GET' && method !== 'HEAD' && session.csrf) h['X-CSRF-Token'] = session.csrf;
  let payload = body;
  if (body !== undefined && typeof body !== 'string' && !(body instanceof Blob)) {
    payload = JSON.stringify(body);
    h['Content-Type'] = 'application/json';
  }
  const res = await fetch(path, { method, headers: h, body: payload, credentials: 'same-origin', signal });
  if (res.status === 401 && path !== '/console/session') {
    go('/sign-in?next=' + encodeURIComponent(location.pathname + location.search));
    throw new ApiError(401, { detail: 'signed out' });
  }
  if (raw) return res;
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiError(res.status, data);
  return { data, etag: res.headers.get('ETag') };
}

/** An element; attributes starting with "on" are listeners; children that are strings become text. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** An SVG element, built the same way. */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.setAttribute('class', v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces the page's content and moves focus to it, so a keyboard or screen reader user starts at the top. */
export function render(title, ...children) {
  document.title = title + ' · Sieve';
  const main = document.getElementById('main');
  main.replaceChildren(...children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false));
  return main;
}

export function announce(text) {
  document.getElementById('status').textContent = text;
}

export function errorBox(e) {
  const p = e && e.problem ? e.problem : {};
  return h('div', { class: 'error', role: 'alert' },
    h('strong', {}, p.title || 'Error'), ': ', e.message,
    p.field ? h('span', { class: 'muted' }, ' (field ', h('code', {}, p.field), ')') : null);
}

export function fmtDate(iso) {
  if (!iso) return '—';
  return iso.length > 10 ? iso.slice(0, 10) + ' ' + iso.slice(11, 16) : iso;
}

/** A value of the entity model as one line of text (lists joined, records as "field: value"). */
export function showValue(v) {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.length ? v.map(showValue).join('; ') : '(none)';
  if (typeof v === 'object') return Object.entries(v).filter(([, x]) => x !== null && x !== false && !(Array.isArray(x) && !x.length))
    .map(([k, x]) => k === 'value' || k === 'date' ? showValue(x) : `${k}: ${showValue(x)}`).join(', ');
  return String(v);
}

export function day(iso) {
  return iso ? iso.slice(0, 10) : '—';
}

export function entityLink(id, text) {
  return h('a', { href: '/entity/' + encodeURIComponent(id) }, text || id);
}

export function can(...roles) {
  return roles.includes(session.role);
}

export function go(path) {
  history.pushState({}, '', path);
  route();
}

// each page for the roles whose keys may read what it shows (the API decides in the end)
const WORKERS = ['analyst', 'contributor'];
const NAV = [
  ['/screen', 'Screen', WORKERS], ['/alerts', 'Alerts', [...WORKERS, 'auditor']], ['/lists', 'Lists', [...WORKERS, 'auditor', 'admin']],
  ['/databank', 'Databank', WORKERS], ['/dashboard', 'Dashboard', [...WORKERS, 'auditor']],
];

/** Where a role starts: the first page it may use. */
export function home() {
  const first = NAV.find(([, , roles]) => roles.includes(session.role));
  return first ? first[0] : '/lists';
}

function drawChrome() {
  const nav = document.getElementById('nav');
  const who = document.getElementById('who');
  if (!session.agency) {
    nav.replaceChildren();
    who.replaceChildren();
    return;
  }
  const here = location.pathname;
  nav.replaceChildren(h('ul', {}, NAV.filter(([, , roles]) => roles.includes(session.role)).map(([href, label]) =>
    h('li', {}, h('a', { href, 'aria-current': here.startsWith(href) ? 'page' : null }, label)))));
  who.replaceChildren(
    h('span', {}, session.agency, ' · ', session.role),
    h('button', { type: 'button', class: 'link', onclick: signOut }, 'Sign out'));
}

async function signOut() {
  try {
    await api('/console/session', { method: 'DELETE' });
  } finally {
    Object.assign(session, { agency: null, role: null, keyId: null, csrf: null });
    go('/sign-in');
  }
}

async function loadSession() {
  try {
    const { data } = await api('/console/session');
    Object.assign(session, { agency: data.agency, role: data.role, keyId: data.key_id, csrf: data.csrf_token });
    return true;
  } catch (e) {
    return false;
  }
}

function signInPage() {
  const next = new URLSearchParams(location.search).get('next') || '/screen';
  const key = h('input', { id: 'api-key', name: 'api-key', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  const out = h('div');
  const form = h('form', { class: 'card narrow', onsubmit: async ev => {
    ev.preventDefault();
    out.replaceChildren();
    try {
      const { data } = await api('/console/session', { method: 'POST', body: { api_key: key.value } });
      key.value = '';
      Object.assign(session, { agency: data.agency, role: data.role, keyId: data.key_id, csrf: data.csrf_token });
      go(next.startsWith('/') && !next.startsWith('//') && next !== '/screen' ? next : home());
    } catch (e) {
      out.replaceChildren(errorBox(e));
    }
  } },
  h('h1', {}, 'Sign in'),
  h('p', { class: 'muted' }, 'Paste your API key once. It stays on the server; this browser keeps only a session that ends when you sign out or after 30 minutes without use.'),
  h('label', { for: 'api-key' }, 'API key'), key,
  h('button', { type: 'submit', class: 'primary' }, 'Sign in'), out);
  render('Sign in', form);
  key.focus();
}

const ROUTES = [
  [/^\/sign-in$/, signInPage, false],
  [/^\/$/, () => go(home()), true],
  [/^\/screen$/, screenPage, true],
  [/^\/alerts$/, alertsPage, true],
  [/^\/alerts\/([^/]+)$/, alertPage, true],
  [/^\/entity\/(.+)$/, entityPage, true],
  [/^\/lists$/, listsPage, true],
  [/^\/lists\/([^/]+)\/diff$/, diffPage, true],
  [/^\/databank$/, databankPage, true],
  [/^\/databank\/(.+)$/, entryPage, true],
  [/^\/movements\/(.+)$/, movementsPage, true],
  [/^\/dashboard$/, dashboardPage, true],
];

export async function route() {
  const path = location.pathname;
  for (const [re, page, needsSession] of ROUTES) {
    const m = path.match(re);
    if (!m) continue;
    if (needsSession && !session.agency && !(await loadSession())) {
      go('/sign-in?next=' + encodeURIComponent(path + location.search));
      return;
    }
    drawChrome();
    try {
      await page(...m.slice(1).map(decodeURIComponent));
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) render('Error', h('h1', {}, 'Something went wrong'), errorBox(e));
    }
    return;
  }
  render('Not found', h('h1', {}, 'No such page'), h('p', {}, h('a', { href: '/screen' }, 'Go to screening')));
}

// links inside the console change the page without reloading it; the address stays shareable
document.addEventListener('click', ev => {
  const a = ev.target.closest('a');
  if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/v1/') || url.pathname.startsWith('/assets/')) return;
  ev.preventDefault();
  go(url.pathname + url.search + url.hash);
  document.getElementById('main').focus({ preventScroll: true });
});
window.addEventListener('popstate', route);
route();
