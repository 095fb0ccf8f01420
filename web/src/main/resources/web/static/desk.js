// The desk's live updates (docs/console.md): rows and lines arrive as Server-Sent Events and JSON and are put in
// with textContent only, never as markup, so nothing a partner writes can become part of the page.
'use strict';
(function () {
  const desk = document.getElementById('desk');
  // the networks' health and the held drafts: on the desk and, for supervisors, on the dashboard
  const live = document.getElementById('live');
  if ((!desk && !live) || typeof EventSource === 'undefined') {
    return;
  }
  const followed = desk || live;
  const lines = document.getElementById('lines');

  function cell(tag, value, className) {
    const el = document.createElement(tag);
    el.textContent = value === null || value === undefined ? '' : String(value);
    if (className) {
      el.className = className;
    }
    return el;
  }

  function stateText(row) {
    return row.stateLabel + (row.operator ? ' by ' + row.operator : '');
  }

  function showCues(el, cues) {
    el.replaceChildren(...cues.map((cue) => cell('span', cue, 'cue')));
  }

  function newRow(row) {
    const tr = document.createElement('tr');
    tr.dataset.conversation = String(row.id);
    const link = document.createElement('a');
    link.href = '/desk/' + encodeURIComponent(String(row.id));
    link.textContent = '#' + row.id;
    const first = document.createElement('td');
    first.append(link);
    tr.append(first, cell('td', row.partner, 'partner'), cell('td', row.network), cell('td', row.persona),
      cell('td', '', 'state'), cell('td', '', 'cues'), cell('td', '', 'lines'), cell('td', '', 'last'));
    return tr;
  }

  function placeRow(row) {
    const tr = desk.querySelector('tr[data-conversation="' + Number(row.id) + '"]') || newRow(row);
    tr.querySelector('.state').textContent = stateText(row);
    showCues(tr.querySelector('.cues'), row.cues);
    tr.querySelector('.lines').textContent = String(row.lines);
    tr.querySelector('.last').textContent = row.last;
    tr.classList.toggle('alert', row.cues.length > 0);
    tr.classList.add('fresh');
    const body = desk.querySelector('tbody[data-state="' + row.state + '"]');
    if (body) {
      body.prepend(tr);
    }
  }

  function showHealth(connections) {
    const box = document.getElementById('health');
    if (!box) {
      return;
    }
    if (connections.length === 0) {
      box.replaceChildren(cell('p', 'None.', 'hint'));
      return;
    }
    const list = document.createElement('ul');
    list.className = 'health';
    for (const c of connections) {
      list.append(cell('li', c.persona + ' on ' + c.network + ': ' + (c.connected ? 'connected' : 'down'),
        c.connected ? 'up' : 'down'));
    }
    box.replaceChildren(list);
  }

  function button(value, label) {
    const b = cell('button', label);
    b.type = 'submit';
    b.name = 'action';
    b.value = value;
    return b;
  }

  // a supervisor's decision form, with the session's token as the page's other forms carry it
  function decision(draft) {
    const form = document.createElement('form');
    form.method = 'post';
    form.action = '/desk/drafts/' + encodeURIComponent(String(Number(draft)));
    form.className = 'decision';
    const token = document.createElement('input');
    token.type = 'hidden';
    token.name = '_csrf';
    const known = document.querySelector('input[name="_csrf"]');
    token.value = known ? known.value : '';
    const note = document.createElement('input');
    note.type = 'text';
    note.name = 'note';
    note.placeholder = 'note';
    note.maxLength = 500;
    form.append(token, note, button('approve', 'Approve and send'), button('reject', 'Reject'));
    const td = document.createElement('td');
    td.append(form);
    return td;
  }

  function showHeld(drafts) {
    const box = document.getElementById('held');
    if (!box) {
      return;
    }
    if (drafts.length === 0) {
      const none = cell('p', 'No draft waits for a supervisor.', 'hint');
      none.id = 'no-held';
      box.replaceChildren(none);
      return;
    }
    const supervisor = live && live.dataset.supervisor === 'yes';
    const table = document.createElement('table');
    table.className = 'held';
    const head = document.createElement('tr');
    for (const title of ['Draft', 'Conversation', 'By', 'Draft text', 'Why held', 'Held at (UTC)']
      .concat(supervisor ? ['Decision'] : [])) {
      head.append(cell('th', title));
    }
    const thead = document.createElement('thead');
    thead.append(head);
    const body = document.createElement('tbody');
    for (const h of drafts) {
      const tr = document.createElement('tr');
      tr.dataset.draft = String(Number(h.draft));
      const link = document.createElement('a');
      link.href = '/desk/' + encodeURIComponent(String(Number(h.conversation)));
      link.textContent = '#' + Number(h.conversation);
      const where = document.createElement('td');
      where.append(link);
      tr.append(cell('td', '#' + Number(h.draft)), where, cell('td', h.author), cell('td', h.text, 'text'),
        cell('td', h.why), cell('td', h.at));
      if (supervisor) {
        tr.append(decision(h.draft));
      }
      tr.classList.add('fresh');
      body.append(tr);
    }
    table.append(thead, body);
    box.replaceChildren(table);
  }

  let fetching = false;
  let again = false;

  function addLine(line) {
    const tr = document.createElement('tr');
    tr.className = line.event ? 'event' : (line.partner ? 'partner fresh' : 'persona');
    tr.append(cell('td', line.event ? '' : line.seq), cell('td', line.time), cell('td', line.who),
      cell('td', line.event ? line.sender + ' ' + line.text : line.text, 'text'));
    lines.append(tr);
  }

  async function refreshChat() {
    if (fetching) {
      again = true;
      return;
    }
    fetching = true;
    try {
      do {
        again = false;
        const url = '/desk/' + Number(lines.dataset.conversation) + '/lines?after=' + Number(lines.dataset.after);
        const answer = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        if (!answer.ok) {
          return;
        }
        const found = await answer.json();
        for (const line of found.lines) {
          addLine(line);
          lines.dataset.after = String(Math.max(Number(lines.dataset.after), line.seq));
        }
        document.getElementById('state').textContent = stateText(found.row);
        showCues(document.getElementById('cues'), found.row.cues);
      } while (again);
    } finally {
      fetching = false;
    }
  }

  const source = new EventSource('/desk/events');
  // says when the page follows the desk (and when it lost it: the browser reconnects on its own)
  source.addEventListener('open', () => {
    followed.dataset.stream = 'open';
  });
  source.addEventListener('error', () => {
    followed.dataset.stream = 'lost';
  });
  source.addEventListener('conversation', (event) => {
    const row = JSON.parse(event.data);
    if (lines) {
      if (String(row.id) === lines.dataset.conversation) {
        refreshChat();
      }
    } else if (desk) {
      placeRow(row);
    }
  });
  source.addEventListener('health', (event) => {
    showHealth(JSON.parse(event.data));
  });
  source.addEventListener('held', (event) => {
    showHeld(JSON.parse(event.data));
  });
})();
