// Shared by the student page and the instructor console: the line to the server, the
// teleprinter renderer with its glossary tooltips, and small DOM helpers.
// Every piece of text that comes from the server goes in through textContent or a text node:
// students type into the same world other students read, so nothing is ever parsed as HTML.
'use strict';

(function () {
  const MIN_DELAY = 500;
  const MAX_DELAY = 5000;

  // Opens /ws and keeps it open. `hello()` returns the message that tells the server who we
  // are (join, rejoin, console); it is called on every (re)connection because the server
  // forgets a socket once it drops.
  function connect({ hello, onMessage, status, onDrop }) {
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws';
    let ws = null;
    let delay = MIN_DELAY;
    let everOpen = false;

    function show(state, text) {
      if (!status) return;
      status.textContent = text;
      status.dataset.state = state;
    }

    function open() {
      show(everOpen ? 'reconnecting' : 'connecting', everOpen ? 'reconnecting…' : 'connecting…');
      ws = new WebSocket(url);
      ws.onopen = () => {
        everOpen = true;
        show('connected', 'connected');
        const first = hello();
        if (first) send(first);
      };
      ws.onmessage = (ev) => {
        // The delay resets only once the server has spoken, so a server that accepts and
        // then closes at once is not hammered twice a second.
        delay = MIN_DELAY;
        let msg;
        try { msg = JSON.parse(ev.data); } catch (_) { return; }
        if (msg && typeof msg.type === 'string') onMessage(msg);
      };
      ws.onclose = () => {
        show('reconnecting', 'reconnecting…');
        if (onDrop) onDrop();
        setTimeout(open, delay);
        delay = Math.min(delay * 2, MAX_DELAY);
      };
      ws.onerror = () => { /* a close event always follows; it does the retry */ };
    }

    function send(obj) {
      if (!ws || ws.readyState !== WebSocket.OPEN) return false;
      ws.send(JSON.stringify(obj));
      return true;
    }

    open();
    return { send };
  }

  // Shows one command's fate in a status line. data-state and data-seq let tests (and CSS)
  // tell a fresh answer from an old one with the same words.
  function setStatus(el, state, text) {
    if (!el) return;
    const mark = state === 'ok' ? '✓ ' : state === 'error' ? '✗ ' : '';
    el.textContent = mark + text;
    el.dataset.state = state;
    el.dataset.seq = String(Number(el.dataset.seq || 0) + 1);
  }

  // Numbers commands and routes each ack back to the status line of the form that sent it.
  function commander(getConn) {
    let next = 0;
    const pending = new Map();
    return {
      send(msg, statusEl, what) {
        next += 1;
        const cmd = Object.assign({ type: msg.type, id: next }, msg);
        if (!getConn().send(cmd)) {
          setStatus(statusEl, 'error', 'not connected: wait for "connected" and send again');
          return null;
        }
        pending.set(next, statusEl);
        setStatus(statusEl, 'pending', what + '…');
        return next;
      },
      ack(msg) {
        const el = pending.get(msg.id);
        if (el === undefined) return false;
        pending.delete(msg.id);
        if (msg.error != null) setStatus(el, 'error', String(msg.error));
        else setStatus(el, 'ok', msg.ok != null ? String(msg.ok) : 'done');
        return true;
      },
      // A command in flight when the line dropped may or may not have arrived; say so
      // rather than leave "sending…" forever.
      dropped() {
        for (const el of pending.values()) {
          setStatus(el, 'error', 'the line dropped before an answer came; check before sending again');
        }
        pending.clear();
      },
    };
  }

  // Renders the server's segments as a teleprinter page. A glossary term becomes an <abbr>
  // that keyboard users can focus to read its meaning.
  function renderSegments(pre, segments) {
    const frag = document.createDocumentFragment();
    for (const seg of segments || []) {
      const text = seg && seg.text != null ? String(seg.text) : '';
      if (seg && seg.term) {
        const abbr = document.createElement('abbr');
        abbr.className = 'term';
        abbr.dataset.testid = 'term';
        abbr.dataset.term = String(seg.term);
        abbr.title = seg.meaning != null ? String(seg.meaning) : String(seg.term);
        abbr.tabIndex = 0;
        abbr.textContent = text;
        frag.appendChild(abbr);
      } else {
        frag.appendChild(document.createTextNode(text));
      }
    }
    pre.replaceChildren(frag);
  }

  // One floating tooltip for all terms: CSS ::after tooltips get clipped by the scrolling
  // <pre>, and a native title never shows on keyboard focus.
  function installTooltips() {
    const tip = document.createElement('div');
    tip.id = 'tip';
    tip.setAttribute('role', 'tooltip');
    tip.hidden = true;
    document.body.appendChild(tip);
    let current = null;

    function showFor(el) {
      if (current === el) return;
      hide();
      current = el;
      // The native title would pop up over ours after a second; park it while ours shows.
      el.dataset.title = el.title;
      el.removeAttribute('title');
      const head = document.createElement('strong');
      head.textContent = el.dataset.term || el.textContent;
      tip.replaceChildren(head, document.createTextNode(' — ' + el.dataset.title));
      tip.hidden = false;
      el.setAttribute('aria-describedby', 'tip');
      const r = el.getBoundingClientRect();
      const w = tip.offsetWidth;
      const h = tip.offsetHeight;
      const left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8));
      const below = r.bottom + 6;
      const top = below + h > window.innerHeight - 8 ? Math.max(8, r.top - h - 6) : below;
      tip.style.left = left + 'px';
      tip.style.top = top + 'px';
    }

    function hide() {
      if (!current) return;
      if (current.dataset.title != null) current.title = current.dataset.title;
      current.removeAttribute('aria-describedby');
      current = null;
      tip.hidden = true;
    }

    const termOf = (ev) => (ev.target.closest ? ev.target.closest('.term') : null);
    document.addEventListener('mouseover', (ev) => { const t = termOf(ev); if (t) showFor(t); });
    document.addEventListener('mouseout', (ev) => {
      const t = termOf(ev);
      if (t && t === current && t !== document.activeElement && !t.contains(ev.relatedTarget)) hide();
    });
    document.addEventListener('focusin', (ev) => { const t = termOf(ev); if (t) showFor(t); else hide(); });
    document.addEventListener('focusout', (ev) => { if (termOf(ev) === current) hide(); });
    document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') hide(); });
    window.addEventListener('scroll', hide, true);
  }

  // Builds an element; string children become text nodes, never markup.
  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v == null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k in el && typeof v !== 'string') el[k] = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) {
      if (c == null) continue;
      el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return el;
  }

  // Refills a <select> only when its choices changed, keeping the user's choice: views
  // arrive every few seconds and must not reset a half-filled form.
  function fillSelect(sel, items, placeholder) {
    const key = JSON.stringify([placeholder || '', items]);
    if (sel.dataset.key === key) return;
    const keep = sel.value;
    const opts = [];
    if (placeholder) opts.push(h('option', { value: '', text: placeholder }));
    for (const it of items) opts.push(h('option', { value: it.value, text: it.label }));
    sel.replaceChildren(...opts);
    sel.dataset.key = key;
    if (items.some((it) => it.value === keep)) sel.value = keep;
    sel.disabled = items.length === 0;
  }

  // The same for a fieldset of radios or checkboxes; the ticks the user made survive.
  function fillChoices(box, legend, items, type, name, empty) {
    const key = JSON.stringify(items);
    if (box.dataset.key === key) return;
    const keep = new Set([...box.querySelectorAll('input:checked')].map((x) => x.value));
    box.dataset.key = key;
    box.replaceChildren(h('legend', { text: legend }), ...items.map((x, i) => h('label', {},
      h('input', { type, name, value: x.value, id: name + '-' + i, 'data-testid': name, checked: keep.has(x.value) }),
      x.label)));
    if (!items.length && empty) box.appendChild(h('p', { class: 'hint', text: empty }));
  }

  // The first of `keys` that `obj` has, as text: the protocol's document names some fields
  // (see/name, title, question) that the server's shared {id, label} shape also covers.
  function pick(obj, ...keys) {
    for (const k of keys) if (obj && obj[k] != null) return String(obj[k]);
    return '';
  }

  // Options and positions may come as plain strings or as {id, label}.
  function choice(x) {
    if (x != null && typeof x === 'object') {
      const id = String(x.id != null ? x.id : x.label);
      return { value: id, label: String(x.label != null ? x.label : id) };
    }
    return { value: String(x), label: String(x) };
  }

  // Debrief cells whose shape the protocol leaves open (calibration, revealed) read as text.
  function fmt(v) {
    if (v == null) return '—';
    if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(3);
    if (Array.isArray(v)) return v.map(fmt).join('; ');
    if (typeof v === 'object') return Object.entries(v).map(([k, x]) => k + ': ' + fmt(x)).join(', ');
    return String(v);
  }

  function percent(p) {
    return typeof p === 'number' ? Math.round(p * 100) + '%' : '—';
  }

  // Single-key shortcuts must not eat letters typed into a field (a <select> takes letters
  // too, to jump to an option); radios, checkboxes and buttons leave them free.
  const KEYLESS = new Set(['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color']);
  function typing(target) {
    const el = target || document.activeElement;
    if (!el || !el.tagName) return false;
    if (el.tagName === 'INPUT') return !KEYLESS.has(el.type);
    return el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
  }

  window.Demarche = { connect, commander, setStatus, renderSegments, installTooltips, h, fillSelect, fillChoices, pick, choice, fmt, percent, typing };
})();
