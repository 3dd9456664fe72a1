// The instructor's console, and (at /projector) its projector panel alone in large type.
// It sends the instructor's commands and shows the server's console view; it decides nothing.
'use strict';

(function () {
  const D = window.Demarche;
  const $ = (id) => document.getElementById(id);
  const CODE = 'demarche-instructor';
  const projectorOnly = location.pathname === '/projector' || new URLSearchParams(location.search).has('projector');

  let phase = localStorage.getItem(CODE) ? 'login' : 'form'; // form | login | console
  let view = null;

  if (projectorOnly) {
    document.body.classList.add('projector-mode');
    document.title = 'Démarche — projector';
  }

  const conn = D.connect({
    status: $('conn'),
    hello() {
      const code = localStorage.getItem(CODE);
      if (phase === 'form' || !code) return null;
      // After a drop the console stays on screen, but an error now means the code is stale.
      phase = 'login';
      return { type: 'console', code };
    },
    onMessage,
    onDrop: () => cmd.dropped(),
  });
  const cmd = D.commander(() => conn);

  function onMessage(m) {
    switch (m.type) {
      case 'console': show(); render(m); break;
      case 'ack': if (!cmd.ack(m)) D.setStatus($('console-status'), m.error ? 'error' : 'ok', String(m.error || m.ok || '')); break;
      case 'error':
        if (phase === 'login') {
          // A wrong or stale code: forget it so the next visit asks again.
          localStorage.removeItem(CODE);
          showForm();
          D.setStatus($('login-status'), 'error', String(m.message || 'refused'));
        } else {
          D.setStatus($('console-status'), 'error', String(m.message || 'error'));
        }
        break;
      default: break;
    }
  }

  function showForm() {
    phase = 'form';
    $('boot').hidden = true;
    $('console').hidden = true;
    $('login').hidden = false;
    $('console-code').focus();
  }

  function show() {
    phase = 'console';
    $('boot').hidden = true;
    $('login').hidden = true;
    $('console').hidden = false;
    if (!projectorOnly) { $('conn').classList.remove('floating'); document.querySelector('.console-bar').appendChild($('conn')); }
  }

  $('login-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const code = $('console-code').value.trim();
    if (!code) { D.setStatus($('login-status'), 'error', 'Enter the instructor code.'); return; }
    localStorage.setItem(CODE, code);
    phase = 'login';
    if (conn.send({ type: 'console', code })) D.setStatus($('login-status'), 'pending', 'opening…');
    else D.setStatus($('login-status'), 'pending', 'waiting for the line; will open when connected…');
  });

  // --- rendering ------------------------------------------------------------------------

  function render(v) {
    view = v;
    $('c-title').textContent = v.title || 'Class';
    $('c-now').textContent = v.now || '';
    $('c-paused').hidden = !v.paused;
    $('c-over').hidden = !v.over;
    $('c-pace').textContent = v.pace != null ? String(v.pace) : '—';
    $('c-code').textContent = v.class_code || '';
    if (document.activeElement !== $('pace-hours') && v.pace != null) $('pace-hours').value = String(v.pace);

    $('roster-rows').replaceChildren(...(v.roster || []).map((s) => D.h('tr', { 'data-testid': 'roster-row' },
      D.h('th', { scope: 'row', text: String(s.name || '') }),
      D.h('td', { text: String(s.station || s.post || '') }),
      D.h('td', { class: s.connected ? 'on' : 'off' },
        D.h('span', { 'aria-hidden': 'true', text: s.connected ? '●' : '○' }),
        D.h('span', { class: 'sr-only', text: s.connected ? 'connected' : 'not connected' })),
      D.h('td', { text: s.last == null ? '—' : String(s.last) }))));
    if (!(v.roster || []).length) $('roster-rows').appendChild(D.h('tr', {}, D.h('td', { colspan: 4, class: 'empty', text: 'No one has joined yet.' })));

    const unsent = (v.telegrams || []).filter((t) => !t.sent).map((t) => ({ value: String(t.id), label: String(t.name || t.id) }));
    D.fillSelect($('inject-telegram'), unsent);
    $('inject-send').disabled = unsent.length === 0;

    const govs = (v.governments || []).map((g) => ({ value: String(g.id), label: D.pick(g, 'name', 'label', 'id') }));
    // The id leads because a long question is cut off in a narrow select.
    const issues = (v.issues || []).map((i) => {
      const q = D.pick(i, 'question', 'label');
      return { value: String(i.id), label: q && q !== String(i.id) ? i.id + ' — ' + q : String(i.id) };
    });
    for (const id of ['move-government', 'reveal-government']) D.fillSelect($(id), govs);
    for (const id of ['move-issue', 'reveal-issue']) D.fillSelect($(id), issues);
    D.fillSelect($('projector-issue'), issues, 'Choose an issue to project…');

    renderProjector(v.projector);
    $('truth').textContent = v.truth || '';
    renderDebrief(v.debrief);
  }

  function renderProjector(p) {
    const sel = $('projector-issue');
    if (p && p.issue != null && document.activeElement !== sel) sel.value = String(p.issue);
    $('projector-question').textContent = p ? String(p.question || '') : 'No issue on the projector yet.';
    const rows = (p && p.rows) || [];
    $('projector-rows').replaceChildren(...rows.map((r) => D.h('tr', { 'data-testid': 'projector-row' },
      D.h('th', { scope: 'row', text: String(r.station || r.post || '') }),
      D.h('td', { text: String(r.students || '') }),
      D.h('td', { text: String(r.position || '—') }),
      D.h('td', { class: 'num', text: D.percent(r.probability) }),
      D.h('td', { class: r.revealed == null ? 'hidden-truth' : 'revealed', text: D.fmt(r.revealed) }))));
  }

  function renderDebrief(d) {
    $('debrief-section').hidden = d == null;
    if (d == null) return;
    const code = localStorage.getItem(CODE) || '';
    // The report needs the instructor code: it holds the truth and every student's score.
    $('report-md').href = '/report?code=' + encodeURIComponent(code) + '&format=md';
    $('report-html').href = '/report?code=' + encodeURIComponent(code) + '&format=html';
    $('debrief-rows').replaceChildren(...(d.students || []).map((s) => D.h('tr', {},
      D.h('th', { scope: 'row', text: String(s.name || '') }),
      D.h('td', { text: String(s.station || s.post || '') }),
      D.h('td', { class: 'num', text: typeof s.brier === 'number' ? s.brier.toFixed(3) : D.fmt(s.brier) }),
      D.h('td', { class: 'num', text: D.fmt(s.scored) }),
      D.h('td', { class: 'num', text: D.fmt(s.right) }),
      D.h('td', { text: D.fmt(s.calibration) }))));
    $('debrief-text').textContent = d.text || '';
    $('debrief-questions').replaceChildren(...(d.questions || []).map((q) => D.h('li', { text: String(q) })));
  }

  // --- commands -------------------------------------------------------------------------

  const status = $('console-status');
  document.querySelectorAll('[data-do]').forEach((b) => b.addEventListener('click', () => {
    cmd.send({ type: 'clock', do: b.dataset.do }, status, b.textContent.toLowerCase());
  }));

  $('pace-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const hours = Number($('pace-hours').value);
    if ($('pace-hours').value.trim() === '' || !Number.isFinite(hours) || hours < 0) {
      D.setStatus(status, 'error', 'The pace is a number of game hours per real minute, 0 or more.');
      return;
    }
    cmd.send({ type: 'clock', do: 'pace', hours }, status, 'setting the pace');
  });

  $('inject-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const telegram = $('inject-telegram').value;
    if (!telegram) { D.setStatus(status, 'error', 'Every telegram has been sent.'); return; }
    cmd.send({ type: 'inject', telegram }, status, 'injecting');
  });

  $('move-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const raw = $('move-to').value.trim();
    const to = Number(raw);
    if (raw === '' || !Number.isFinite(to) || to < -1 || to > 1) {
      D.setStatus(status, 'error', 'The stance is a number from −1 to 1.');
      return;
    }
    cmd.send({ type: 'move', government: $('move-government').value, issue: $('move-issue').value, to }, status, 'moving the stance');
  });

  $('reveal-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    cmd.send({ type: 'reveal', government: $('reveal-government').value, issue: $('reveal-issue').value }, status, 'revealing');
  });

  // The projector command has no id in the protocol, so no ack: the next view shows it.
  $('projector-issue').addEventListener('change', () => {
    const issue = $('projector-issue').value;
    if (!issue) return;
    if (!conn.send({ type: 'projector', issue })) D.setStatus(status, 'error', 'not connected');
  });

  if (phase === 'form') showForm();
  else $('boot').textContent = 'Opening the console…';
})();
