// The desk's live updates (docs/console.md): rows and lines arrive as Server-Sent Events and JSON and are put in
// with textContent only, never as markup, so nothing a partner writes can become part of the page.
'use strict';
(function () {
  const desk = document.getElementById('desk');
  if (!desk || typeof EventSource === 'undefined') {
    return;
  }
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
    desk.dataset.stream = 'open';
  });
  source.addEventListener('error', () => {
    desk.dataset.stream = 'lost';
  });
  source.addEventListener('conversation', (event) => {
    const row = JSON.parse(event.data);
    if (!lines) {
      placeRow(row);
    } else if (String(row.id) === lines.dataset.conversation) {
      refreshChat();
    }
  });
})();
