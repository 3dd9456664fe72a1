// The student's page: join a class as a mission, then read the in-tray and answer it.
// The server holds every rule; this page shows its views and sends back the student's choices.
'use strict';

(function () {
  const D = window.Demarche;
  const $ = (id) => document.getElementById(id);
  const TOKEN = 'demarche-token';
  const READ = 'demarche-read';
  const TABS = ['reply', 'call', 'dossier', 'map', 'debrief'];

  let phase = localStorage.getItem(TOKEN) ? 'rejoin' : 'form'; // form | join | rejoin | game
  let joinMsg = null;
  let view = null;
  let current = null; // the cable number in the reader
  let cursor = null; // the cable j/k is on, by number, so arrivals above it do not move it
  let known = null; // cable numbers already seen, so new arrivals can be announced
  let debriefShown = false;
  let previewTimer = null;

  // Read marks live in the browser: the server's view does not track them, and they only
  // matter to this student on this machine.
  function loadRead() {
    try {
      const r = JSON.parse(localStorage.getItem(READ) || '{}');
      return new Set(r.token === localStorage.getItem(TOKEN) ? r.cables : []);
    } catch (_) { return new Set(); }
  }
  let read = loadRead();
  function markRead(n) {
    read.add(n);
    localStorage.setItem(READ, JSON.stringify({ token: localStorage.getItem(TOKEN), cables: [...read] }));
  }

  const conn = D.connect({
    status: $('conn'),
    hello() {
      const token = localStorage.getItem(TOKEN);
      // After a drop the game stays on screen, but an error now means the token went stale.
      if ((phase === 'rejoin' || phase === 'game') && token) { phase = 'rejoin'; return { type: 'rejoin', token }; }
      if (phase === 'join' && joinMsg) return joinMsg;
      return null;
    },
    onMessage,
    onDrop: () => cmd.dropped(),
  });
  const cmd = D.commander(() => conn);

  function onMessage(m) {
    switch (m.type) {
      case 'welcome':
        localStorage.setItem(TOKEN, m.token);
        read = loadRead();
        showGame();
        $('h-station').textContent = m.station || m.role || 'Mission';
        $('h-name').textContent = m.name ? '(' + m.name + ')' : '';
        break;
      case 'view': showGame(); renderView(m); break;
      case 'cable': if (m.cable === current) D.renderSegments($('reader'), m.segments); break;
      case 'preview': renderPreview(m.segments); break;
      case 'ack': if (!cmd.ack(m)) D.setStatus($('app-status'), m.error ? 'error' : 'ok', String(m.error || m.ok || '')); break;
      case 'error': onError(String(m.message || 'error')); break;
      default: break;
    }
  }

  function onError(text) {
    if (phase === 'rejoin') {
      // A stale token (the server restarted, or the class ended): start afresh.
      localStorage.removeItem(TOKEN);
      showForm();
      D.setStatus($('join-status'), 'error', 'Could not rejoin: ' + text + '. Join again below.');
    } else if (phase === 'join') {
      phase = 'form';
      D.setStatus($('join-status'), 'error', text);
    } else D.setStatus($('app-status'), 'error', text);
  }

  // --- before joining ---------------------------------------------------------------

  async function loadClass() {
    try {
      const res = await fetch('/class.json', { cache: 'no-store' });
      if (!res.ok) throw new Error('HTTP ' + res.status);
      const c = await res.json();
      $('join-class').textContent = c.title || '';
      const posts = (c.posts || []).map((p) => ({ value: String(p.id), label: D.pick(p, 'name', 'label', 'id') }));
      if (c.department && !posts.some((p) => p.value === 'department')) posts.push({ value: 'department', label: 'Department of State' });
      D.fillSelect($('join-post'), posts, 'Choose your post…');
      if ($('join-status').textContent.startsWith('✗ Could not load')) D.setStatus($('join-status'), 'ok', 'The class is open.');
    } catch (e) {
      D.setStatus($('join-status'), 'error', 'Could not load the class (' + e.message + '); trying again…');
      setTimeout(loadClass, 3000);
    }
  }

  // One of the join form and the game shows; the connection line sits in the game's header
  // or, before that, in a corner.
  function showOnly(which) {
    $('boot').hidden = true;
    $('join').hidden = which !== 'join';
    $('app').hidden = which !== 'app';
    $('conn').classList.toggle('floating', which !== 'app');
    (which === 'app' ? document.querySelector('.bar') : document.body).appendChild($('conn'));
  }

  function showForm() {
    phase = 'form';
    showOnly('join');
  }

  $('join-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const code = $('join-code').value.trim();
    const name = $('join-name').value.trim();
    const post = $('join-post').value;
    if (!code || !name || !post) { D.setStatus($('join-status'), 'error', 'Fill in the class code, your name and your post.'); return; }
    joinMsg = { type: 'join', code, name, post };
    phase = 'join';
    if (conn.send(joinMsg)) D.setStatus($('join-status'), 'pending', 'joining…');
    else D.setStatus($('join-status'), 'pending', 'waiting for the line; will join when connected…');
  });

  // --- the game -----------------------------------------------------------------------

  function showGame() {
    if (phase === 'game') return;
    phase = 'game';
    showOnly('app');
  }

  function renderView(v) {
    view = v;
    $('h-title').textContent = v.title || '';
    if (v.station) $('h-station').textContent = v.station;
    $('h-chief').textContent = v.chief || '';
    $('h-now').textContent = v.now || '';
    $('h-paused').hidden = !v.paused;
    $('h-over').hidden = !v.over;
    renderTray(v.tray || []);
    renderReply(v.requests || []);
    renderDecide((v.requests || []).filter((r) => r.kind === 'decision'));
    renderRecommend(v.votes || []);
    renderCall(v.leaders || [], v.exhibits || []);
    // Action requests ("impress on the government…") are answered by calls, not by a form.
    $('call-requests').replaceChildren(...(v.requests || []).filter((r) => r.kind === 'action').map((r) => D.h('li', {},
      D.h('strong', { text: D.pick(r, 'cited', 'request') }), ': ' + ask(r))));
    $('dossier').textContent = v.dossier || '';
    renderMap(v.map || []);
    const over = v.debrief != null;
    $('tab-debrief').hidden = !over;
    $('debrief').textContent = over ? String(v.debrief) : '';
    if (over && !debriefShown) { debriefShown = true; selectTab('debrief'); }
  }

  function renderTray(tray) {
    // Newest first; "YYYY-MM-DD HH:MM" sorts as text, the cable number breaks ties.
    const items = [...tray].sort((a, b) => String(b.arrived || '').localeCompare(String(a.arrived || '')) || b.cable - a.cable);
    const ul = $('tray');
    const focusedCable = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.cable : null;
    const fresh = known ? items.filter((c) => !known.has(c.cable)) : [];
    known = new Set(items.map((c) => c.cable));
    if (fresh.length) $('announce').textContent = 'New in the in-tray: ' + fresh.map((c) => c.name).join(', ');
    if (!items.some((c) => c.cable === cursor)) cursor = items.length ? items[0].cable : null;
    ul.replaceChildren(...items.map((c) => {
      const unread = !read.has(c.cable);
      const prec = String(c.precedence || 'ROUTINE');
      const btn = D.h('button', {
        type: 'button', class: 'tray-item' + (unread ? ' unread' : ''), 'data-testid': 'tray-item',
        'data-cable': c.cable, 'data-unread': unread ? 'true' : 'false', tabIndex: c.cable === cursor ? 0 : -1,
        'aria-current': c.cable === current ? 'true' : null,
      },
      D.h('span', { class: 'line1' },
        D.h('span', { class: 'prec prec-' + cls(prec), text: prec }),
        D.h('span', { class: 'name', text: String(c.name || '') }),
        unread ? D.h('span', { class: 'dot', text: '●', title: 'unread' }) : null,
        unread ? D.h('span', { class: 'sr-only', text: ' (unread)' }) : null),
      D.h('span', { class: 'subject', text: String(c.subject || '') }),
      D.h('span', { class: 'meta', text: [c.classification, c.arrived].filter(Boolean).join(' · ') }));
      btn.addEventListener('click', () => { cursor = c.cable; openCable(c); });
      return D.h('li', {}, btn);
    }));
    if (!items.length) ul.appendChild(D.h('li', { class: 'empty', text: 'Nothing yet.' }));
    const again = focusedCable != null && ul.querySelector('[data-cable="' + focusedCable + '"]');
    if (again) again.focus();
  }

  function openCable(c) {
    current = c.cable;
    markRead(c.cable);
    $('reader-title').textContent = [c.name, c.subject].filter(Boolean).join(' — ');
    $('reader').textContent = 'Receiving ' + (c.name || 'cable') + '…';
    conn.send({ type: 'read', cable: c.cable });
    if (view) renderTray(view.tray || []);
  }

  function moveCursor(step) {
    const buttons = [...$('tray').querySelectorAll('.tray-item')];
    if (!buttons.length) return;
    const at = buttons.findIndex((b) => Number(b.dataset.cable) === cursor);
    // The first j from outside the tray lands on the cursor itself rather than past it.
    const i = buttons[at] === document.activeElement ? Math.max(0, Math.min(at + step, buttons.length - 1)) : Math.max(at, 0);
    cursor = Number(buttons[i].dataset.cable);
    buttons.forEach((b, k) => { b.tabIndex = k === i ? 0 : -1; });
    buttons[i].focus();
  }

  // --- reply, decide, recommend ---------------------------------------------------------

  const reqKey = (r) => r.telegram + '\u001f' + r.request;
  const findReq = (key) => ((view && view.requests) || []).find((r) => reqKey(r) === key);
  const reqLabel = (r) => String(r.cited || r.request);
  const ask = (r) => (r ? String(r.question || '') + (r.deadline ? ' (due ' + r.deadline + ')' : '') : '');

  function renderReply(requests) {
    const estimates = requests.filter((r) => r.kind === 'estimate');
    D.fillSelect($('reply-request'), estimates.map((r) => ({ value: reqKey(r), label: reqLabel(r) })));
    $('reply-fields').hidden = estimates.length === 0;
    $('reply-none').hidden = estimates.length > 0;
    const r = findReq($('reply-request').value);
    $('reply-question').textContent = ask(r);
    D.fillChoices($('reply-positions'), 'Position', r ? (r.positions || []).map(D.choice) : [], 'radio', 'position');
  }

  function replyFields() {
    const r = findReq($('reply-request').value);
    const pos = $('reply-positions').querySelector('input:checked');
    const raw = $('reply-probability').value.trim();
    const pct = Number(raw);
    if (!r) return { problem: 'Choose a request.' };
    if (!pos) return { problem: 'Choose a position.' };
    if (raw === '' || !Number.isFinite(pct) || pct < 0 || pct > 100) return { problem: 'Give a probability from 0 to 100 %.' };
    return { telegram: r.telegram, request: r.request, position: pos.value, probability: pct / 100, text: $('reply-text').value };
  }

  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(() => {
      const f = replyFields();
      // With no request left (it was just answered), the last draft stays as it went out.
      if (!findReq($('reply-request').value)) return;
      $('preview-pane').hidden = false;
      if (f.problem) { $('preview').textContent = f.problem + ' The draft appears here.'; return; }
      conn.send(Object.assign({ type: 'preview' }, f));
    }, 250);
  }

  function renderPreview(segments) {
    $('preview-pane').hidden = activeTab() !== 'reply';
    D.renderSegments($('preview'), segments);
  }

  // 'input' only: a textarea's 'change' fires on blur, i.e. when Send is clicked, and would
  // redraw the preview from a form the server has just answered.
  $('reply-form').addEventListener('input', (ev) => {
    if (ev.target.id === 'reply-request' && view) renderReply(view.requests || []);
    schedulePreview();
  });
  $('reply-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = replyFields();
    if (f.problem) { D.setStatus($('reply-status'), 'error', f.problem); return; }
    cmd.send(Object.assign({ type: 'reply' }, f), $('reply-status'), 'sending the reply');
  });

  function renderDecide(decisions) {
    $('decide-form').hidden = decisions.length === 0;
    D.fillSelect($('decide-request'), decisions.map((r) => ({ value: reqKey(r), label: reqLabel(r) })));
    const r = findReq($('decide-request').value);
    $('decide-question').textContent = ask(r);
    D.fillSelect($('decide-option'), r ? (r.options || []).map(D.choice) : []);
  }
  $('decide-request').addEventListener('change', () => view && renderDecide((view.requests || []).filter((r) => r.kind === 'decision')));
  $('decide-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const r = findReq($('decide-request').value);
    if (!r || !$('decide-option').value) { D.setStatus($('decide-status'), 'error', 'Choose a request and a choice.'); return; }
    cmd.send({ type: 'decide', telegram: r.telegram, request: r.request, option: $('decide-option').value }, $('decide-status'), 'deciding');
  });

  function renderRecommend(votes) {
    $('recommend-form').hidden = votes.length === 0;
    D.fillSelect($('recommend-vote'), votes.map((v) => ({ value: String(v.id), label: D.pick(v, 'title', 'label', 'id') })));
  }
  $('recommend-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const press = document.querySelector('input[name=press]:checked');
    if (!$('recommend-vote').value || !press) { D.setStatus($('recommend-status'), 'error', 'Choose a vote and yes or no.'); return; }
    cmd.send({ type: 'recommend', vote: $('recommend-vote').value, press: press.value === 'yes', text: $('recommend-text').value },
      $('recommend-status'), 'sending the recommendation');
  });

  // --- call, map ------------------------------------------------------------------------

  function renderCall(leaders, exhibits) {
    D.fillSelect($('call-leader'), leaders.map((l) => ({ value: D.pick(l, 'see', 'id'), label: D.pick(l, 'name', 'label', 'see', 'id') })));
    $('call-send').disabled = leaders.length === 0;
    D.fillChoices($('call-exhibits'), 'Show the material', exhibits.map(D.choice), 'checkbox', 'exhibit', 'No material to show.');
  }
  $('call-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!$('call-leader').value) { D.setStatus($('call-status'), 'error', 'Choose whom to see.'); return; }
    const show = [...$('call-exhibits').querySelectorAll('input:checked')].map((x) => x.value);
    cmd.send({ type: 'call', see: $('call-leader').value, show, issue: null }, $('call-status'), 'calling');
  });

  const cls = (word) => String(word).toLowerCase().replace(/[^a-z]/g, '');
  // The window's colours: the low end of the issue's scale red, the high end blue, unknown grey.
  function positionColour(index, of) {
    const t = of <= 1 ? 1 : index / (of - 1);
    const low = [0xc0, 0x4a, 0x3c], high = [0x3a, 0x6e, 0xc0];
    return 'rgb(' + low.map((l, i) => Math.round(l + (high[i] - l) * t)).join(',') + ')';
  }
  // The part of the globe shown, as in the window: from Washington to Cape Horn.
  const WEST = -120, EAST = -32, NORTH = 50, SOUTH = -56;
  const SVG = 'http://www.w3.org/2000/svg';
  let shapes = null;
  function drawMap(rows) {
    const box = $('map-svg');
    if (!shapes) {
      shapes = fetch('/static/americas.json').then((r) => r.json()).catch(() => null);
    }
    shapes.then((data) => {
      if (!data) return;
      const w = (EAST - WEST) * 0.93, h = NORTH - SOUTH;
      const svg = document.createElementNS(SVG, 'svg');
      svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const c of data.countries) {
        const row = c.id ? byId.get(c.id) : null;
        const d = c.rings.map((ring) => 'M' + ring.map(([lon, lat]) =>
          ((lon - WEST) / (EAST - WEST) * w).toFixed(2) + ',' + ((NORTH - lat) / h * h).toFixed(2)).join('L') + 'Z').join('');
        const path = document.createElementNS(SVG, 'path');
        path.setAttribute('d', d);
        path.setAttribute('class', row ? 'country' : 'context');
        if (row) {
          path.style.fill = row.index == null ? '#8a8d91' : positionColour(row.index, row.of);
          const title = document.createElementNS(SVG, 'title');
          title.textContent = `${row.government}: ${row.position == null ? 'unknown' : row.position} (${row.detail})`;
          path.appendChild(title);
        }
        svg.appendChild(path);
      }
      box.replaceChildren(svg);
    });
  }
  function renderMap(rows) {
    $('map-question').textContent = view && view.map_question ? "Coloured by: " + view.map_question : '';
    drawMap(rows);
    $('map-rows').replaceChildren(...rows.map((r) => D.h('tr', {},
      D.h('th', { scope: 'row', text: String(r.government || '') }),
      D.h('td', {}, D.h('span', { class: 'kind kind-' + cls(r.kind || ''), text: String(r.kind || '') })),
      D.h('td', { text: r.position == null ? '—' : String(r.position) }),
      D.h('td', { text: String(r.detail || '') }))));
  }

  // --- tabs and keys --------------------------------------------------------------------

  const activeTab = () => (document.querySelector('[role=tab][aria-selected=true]') || {}).dataset?.tab;
  function selectTab(name, focus) {
    for (const t of TABS) {
      const on = t === name;
      $('tab-' + t).setAttribute('aria-selected', on ? 'true' : 'false');
      $('tab-' + t).tabIndex = on ? 0 : -1;
      $('panel-' + t).hidden = !on;
    }
    $('preview-pane').hidden = name !== 'reply' || $('preview').textContent === '';
    if (focus) $('tab-' + name).focus();
  }
  document.querySelector('.tabs').addEventListener('click', (ev) => ev.target.closest('[role=tab]') && selectTab(ev.target.closest('[role=tab]').dataset.tab));
  document.querySelector('.tabs').addEventListener('keydown', (ev) => {
    if (ev.key !== 'ArrowRight' && ev.key !== 'ArrowLeft') return;
    const shown = TABS.filter((t) => !$('tab-' + t).hidden);
    const i = shown.indexOf(activeTab());
    selectTab(shown[(i + (ev.key === 'ArrowRight' ? 1 : shown.length - 1)) % shown.length], true);
  });

  document.addEventListener('keydown', (ev) => {
    if (phase !== 'game' || ev.ctrlKey || ev.metaKey || ev.altKey || D.typing(ev.target)) return;
    const inTray = ev.target.classList && ev.target.classList.contains('tray-item');
    if (ev.key === 'j' || (inTray && ev.key === 'ArrowDown')) { ev.preventDefault(); moveCursor(1); }
    else if (ev.key === 'k' || (inTray && ev.key === 'ArrowUp')) { ev.preventDefault(); moveCursor(-1); }
    else if (ev.key === 'Enter' && (ev.target === document.body || !ev.target.closest)) {
      const b = $('tray').querySelector('.tray-item[data-cable="' + cursor + '"]');
      if (b) { ev.preventDefault(); b.click(); }
    } else if (/^[1-5]$/.test(ev.key)) {
      const t = TABS[Number(ev.key) - 1];
      if (!$('tab-' + t).hidden) { ev.preventDefault(); selectTab(t, true); }
    }
  });

  D.installTooltips();
  selectTab('reply');
  loadClass();
  if (phase === 'form') showForm();
  else $('boot').textContent = 'Rejoining your post…';
})();
