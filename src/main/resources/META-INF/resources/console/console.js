// The moderation console (API.md §7): plain JavaScript on the JSON API under /api/v1, authenticated
// by the session cookie; every change carries the session's CSRF token. Anything a reader wrote is
// set with textContent, never parsed as HTML. Screens are hash routes: #/queue/<status>,
// #/author/<id>, #/audit, #/tokens, #/admin.

const API = '/api/v1';
const CSRF = document.querySelector('meta[name="csrf-token"]').content;
const ME = { username: document.body.dataset.username, role: document.body.dataset.role };
const REASONS = ['offensive', 'abusive', 'spam', 'banned-word', 'ad', 'illegal', 'harassment', 'misinformation',
  'hate', 'off-topic', 'other'];
const QUEUES = { pending: 'Pending', reported: 'Reported', spam: 'Spam', approved: 'Approved' };
const main = document.getElementById('main');

// ---------------------------------------------------------------- DOM and HTTP helpers

function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child != null && child !== false) el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

// `background`: asked by the console on its own, not by the moderator; it does not keep an idle session alive.
async function api(method, path, body, { background = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (background) headers['X-Console-Background'] = '1';
  if (method !== 'GET') headers['X-CSRF-Token'] = CSRF;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(API + path, { method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, { title: 'The service cannot be reached', detail: 'Check the connection and try again.' });
  }
  if (response.status === 401) {
    location.reload(); // the session ended: the server answers the sign-in page
    throw new ApiError(401, { title: 'Signed out' });
  }
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, data || {}, response.headers.get('Retry-After'));
  return data;
}

function problemText(error) {
  if (!(error instanceof ApiError)) return 'Something went wrong in the console: ' + error.message;
  const p = error.problem;
  if (error.status === 429) return `Too many requests. Try again in ${error.retryAfter || 'a few'} seconds.`;
  if (error.status === 503) return 'The service is unavailable for a moment. Try again shortly.';
  const violations = (p.violations || []).map(v => `${v.field} ${v.message}`).join('; ');
  return [p.title, p.detail, violations].filter(Boolean).join(' — ');
}

let toastTimer;
function toast(message) {
  const el = document.getElementById('toast');
  el.textContent = message;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, 8000);
}

function announce(message) {
  const el = document.getElementById('announce');
  el.textContent = '';
  setTimeout(() => { el.textContent = message; }, 50);
}

async function attempt(action) {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) toast(problemText(error));
    return undefined;
  }
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
function when(iso) {
  return iso ? h('time', { datetime: iso, title: iso }, dateTime.format(new Date(iso))) : '';
}

function isoFromLocal(value) {
  return value ? new Date(value).toISOString() : null;
}

function field(label, control, hint) {
  const id = control.id || (control.id = 'f-' + Math.random().toString(36).slice(2, 9));
  return h('div', { class: 'field' }, h('label', { for: id }, label), control,
    hint ? h('span', { class: 'hint' }, hint) : null);
}

function select(name, options, value) {
  return h('select', { name }, options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
}

// ---------------------------------------------------------------- dialogs

function askReason(title, confirmLabel) {
  const dialog = document.getElementById('reason-dialog');
  const form = document.getElementById('reason-form');
  document.getElementById('reason-title').textContent = title;
  document.getElementById('reason-confirm').textContent = confirmLabel;
  form.reset();
  dialog.showModal();
  document.getElementById('reason-code').focus();
  return new Promise(resolve => {
    dialog.addEventListener('close', () => {
      if (dialog.returnValue !== 'confirm') return resolve(null);
      const reason = form.elements.reason.value || null;
      const note = form.elements.note.value.trim() || null;
      resolve({ reason, note });
    }, { once: true });
  });
}

function askEdit(comment) {
  const dialog = document.getElementById('edit-dialog');
  const form = document.getElementById('edit-form');
  form.elements.name.value = comment.name;
  form.elements.website.value = comment.website || '';
  form.elements.body.value = comment.body;
  dialog.showModal();
  form.elements.body.focus();
  return new Promise(resolve => {
    dialog.addEventListener('close', () => {
      if (dialog.returnValue !== 'confirm') return resolve(null);
      const patch = {};
      if (form.elements.name.value !== comment.name) patch.name = form.elements.name.value;
      if (form.elements.body.value !== comment.body) patch.body = form.elements.body.value;
      const website = form.elements.website.value.trim() || null;
      if (website !== (comment.website || null)) patch.website = website;
      resolve(patch);
    }, { once: true });
  });
}

function openHelp() {
  const help = document.getElementById('help');
  if (!help.open) help.showModal();
}

// ---------------------------------------------------------------- comment lists (queue and author)

// A list of moderator items the keyboard works on. `keeps(item)` says whether an item still belongs
// after a change (a pending queue drops what was decided; an author's history keeps everything).
class CommentList {
  constructor(keeps) {
    this.keeps = keeps;
    this.items = [];
    this.current = -1;
    this.selected = new Set();
    this.el = h('ol', { class: 'items', 'aria-label': 'Comments' });
    this.onSelection = () => {};
  }

  add(comments, { atStart = false } = {}) {
    const fresh = comments.filter(c => !this.items.some(i => i.id === c.id));
    for (const comment of fresh) {
      const li = this.render(comment);
      if (atStart) { this.items.unshift(comment); this.el.prepend(li); } else { this.items.push(comment); this.el.append(li); }
    }
    if (this.current < 0 && this.items.length) this.current = 0;
    this.paint();
    this.onSelection();
    return fresh;
  }

  nodeOf(id) {
    return this.el.querySelector(`li[data-id="${CSS.escape(id)}"]`);
  }

  render(c) {
    const selectBox = h('input', { type: 'checkbox', class: 'select', 'aria-label': `Select the comment by ${c.name}`,
      checked: this.selected.has(c.id), onchange: e => this.toggle(c.id, e.target.checked) });
    const reports = c.reports && c.reports.open
      ? h('li', { class: 'chip chip-report' }, `${c.reports.open} report${c.reports.open > 1 ? 's' : ''}: `
        + Object.entries(c.reports.reasons || {}).map(([r, n]) => `${r} ${n}`).join(', '))
      : null;
    const author = c.author
      ? h('p', { class: 'author-line' },
        h('a', { href: `#/author/${encodeURIComponent(c.authorId)}` }, 'Author history'),
        ` · ${c.author.approved} approved · ${c.author.pending} pending · ${c.author.rejected} rejected · ${c.author.spam} spam · `,
        h('span', { class: `standing standing-${c.author.standing}` }, c.author.standing))
      : h('p', { class: 'author-line muted' }, 'Author erased');
    const decision = c.decision
      ? h('p', { class: 'decision' }, `Last decision by ${c.decision.by}`,
        c.decision.reason ? `: ${c.decision.reason}` : '', c.decision.note ? ` — “${c.decision.note}”` : '', ' · ',
        when(c.decision.at))
      : null;
    const published = c.status === 'approved';
    const button = (label, key, onclick, cls) => h('button', { type: 'button', class: cls, 'aria-keyshortcuts': key,
      onclick: () => { this.focusOn(c.id); onclick(); } }, label, key ? h('kbd', { 'aria-hidden': 'true' }, key) : null);
    const li = h('li', { class: 'item', tabindex: '-1', 'data-id': c.id, 'aria-label': `Comment by ${c.name}, ${c.status}` },
      h('div', { class: 'item-head' }, selectBox,
        h('span', { class: 'name' }, c.name),
        c.email ? h('span', { class: 'email' }, c.email) : null,
        c.website ? h('a', { class: 'website', href: c.website, rel: 'nofollow noopener noreferrer', target: '_blank' }, c.website) : null,
        h('span', { class: `status status-${c.status}` }, c.status),
        c.featured ? h('span', { class: 'featured' }, '★ featured') : null),
      h('p', { class: 'meta' }, `on ${c.articleId} · `, when(c.createdAt), c.editedAt ? ' · edited' : '',
        c.parentId ? ' · a reply' : ''),
      (c.reasons && c.reasons.length) || reports
        ? h('ul', { class: 'chips', 'aria-label': 'Reasons and reports' },
          (c.reasons || []).map(r => h('li', { class: 'chip' }, r)), reports)
        : null,
      h('p', { class: 'body' }, c.body),
      author, decision,
      h('div', { class: 'actions' },
        c.status !== 'approved' || reported(c)
          ? button(c.status === 'approved' ? 'Keep, dismiss reports' : 'Approve', 'a', () => this.decide(c.id, 'approve'), 'approve')
          : null,
        c.status !== 'rejected' ? button('Reject…', 'r', () => this.reject(c.id), 'reject') : null,
        c.status !== 'spam' ? button('Spam', 's', () => this.decide(c.id, 'spam'), 'spam') : null,
        published ? button(c.featured ? 'Unfeature' : 'Feature', 'f', () => this.feature(c.id)) : null,
        button('Edit…', 'e', () => this.edit(c.id)),
        button('Delete', null, () => this.remove(c.id), 'danger')));
    li.addEventListener('click', e => { if (!e.target.closest('button, a, input')) this.focusOn(c.id); });
    return li;
  }

  replace(updated) {
    const index = this.items.findIndex(i => i.id === updated.id);
    if (index < 0) return;
    if (!this.keeps(updated)) {
      this.drop(updated.id);
      return;
    }
    this.items[index] = updated;
    this.nodeOf(updated.id).replaceWith(this.render(updated));
    this.paint();
  }

  drop(id) {
    const index = this.items.findIndex(i => i.id === id);
    if (index < 0) return;
    this.items.splice(index, 1);
    this.selected.delete(id);
    this.nodeOf(id).remove();
    if (this.current >= this.items.length) this.current = this.items.length - 1;
    this.paint(true);
    this.onSelection();
  }

  paint(focus = false) {
    this.el.querySelectorAll('li.item').forEach((li, i) => {
      li.classList.toggle('current', i === this.current);
      if (i === this.current) li.setAttribute('aria-current', 'true'); else li.removeAttribute('aria-current');
    });
    if (focus) this.focusCurrent();
  }

  focusCurrent() {
    const li = this.el.querySelectorAll('li.item')[this.current];
    if (li) { li.focus({ preventScroll: true }); li.scrollIntoView({ block: 'nearest' }); }
  }

  focusOn(id) {
    this.current = this.items.findIndex(i => i.id === id);
    this.paint(true);
  }

  move(delta) {
    if (!this.items.length) return;
    this.current = Math.max(0, Math.min(this.items.length - 1, this.current + delta));
    this.paint(true);
  }

  get currentItem() {
    return this.items[this.current];
  }

  toggle(id, on = !this.selected.has(id)) {
    if (on) this.selected.add(id); else this.selected.delete(id);
    const box = this.nodeOf(id)?.querySelector('input.select');
    if (box) box.checked = on;
    this.onSelection();
  }

  async decide(id, action, why) {
    const comment = this.items.find(i => i.id === id);
    const updated = await attempt(() => api('POST', `/moderation/comments/${encodeURIComponent(id)}/${action}`, why || undefined));
    if (!updated) return;
    announce(`${{ approve: reported(comment) ? 'Kept, reports dismissed' : 'Approved', reject: 'Rejected', spam: 'Marked as spam' }[action]}: the comment by ${comment.name}.`);
    this.replace(updated);
    refreshCounts();
  }

  async reject(id) {
    const why = await askReason('Reject this comment', 'Reject');
    this.focusOn(id);
    if (why) await this.decide(id, 'reject', why);
  }

  async feature(id) {
    const comment = this.items.find(i => i.id === id);
    if (comment.status !== 'approved') { toast('Only a published comment can be featured.'); return; }
    const updated = await attempt(() => api('POST', `/moderation/comments/${encodeURIComponent(id)}/${comment.featured ? 'unfeature' : 'feature'}`));
    if (updated) { announce(updated.featured ? 'Featured.' : 'No longer featured.'); this.replace(updated); }
  }

  async edit(id) {
    const comment = this.items.find(i => i.id === id);
    const patch = await askEdit(comment);
    this.focusOn(id);
    if (!patch || !Object.keys(patch).length) return;
    const updated = await attempt(() => api('PATCH', `/moderation/comments/${encodeURIComponent(id)}`, patch));
    if (updated) { announce('Comment edited.'); this.replace(updated); }
  }

  async remove(id) {
    if (!confirm('Delete this comment for good? Its replies stay, as top-level comments.')) return;
    const done = await attempt(() => api('DELETE', `/moderation/comments/${encodeURIComponent(id)}`).then(() => true));
    if (done) { announce('Comment deleted.'); this.drop(id); refreshCounts(); }
  }

  async bulk(action) {
    const ids = [...this.selected];
    if (!ids.length) return;
    let why = {};
    if (action === 'reject') {
      why = await askReason(`Reject ${ids.length} comment${ids.length > 1 ? 's' : ''}`, 'Reject');
      if (!why) return;
    }
    if (action === 'delete' && !confirm(`Delete ${ids.length} comments for good?`)) return;
    const result = await attempt(() => api('POST', '/moderation/comments/bulk', { action, ids, ...why }));
    if (!result) return;
    let done = 0;
    for (const r of result.results) {
      if (r.error) continue;
      done++;
      this.selected.delete(r.id);
      if (action === 'delete') { this.drop(r.id); continue; }
      const item = this.items.find(i => i.id === r.id);
      if (item) this.replace({ ...item, status: r.status, featured: r.status === 'approved' && item.featured });
    }
    this.el.querySelectorAll('input.select').forEach(box => { box.checked = this.selected.has(box.closest('li').dataset.id); });
    this.onSelection();
    announce(`${action} applied to ${done} of ${ids.length} comments.`);
    refreshCounts();
  }
}

// Whether a comment has open reader reports (approving it again keeps it published and closes them).
function reported(comment) {
  return Boolean(comment.reports && comment.reports.open);
}

// The list the keyboard acts on, and what the event stream feeds.
let active = null;

// ---------------------------------------------------------------- the queue

function queueScreen(queue) {
  const status = queue === 'reported' ? null : queue;
  const keeps = queue === 'reported' ? reported : c => c.status === status;
  const list = new CommentList(keeps);
  const state = { list, queue, status, articleId: '', cursor: null, fresh: [] };
  const heading = h('h1', { tabindex: '-1' }, QUEUES[queue]);
  const banner = h('button', { type: 'button', class: 'new-banner', hidden: true, 'aria-keyshortcuts': 'n', onclick: () => showNew(state) });
  const more = h('button', { type: 'button', class: 'more', hidden: true, onclick: () => load(state) }, 'Load more');
  const empty = h('p', { class: 'empty', hidden: true },
    queue === 'pending' ? 'Nothing waits for a moderator. New comments appear here as they arrive.' : 'Nothing here.');
  const selection = h('span', { class: 'selection' });
  const bulkBar = h('div', { class: 'bulk-bar', role: 'region', 'aria-label': 'Bulk actions', hidden: true }, selection,
    h('button', { type: 'button', class: 'approve', onclick: () => state.list.bulk('approve') }, 'Approve selected'),
    h('button', { type: 'button', class: 'reject', onclick: () => state.list.bulk('reject') }, 'Reject selected…'),
    h('button', { type: 'button', class: 'spam', onclick: () => state.list.bulk('spam') }, 'Spam selected'),
    h('button', { type: 'button', class: 'danger', onclick: () => state.list.bulk('delete') }, 'Delete selected'),
    h('button', { type: 'button', class: 'link', onclick: () => { [...state.list.selected].forEach(id => state.list.toggle(id, false)); } }, 'Clear'));
  // Closures read state.list: a new filter replaces the list.
  list.onSelection = () => {
    bulkBar.hidden = state.list.selected.size === 0;
    selection.textContent = `${state.list.selected.size} selected`;
    empty.hidden = state.list.items.length > 0;
  };
  const articleInput = h('input', { name: 'articleId', maxlength: '128', placeholder: 'all articles', spellcheck: 'false' });
  const filter = h('form', { class: 'filter', role: 'search', onsubmit: e => {
    e.preventDefault();
    state.articleId = articleInput.value.trim();
    reset(state);
  } }, field('Article', articleInput), h('button', { type: 'submit' }, 'Filter'));

  state.banner = banner;
  state.more = more;
  state.empty = empty;
  main.replaceChildren(heading,
    h('div', { class: 'toolbar' }, filter, bulkByQuery(status || 'pending')),
    banner, bulkBar, list.el, more, empty);
  active = state;
  main.dataset.state = 'loading';
  heading.focus();
  load(state);
}

function reset(state) {
  const list = new CommentList(state.list.keeps);
  list.onSelection = state.list.onSelection;
  state.list.el.replaceWith(list.el);
  state.list = list;
  state.cursor = null;
  state.fresh = [];
  updateBanner(state);
  load(state);
}

async function load(state) {
  const query = new URLSearchParams({ limit: '50' });
  if (state.queue === 'reported') query.set('reported', 'true'); else query.set('status', state.status);
  if (state.articleId) query.set('articleId', state.articleId);
  if (state.cursor) query.set('cursor', state.cursor);
  const page = await attempt(() => api('GET', `/moderation/comments?${query}`));
  if (!page) return;
  state.list.add(page.comments);
  state.cursor = page.nextCursor;
  state.more.hidden = !page.nextCursor;
  state.list.onSelection();
  main.dataset.state = 'ready';
}

function updateBanner(state) {
  const n = state.fresh.length;
  state.banner.hidden = n === 0;
  state.banner.textContent = `${n} new comment${n === 1 ? '' : 's'} — show`;
}

async function showNew(state) {
  const ids = state.fresh.splice(0);
  updateBanner(state);
  if (state.queue === 'reported') { reset(state); return; }
  const items = (await Promise.all(ids.map(id => api('GET', `/moderation/comments/${encodeURIComponent(id)}`).catch(() => null))))
    .filter(c => c && state.list.keeps(c));
  const added = state.list.add(items);
  if (added.length) {
    state.list.focusOn(added[0].id);
    announce(`${added.length} new comment${added.length > 1 ? 's' : ''} shown.`);
  }
}

function bulkByQuery(status) {
  const statusSelect = select('status', ['pending', 'approved', 'rejected', 'spam'].map(s => [s, s]), status);
  const article = h('input', { name: 'articleId', maxlength: '128', spellcheck: 'false' });
  const author = h('input', { name: 'authorId', maxlength: '64', spellcheck: 'false' });
  const reason = h('input', { name: 'reason', maxlength: '100', spellcheck: 'false', placeholder: 'e.g. too-many-links' });
  const after = h('input', { name: 'submittedAfter', type: 'datetime-local' });
  const before = h('input', { name: 'submittedBefore', type: 'datetime-local' });
  const action = select('action', [['reject', 'Reject'], ['spam', 'Spam'], ['approve', 'Approve'], ['delete', 'Delete']], 'reject');
  const decisionReason = select('decisionReason', [['', '(none)'], ...REASONS.map(r => [r, r])], '');
  const note = h('input', { name: 'note', maxlength: '1000' });
  const outcome = h('p', { class: 'outcome', role: 'status' });
  const apply = h('button', { type: 'button', class: 'danger', disabled: true }, 'Apply');
  let counted = null;

  const request = dryRun => {
    const filter = { status: statusSelect.value };
    if (article.value.trim()) filter.articleId = article.value.trim();
    if (author.value.trim()) filter.authorId = author.value.trim();
    if (reason.value.trim()) filter.reason = reason.value.trim();
    if (after.value) filter.submittedAfter = isoFromLocal(after.value);
    if (before.value) filter.submittedBefore = isoFromLocal(before.value);
    const body = { filter, action: action.value, dryRun };
    if (decisionReason.value) body.reason = decisionReason.value;
    if (note.value.trim()) body.note = note.value.trim();
    return body;
  };
  const count = async () => {
    const result = await attempt(() => api('POST', '/moderation/comments/bulk-by-filter', request(true)));
    if (!result) return;
    counted = result.matched;
    outcome.textContent = `${result.matched} comment${result.matched === 1 ? '' : 's'} match.`
      + (result.matched > 10000 ? ' Up to 10,000 are changed per run: apply again for the rest.' : '');
    apply.disabled = result.matched === 0;
    apply.textContent = `${action.options[action.selectedIndex].text} ${result.matched} comment${result.matched === 1 ? '' : 's'}`;
  };
  apply.addEventListener('click', async () => {
    if (counted == null || !confirm(`${apply.textContent}? This cannot be undone in one step.`)) return;
    const result = await attempt(() => api('POST', '/moderation/comments/bulk-by-filter', request(false)));
    if (!result) return;
    outcome.textContent = `Applied to ${result.applied} of ${result.matched} matching comments.`
      + (result.truncated ? ' More matched: apply again.' : '');
    apply.disabled = true;
    counted = null;
    refreshCounts();
    if (active && active.list) reset(active);
  });
  const form = h('form', { class: 'by-query', onsubmit: e => { e.preventDefault(); count(); },
    oninput: () => { apply.disabled = true; counted = null; apply.textContent = 'Apply'; } },
  h('div', { class: 'grid' },
    field('Status', statusSelect), field('Article', article), field('Author id', author),
    field('Hold reason', reason, 'exact, or the code before “:”'),
    field('Submitted from', after), field('Submitted before', before),
    field('Action', action), field('Decision reason', decisionReason), field('Note', note)),
  h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Count matches (dry run)'), apply), outcome);
  return h('details', { class: 'bulk-query' }, h('summary', {}, 'Bulk by query'), form);
}

// ---------------------------------------------------------------- the author

async function authorScreen(authorId) {
  const heading = h('h1', { tabindex: '-1' }, 'Author');
  main.replaceChildren(heading, h('p', { class: 'muted' }, 'Loading…'));
  heading.focus();
  const author = await attempt(() => api('GET', `/moderation/authors/${encodeURIComponent(authorId)}`));
  if (!author) { main.replaceChildren(heading, h('p', {}, 'No such author.')); return; }
  const standing = select('standing', ['normal', 'trusted', 'premoderated', 'banned'].map(s => [s, s]), author.standing);
  const until = h('input', { name: 'until', type: 'datetime-local' });
  const note = h('textarea', { name: 'note', maxlength: '1000', rows: '2' }, author.note || '');
  const rejectPending = h('input', { type: 'checkbox', name: 'rejectPending', id: 'reject-pending' });
  const form = h('form', { class: 'standing-form', onsubmit: async e => {
    e.preventDefault();
    const body = { standing: standing.value, until: isoFromLocal(until.value), note: note.value.trim() || null,
      rejectPending: rejectPending.checked };
    const updated = await attempt(() => api('PUT', `/moderation/authors/${encodeURIComponent(authorId)}/standing`, body));
    if (updated) { announce(`Standing set to ${updated.standing}.`); authorScreen(authorId); }
  } },
  h('h2', {}, 'Standing'),
  h('div', { class: 'grid' }, field('Standing', standing), field('Until', until, 'empty: until changed'),
    field('Note for moderators', note)),
  h('div', { class: 'check' }, rejectPending, h('label', { for: 'reject-pending' }, 'Also reject their pending comments')),
  h('button', { type: 'submit', class: 'primary' }, 'Save standing'));
  const counts = author.counts;
  const list = new CommentList(() => true);
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Load more');
  let cursor = null;
  const loadPage = async () => {
    const query = new URLSearchParams({ limit: '50' });
    if (cursor) query.set('cursor', cursor);
    const page = await attempt(() => api('GET', `/moderation/authors/${encodeURIComponent(authorId)}/comments?${query}`));
    if (!page) return;
    list.add(page.comments);
    cursor = page.nextCursor;
    more.hidden = !cursor;
  };
  more.addEventListener('click', loadPage);
  main.replaceChildren(heading,
    h('dl', { class: 'facts' },
      h('dt', {}, 'Author id'), h('dd', {}, h('code', {}, author.authorId)),
      h('dt', {}, 'Standing'), h('dd', {}, h('span', { class: `standing standing-${author.standing}` }, author.standing),
        author.until ? [' until ', when(author.until)] : ''),
      author.note ? [h('dt', {}, 'Note'), h('dd', {}, author.note)] : null,
      h('dt', {}, 'Comments'), h('dd', {}, `${counts.approved} approved · ${counts.pending} pending · ${counts.rejected} rejected · ${counts.spam} spam`),
      h('dt', {}, 'First seen'), h('dd', {}, when(author.firstSeen)),
      h('dt', {}, 'Last seen'), h('dd', {}, when(author.lastSeen))),
    form, h('h2', {}, 'History, newest first'), list.el, more);
  active = { list };
  heading.focus();
  loadPage();
}

// ---------------------------------------------------------------- the audit

function auditScreen() {
  const heading = h('h1', { tabindex: '-1' }, 'Audit');
  const body = h('tbody');
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Load more');
  const commentInput = h('input', { name: 'commentId', maxlength: '64', spellcheck: 'false' });
  let cursor = null;
  const loadPage = async () => {
    const query = new URLSearchParams({ limit: '50' });
    if (commentInput.value.trim()) query.set('commentId', commentInput.value.trim());
    if (cursor) query.set('cursor', cursor);
    const page = await attempt(() => api('GET', `/moderation/audit?${query}`));
    if (!page) return;
    for (const e of page.entries) {
      body.append(h('tr', {},
        h('td', {}, when(e.at)), h('td', {}, e.moderator), h('td', {}, e.action),
        h('td', {}, e.commentId ? h('code', {}, e.commentId) : (e.articleId || '')),
        h('td', {}, e.from || e.to ? `${e.from || '—'} → ${e.to || '—'}` : ''),
        h('td', {}, e.reason || ''), h('td', {}, e.note || '')));
    }
    cursor = page.nextCursor;
    more.hidden = !cursor;
  };
  more.addEventListener('click', loadPage);
  const filter = h('form', { class: 'filter', role: 'search', onsubmit: e => { e.preventDefault(); body.replaceChildren(); cursor = null; loadPage(); } },
    field('Comment id', commentInput), h('button', { type: 'submit' }, 'Filter'));
  main.replaceChildren(heading, h('div', { class: 'toolbar' }, filter),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('caption', { class: 'visually-hidden' }, 'Moderation actions, newest first'),
      h('thead', {}, h('tr', {}, ['When', 'Moderator', 'Action', 'Comment or article', 'From → to', 'Reason', 'Note']
        .map(t => h('th', { scope: 'col' }, t)))), body)), more);
  active = null;
  heading.focus();
  loadPage();
}

// ---------------------------------------------------------------- personal tokens

async function tokensScreen() {
  const heading = h('h1', { tabindex: '-1' }, 'Personal API tokens');
  const body = h('tbody');
  const shown = h('div', { class: 'new-token', role: 'status' });
  const name = h('input', { name: 'name', maxlength: '100', required: true, placeholder: 'e.g. newsroom-bot' });
  const reload = async () => {
    const list = await attempt(() => api('GET', '/moderation/tokens'));
    if (!list) return;
    body.replaceChildren(...list.tokens.map(t => h('tr', {}, h('td', {}, t.name), h('td', {}, when(t.createdAt)),
      h('td', {}, h('button', { type: 'button', class: 'danger', 'aria-label': `Revoke ${t.name}`, onclick: async () => {
        if (!confirm(`Revoke the token “${t.name}”? Tools using it stop working.`)) return;
        if (await attempt(() => api('DELETE', `/moderation/tokens/${encodeURIComponent(t.id)}`).then(() => true))) {
          announce('Token revoked.');
          reload();
        }
      } }, 'Revoke')))));
    if (!list.tokens.length) body.append(h('tr', {}, h('td', { colspan: '3', class: 'muted' }, 'No tokens yet.')));
  };
  const create = h('form', { class: 'filter', onsubmit: async e => {
    e.preventDefault();
    const created = await attempt(() => api('POST', '/moderation/tokens', { name: name.value.trim() }));
    if (!created) return;
    name.value = '';
    shown.replaceChildren(h('p', {}, `Token “${created.name}”: copy it now, it is not shown again.`),
      h('code', { class: 'secret' }, created.token));
    reload();
  } }, field('Name', name), h('button', { type: 'submit', class: 'primary' }, 'Create token'));
  main.replaceChildren(heading,
    h('p', { class: 'muted' }, 'For tools and bots: send Authorization: Bearer <token>. A token acts as you.'),
    create, shown,
    h('div', { class: 'table-wrap' }, h('table', {}, h('caption', { class: 'visually-hidden' }, 'Your tokens'),
      h('thead', {}, h('tr', {}, ['Name', 'Created'].map(t => h('th', { scope: 'col' }, t)),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))), body)));
  active = null;
  heading.focus();
  reload();
}

// ---------------------------------------------------------------- accounts and settings (admins)

async function adminScreen() {
  const heading = h('h1', { tabindex: '-1' }, 'Accounts & settings');
  if (ME.role !== 'admin') { main.replaceChildren(heading, h('p', {}, 'Administrators only.')); return; }
  const accounts = h('tbody');
  const reloadAccounts = async () => {
    const list = await attempt(() => api('GET', '/admin/moderators'));
    if (!list) return;
    accounts.replaceChildren(...list.moderators.map(m => h('tr', {}, h('td', {}, m.username), h('td', {}, m.role),
      h('td', {}, when(m.createdAt)),
      h('td', {}, h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${m.username}`, onclick: async () => {
        if (!confirm(`Delete the account ${m.username}? Their sessions and tokens end.`)) return;
        if (await attempt(() => api('DELETE', `/admin/moderators/${encodeURIComponent(m.username)}`).then(() => true))) {
          announce('Account deleted.');
          reloadAccounts();
        }
      } }, 'Delete')))));
  };
  const username = h('input', { name: 'username', maxlength: '64', required: true, autocomplete: 'off', spellcheck: 'false' });
  const password = h('input', { name: 'password', type: 'password', required: true, autocomplete: 'new-password' });
  const role = select('role', [['moderator', 'moderator'], ['admin', 'admin']], 'moderator');
  const create = h('form', { class: 'grid-form', onsubmit: async e => {
    e.preventDefault();
    const created = await attempt(() => api('POST', '/admin/moderators',
      { username: username.value.trim(), password: password.value, role: role.value }));
    if (created) { announce(`Account ${created.username} created.`); e.target.reset(); reloadAccounts(); }
  } }, field('Username', username), field('Password', password), field('Role', role),
  h('button', { type: 'submit', class: 'primary' }, 'Create account'));

  const settings = await attempt(() => api('GET', '/admin/settings'));
  const surge = h('input', { type: 'checkbox', id: 'surge', role: 'switch', checked: settings && settings.moderationPolicy === 'hold-all' });
  const reportsToHold = h('input', { type: 'number', name: 'reportsToHold', min: '0', max: '1000',
    value: settings ? String(settings.reportsToHold) : '' });
  const settingsForm = h('form', { class: 'settings', onsubmit: async e => {
    e.preventDefault();
    const updated = await attempt(() => api('PUT', '/admin/settings', {
      moderationPolicy: surge.checked ? 'hold-all' : 'trust-returning', reportsToHold: Number(reportsToHold.value) }));
    if (updated) {
      surge.checked = updated.moderationPolicy === 'hold-all';
      announce(`Settings saved: ${updated.moderationPolicy}, ${updated.reportsToHold} reports to hold.`);
      toast(`Saved. Every instance applies it within 5 seconds.`);
    }
  } },
  h('div', { class: 'check surge' }, surge, h('label', { for: 'surge' }, h('strong', {}, 'Surge switch'),
    ' — hold every new comment for a moderator (policy hold-all; off: trust-returning)')),
  field('Reports that unpublish a comment', reportsToHold, '0: never'),
  h('button', { type: 'submit', class: 'primary' }, 'Save settings'));

  main.replaceChildren(heading,
    h('section', { 'aria-labelledby': 'settings-title' }, h('h2', { id: 'settings-title' }, 'Site settings'), settingsForm),
    h('section', { 'aria-labelledby': 'accounts-title' }, h('h2', { id: 'accounts-title' }, 'Accounts'),
      h('div', { class: 'table-wrap' }, h('table', {}, h('caption', { class: 'visually-hidden' }, 'Moderator accounts'),
        h('thead', {}, h('tr', {}, ['Username', 'Role', 'Created'].map(t => h('th', { scope: 'col' }, t)),
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))), accounts)),
      h('h3', {}, 'New account'), create));
  active = null;
  heading.focus();
  reloadAccounts();
}

// ---------------------------------------------------------------- counts, live events, routing, keys

async function refreshCounts() {
  const stats = await api('GET', '/moderation/stats', undefined, { background: true }).catch(() => null);
  if (!stats) return;
  document.querySelectorAll('[data-count]').forEach(el => {
    const n = stats[el.dataset.count];
    el.textContent = n ? String(n) : '';
  });
}

let events = null;
function connectEvents() {
  events = new EventSource(`${API}/moderation/events`);
  events.addEventListener('open', () => { document.body.dataset.live = 'on'; });
  events.addEventListener('comment.submitted', e => onEvent(JSON.parse(e.data)));
  for (const type of ['comment.approved', 'comment.rejected', 'comment.spam', 'comment.deleted', 'comment.held',
    'comment.reported', 'comment.edited', 'comment.featured', 'comment.unfeatured']) {
    events.addEventListener(type, e => onEvent(JSON.parse(e.data)));
  }
  events.addEventListener('error', () => {
    // The browser reconnects by itself (with Last-Event-ID); a refused stream (session ended) does not.
    document.body.dataset.live = 'off';
    if (events.readyState === EventSource.CLOSED) setTimeout(() => refreshCounts().then(connectEvents), 5000);
  });
}

let countsTimer;
function onEvent(event) {
  clearTimeout(countsTimer);
  countsTimer = setTimeout(refreshCounts, 300);
  const state = active;
  if (!state || !state.list) return;
  const data = event.data || {};
  const arrives = state.queue
    && (state.queue === 'reported' ? event.type === 'comment.reported'
      : (event.type === 'comment.submitted' || event.type === 'comment.held' || event.type === 'comment.approved'
        || event.type === 'comment.rejected' || event.type === 'comment.spam') && data.status === state.status)
    && (!state.articleId || event.articleId === state.articleId);
  const shown = state.list.items.some(i => i.id === event.commentId);
  if (arrives && !shown && !state.fresh.includes(event.commentId) && event.actor !== ME.username) {
    state.fresh.push(event.commentId);
    updateBanner(state);
    announce(state.banner.textContent);
    return;
  }
  if (state.fresh && !arrives) {
    const index = state.fresh.indexOf(event.commentId);
    if (index >= 0) { state.fresh.splice(index, 1); updateBanner(state); }
  }
  if (shown && event.actor !== ME.username) {
    if (event.type === 'comment.deleted') { state.list.drop(event.commentId); return; }
    api('GET', `/moderation/comments/${encodeURIComponent(event.commentId)}`, undefined, { background: true })
      .then(updated => state.list.replace(updated)).catch(() => {});
  }
}

const ROUTES = [
  [/^#\/queue\/(pending|reported|spam|approved)$/, m => queueScreen(m[1])],
  [/^#\/author\/([^/]+)$/, m => authorScreen(decodeURIComponent(m[1]))],
  [/^#\/audit$/, () => auditScreen()],
  [/^#\/tokens$/, () => tokensScreen()],
  [/^#\/admin$/, () => adminScreen()],
];

function route() {
  const hash = location.hash || '#/queue/pending';
  document.querySelectorAll('header nav a').forEach(a => {
    if (a.getAttribute('href') === hash) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  for (const [pattern, screen] of ROUTES) {
    const match = hash.match(pattern);
    if (match) {
      document.title = `${document.querySelector('header nav a[aria-current]')?.firstChild.textContent.trim() || 'Author'} · Moderation console`;
      screen(match);
      return;
    }
  }
  location.hash = '#/queue/pending';
}

let goPending = false;
function onKey(e) {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
  if (document.querySelector('dialog[open]')) return;
  const target = e.target;
  if (target.closest && target.closest('textarea, select, input:not([type=checkbox]):not([type=radio])')) return;
  if (e.key === '?') { e.preventDefault(); openHelp(); return; }
  if (goPending) {
    goPending = false;
    const queue = { p: 'pending', r: 'reported', s: 'spam', a: 'approved' }[e.key];
    if (queue) { e.preventDefault(); location.hash = `#/queue/${queue}`; }
    return;
  }
  if (e.key === 'g') { goPending = true; setTimeout(() => { goPending = false; }, 1500); return; }
  const state = active;
  if (!state || !state.list) return;
  const list = state.list;
  const item = list.currentItem;
  const keys = {
    j: () => list.move(1),
    k: () => list.move(-1),
    n: () => state.fresh && state.fresh.length && showNew(state),
    a: () => item && (item.status !== 'approved' || reported(item)) && list.decide(item.id, 'approve'),
    r: () => item && item.status !== 'rejected' && list.reject(item.id),
    s: () => item && item.status !== 'spam' && list.decide(item.id, 'spam'),
    f: () => item && list.feature(item.id),
    e: () => item && list.edit(item.id),
    x: () => item && list.toggle(item.id),
    o: () => item && item.authorId && (location.hash = `#/author/${encodeURIComponent(item.authorId)}`),
  };
  const handler = keys[e.key];
  if (handler) { e.preventDefault(); handler(); }
}

document.getElementById('help-button').addEventListener('click', openHelp);
document.addEventListener('keydown', onKey);
window.addEventListener('hashchange', route);
route();
refreshCounts();
connectEvents();
