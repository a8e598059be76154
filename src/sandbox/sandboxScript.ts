/**
 * The sandbox page's script: plain browser JavaScript, no framework. It polls
 * /sandbox/api/state every second and renders Slack's Block Kit and mrkdwn. Everything the
 * app or a person wrote is escaped before it becomes HTML: `esc()` is the only way text
 * enters markup, and links are kept only for http(s) and mailto URLs.
 * (Written without template literals so it can live in this String.raw.)
 */
export const SANDBOX_SCRIPT = String.raw`
(function () {
  'use strict';
  var state = null;
  var viewer = null;
  var channel = null;
  var rendered = { timeline: '', docs: '', issues: '', channels: '', modal: '', errors: '' };
  var formControls = [];
  var $ = function (id) { return document.getElementById(id); };
  var BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var EMOJI = { memo: '📝', warning: '⚠️', white_check_mark: '✅', x: '❌', zzz: '💤', telephone_receiver: '📞',
    spiral_calendar_pad: '🗓️', calendar: '📆', no_entry_sign: '🚫', link: '🔗', hourglass_flowing_sand: '⏳',
    wave: '👋', tada: '🎉', bell: '🔔', clipboard: '📋', pushpin: '📌', date: '📅', alarm_clock: '⏰',
    busts_in_silhouette: '👥', heavy_check_mark: '✔️', information_source: 'ℹ️', arrows_counterclockwise: '🔄' };

  function esc(s) {
    return String(s == null ? '' : s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }
  // Slack escapes only these three in message text.
  function decode(s) { return String(s).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'); }
  function emoji(html) {
    return html.replace(/:([a-z0-9_+-]+):/g, function (whole, name) { return EMOJI[name] || whole; });
  }
  function userName(id) {
    var u = state && state.users.find(function (x) { return x.id === id; });
    return u ? u.name : id;
  }
  function channelName(id) {
    var c = state && state.channels.find(function (x) { return x.id === id; });
    return c ? c.name : id;
  }
  function sandboxNow() { return state ? new Date(state.clock) : new Date(); }

  // ---- time, as Slack's <!date^…> shows it: in the reader's own zone (here: the browser's)
  function fmt(d, o) { return new Intl.DateTimeFormat(undefined, o).format(d); }
  function dayKey(d) { return fmt(d, { year: 'numeric', month: '2-digit', day: '2-digit' }); }
  function pretty(d, fallback) {
    var now = sandboxNow();
    var day = 24 * 3600 * 1000;
    if (dayKey(d) === dayKey(now)) return 'today';
    if (dayKey(d) === dayKey(new Date(now.getTime() + day))) return 'tomorrow';
    if (dayKey(d) === dayKey(new Date(now.getTime() - day))) return 'yesterday';
    return fallback;
  }
  function slackDate(unix, format) {
    var d = new Date(Number(unix) * 1000);
    if (isNaN(d.getTime())) return null;
    var parts = {
      date_num: fmt(d, { year: 'numeric', month: '2-digit', day: '2-digit' }),
      date: fmt(d, { year: 'numeric', month: 'long', day: 'numeric' }),
      date_short: fmt(d, { year: 'numeric', month: 'short', day: 'numeric' }),
      date_long: fmt(d, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }),
      time: fmt(d, { hour: 'numeric', minute: '2-digit' }),
      time_secs: fmt(d, { hour: 'numeric', minute: '2-digit', second: '2-digit' })
    };
    parts.date_pretty = pretty(d, parts.date);
    parts.date_short_pretty = pretty(d, parts.date_short);
    parts.date_long_pretty = pretty(d, parts.date_long);
    var mins = Math.round((d.getTime() - sandboxNow().getTime()) / 60000);
    var rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
    parts.ago = Math.abs(mins) < 60 ? rtf.format(mins, 'minute')
      : Math.abs(mins) < 48 * 60 ? rtf.format(Math.round(mins / 60), 'hour') : rtf.format(Math.round(mins / 1440), 'day');
    return format.replace(/\{(\w+)\}/g, function (whole, name) { return parts[name] || whole; });
  }

  // ---- mrkdwn
  function token(t) {
    var bar = t.indexOf('|');
    var head = bar === -1 ? t : t.slice(0, bar);
    var label = bar === -1 ? '' : t.slice(bar + 1);
    if (head.charAt(0) === '@') return '<span class="mention">@' + esc(label || userName(head.slice(1))) + '</span>';
    if (head.charAt(0) === '#') return '<span class="mention">#' + esc(label || channelName(head.slice(1))) + '</span>';
    if (head.indexOf('!date^') === 0) {
      var spec = head.slice(6).split('^');
      var shown = slackDate(spec[0], spec[1] || '{date}');
      if (shown === null) return esc(decode(label));
      return '<span class="date" title="' + esc(decode(label)) + '">' + esc(shown) + '</span>';
    }
    if (head.charAt(0) === '!') return '<span class="mention">@' + esc(label || head.slice(1).split('^')[0]) + '</span>';
    var url = decode(head);
    if (/^(https?:|mailto:)/i.test(url)) {
      return '<a href="' + esc(url) + '" target="_blank" rel="noopener noreferrer">' + esc(decode(label || head)) + '</a>';
    }
    return esc(decode('<' + t + '>'));
  }
  function inline(text) {
    var parts = [];
    var keep = function (html) { parts.push(html); return '\u0000' + (parts.length - 1) + '\u0000'; };
    var s = String(text).replace(/\u0000/g, '')
      .replace(/\x60\x60\x60([\s\S]*?)\x60\x60\x60|\x60([^\x60\n]+)\x60|<([^<>\n]+)>/g, function (w, pre, code, tok) {
        if (pre !== undefined) return keep('<pre>' + esc(decode(pre.replace(/^\n/, ''))) + '</pre>');
        if (code !== undefined) return keep('<code>' + esc(decode(code)) + '</code>');
        return keep(token(tok));
      });
    var html = esc(decode(s))
      .replace(/(^|[\s(\u0000])\*(?!\s)([^*\n]+?)\*(?=$|[\s.,!?:;)\u0000])/g, '$1<b>$2</b>')
      .replace(/(^|[\s(\u0000])_(?!\s)([^_\n]+?)_(?=$|[\s.,!?:;)\u0000])/g, '$1<i>$2</i>')
      .replace(/(^|[\s(\u0000])~(?!\s)([^~\n]+?)~(?=$|[\s.,!?:;)\u0000])/g, '$1<s>$2</s>');
    html = emoji(html).replace(/\n/g, '<br>');
    return html.replace(/\u0000(\d+)\u0000/g, function (w, i) { return parts[Number(i)]; });
  }
  function mrkdwn(src) {
    var lines = String(src == null ? '' : src).split('\n');
    var out = [];
    var group = [];
    var quoted = false;
    var flush = function () {
      if (group.length === 0) return;
      var html = inline(group.join('\n'));
      out.push(quoted ? '<blockquote>' + html + '</blockquote>' : html);
      group = [];
    };
    lines.forEach(function (line) {
      var q = /^(>|&gt;)/.test(line);
      if (q !== quoted) { flush(); quoted = q; }
      group.push(q ? line.replace(/^(>|&gt;) ?/, '') : line);
    });
    flush();
    return out.join(quoted ? '' : '<br>').replace(/<br><blockquote>/g, '<blockquote>').replace(/<\/blockquote><br>/g, '</blockquote>');
  }
  function textObject(o) {
    if (!o) return '';
    if (typeof o === 'string') return mrkdwn(o);
    return o.type === 'mrkdwn' ? mrkdwn(o.text) : emoji(esc(o.text)).replace(/\n/g, '<br>');
  }
  function plain(o) { return o ? (typeof o === 'string' ? o : o.text || '') : ''; }

  // ---- Block Kit
  function element(e, entryKey, blockId) {
    if (!e) return '';
    if (e.type === 'button') {
      var cls = 'btn' + (e.style ? ' ' + esc(e.style) : '');
      if (e.url) return '<a class="' + cls + '" href="' + (/^https?:/i.test(e.url) ? esc(e.url) : '#') + '" target="_blank" rel="noopener noreferrer">' + esc(plain(e.text)) + '</a>';
      return '<button type="button" class="' + cls + '" data-entry="' + esc(entryKey) + '" data-block="' + esc(blockId || '') +
        '" data-action="' + esc(e.action_id || '') + '" data-value="' + esc(e.value == null ? '' : e.value) + '"' +
        (e.value == null ? ' data-novalue="1"' : '') + '>' + emoji(esc(plain(e.text))) + '</button>';
    }
    if (e.type === 'image') return '<span class="unsupported">[image: ' + esc(e.alt_text) + ']</span>';
    return '<span class="unsupported">[' + esc(e.type) + ' (not shown in the sandbox)]</span>';
  }
  function blocks(list, entryKey) {
    return (list || []).map(function (b) {
      switch (b.type) {
        case 'header': return '<div class="b-header">' + textObject(b.text) + '</div>';
        case 'divider': return '<hr>';
        case 'section':
          return '<div class="b-section"><div>' + textObject(b.text) +
            (b.fields ? '<div class="b-fields">' + b.fields.map(function (f) { return '<div>' + textObject(f) + '</div>'; }).join('') + '</div>' : '') +
            '</div>' + (b.accessory ? '<div>' + element(b.accessory, entryKey, b.block_id) + '</div>' : '') + '</div>';
        case 'context':
          return '<div class="b-context">' + (b.elements || []).map(function (e) {
            return e.type === 'image' ? '' : textObject(e);
          }).join(' · ') + '</div>';
        case 'actions':
          return '<div class="b-actions">' + (b.elements || []).map(function (e) { return element(e, entryKey, b.block_id); }).join('') + '</div>';
        case 'image': return '<div class="unsupported">[image: ' + esc(b.alt_text) + ']</div>';
        default: return '';
      }
    }).join('');
  }

  // ---- the channel
  function visible(e) {
    if (e.channel !== channel) return false;
    return e.kind === 'bot' || e.kind === 'public' || e.user === viewer;
  }
  function renderMessages() {
    var list = state.timeline.filter(visible);
    var key = JSON.stringify([viewer, channel, list, Math.floor(Date.parse(state.clock) / 60000)]);
    if (key === rendered.timeline) return;
    rendered.timeline = key;
    var box = $('messages');
    var atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
    if (list.length === 0) {
      box.innerHTML = '<div class="empty">No messages yet. Try <code>/agenda add Review the spec</code> below, then jump the clock.</div>';
      return;
    }
    box.innerHTML = list.map(function (e) {
      if (e.kind === 'command') {
        return '<div class="msg command" data-testid="command"><span class="who">' + esc(userName(e.user)) + '</span> used <code>' +
          esc(e.text) + '</code><span class="only">Only visible to you</span></div>';
      }
      var thread = e.threadTs && e.threadTs !== e.ts;
      var body = e.blocks && e.blocks.length ? blocks(e.blocks, e.key) : mrkdwn(e.text);
      return '<div class="msg ' + (e.kind === 'ephemeral' ? 'ephemeral' : 'bot') + (thread ? ' thread' : '') +
        '" data-testid="' + (e.kind === 'ephemeral' ? 'ephemeral' : 'message') + '"><span class="who">gavel</span><span class="app">APP</span>' +
        (e.kind === 'ephemeral' ? '<span class="only">Only visible to you</span>' : '') +
        (thread ? '<span class="only">in a thread</span>' : '') + '<div class="body">' + body + '</div></div>';
    }).join('');
    if (atBottom || !renderMessages.once) box.scrollTop = box.scrollHeight;
    renderMessages.once = true;
  }
  function describeNext(group) {
    if (!group) return 'No working group uses this channel.';
    var next = group.next;
    var when = next ? fmt(new Date(next.startsAt), { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }) : null;
    return group.name + ' · ' + (next ? 'next: ' + next.title + ', ' + when + ' (your time, ' + BROWSER_ZONE + ')' : 'no meeting planned');
  }
  function renderChannels() {
    var ids = state.channels.map(function (c) { return c.id; });
    state.timeline.forEach(function (e) { if (e.channel && ids.indexOf(e.channel) === -1) ids.push(e.channel); });
    if (!channel || ids.indexOf(channel) === -1) channel = ids[0];
    var key = JSON.stringify([channel, state.channels, ids]);
    if (key !== rendered.channels) {
      rendered.channels = key;
      $('channels').innerHTML = ids.map(function (id) {
        var c = state.channels.find(function (x) { return x.id === id; });
        var label = c ? '# ' + c.name : '@ ' + userName(id);
        return '<button type="button" data-channel="' + esc(id) + '"' + (id === channel ? ' class="active"' : '') + '>' + esc(label) +
          (c && c.group ? '<small>' + esc(c.group.name) + '</small>' : '') + '</button>';
      }).join('');
    }
    var current = state.channels.find(function (x) { return x.id === channel; });
    $('channel-name').textContent = current ? '#' + current.name : 'Direct messages';
    $('channel-info').textContent = describeNext(current && current.group);
  }

  // ---- side panes
  function renderDocs() {
    var key = JSON.stringify(state.docs);
    if (key === rendered.docs) return;
    rendered.docs = key;
    $('docs').innerHTML = state.docs.length === 0 ? '<div class="empty">No group keeps minutes in Google Docs.</div>' :
      state.docs.map(function (d) {
        return '<details class="card" open data-testid="doc"><summary class="title">' + esc(d.name) + '</summary><div class="meta">' +
          esc(d.group) + ' · doc id ' + esc(d.id) + '</div><pre>' + esc(d.text) + '</pre></details>';
      }).join('');
  }
  function renderIssues() {
    var key = JSON.stringify(state.issues);
    if (key === rendered.issues) return;
    rendered.issues = key;
    $('issues').innerHTML = state.issues.length === 0 ? '<div class="empty">No issues yet. Record an action item: <code>/todo @bob Write the blog post by Friday</code></div>' :
      state.issues.map(function (i) {
        return '<div class="card" data-testid="issue"><div class="title">' + esc(i.title) + '</div><div class="meta">' + esc(i.repo) + '#' + esc(i.number) +
          ' · <span class="state-' + esc(i.state) + '">' + esc(i.state) + '</span>' +
          (i.assignees.length ? ' · assigned to ' + esc(i.assignees.join(', ')) : '') + '</div><div>' +
          i.labels.map(function (l) { return '<span class="label">' + esc(l) + '</span>'; }).join('') + '</div>' +
          '<details><summary class="meta">body' + (i.comments.length ? ' and ' + i.comments.length + ' comment(s)' : '') + '</summary><pre>' +
          esc(i.body) + (i.comments.length ? '\n\n---\n' + esc(i.comments.join('\n---\n')) : '') + '</pre></details></div>';
      }).join('');
  }

  // ---- modals, rendered as forms; their values go back in Slack's view.state.values shape
  function optionsHtml(e, selectedValues) {
    var one = function (o) {
      return '<option value="' + esc(o.value) + '"' + (selectedValues.indexOf(o.value) !== -1 ? ' selected' : '') + '>' + esc(plain(o.text)) + '</option>';
    };
    if (e.option_groups) {
      return e.option_groups.map(function (g) { return '<optgroup label="' + esc(plain(g.label)) + '">' + g.options.map(one).join('') + '</optgroup>'; }).join('');
    }
    return (e.options || []).map(one).join('');
  }
  function allOptions(e) {
    if (e.option_groups) return [].concat.apply([], e.option_groups.map(function (g) { return g.options; }));
    return e.options || [];
  }
  function control(e, id) {
    var ph = e.placeholder ? ' placeholder="' + esc(plain(e.placeholder)) + '"' : '';
    var users = state.users.map(function (u) { return { value: u.id, text: u.name + ' (' + u.realName + ')' }; });
    var chans = state.channels.map(function (c) { return { value: c.id, text: '#' + c.name }; });
    switch (e.type) {
      case 'plain_text_input':
        return e.multiline
          ? '<textarea id="' + id + '"' + ph + (e.max_length ? ' maxlength="' + Number(e.max_length) + '"' : '') + '>' + esc(e.initial_value) + '</textarea>'
          : '<input type="text" id="' + id + '"' + ph + (e.max_length ? ' maxlength="' + Number(e.max_length) + '"' : '') + ' value="' + esc(e.initial_value) + '">';
      case 'number_input': return '<input type="number" id="' + id + '" value="' + esc(e.initial_value) + '">';
      case 'datepicker': return '<input type="date" id="' + id + '" value="' + esc(e.initial_date) + '">';
      case 'timepicker': return '<input type="time" id="' + id + '" value="' + esc(e.initial_time) + '">';
      case 'static_select':
        return '<select id="' + id + '"><option value="">' + esc(plain(e.placeholder) || 'Choose…') + '</option>' +
          optionsHtml(e, e.initial_option ? [e.initial_option.value] : []) + '</select>';
      case 'multi_static_select':
        return '<select multiple id="' + id + '">' + optionsHtml(e, (e.initial_options || []).map(function (o) { return o.value; })) + '</select>';
      case 'users_select':
        return '<select id="' + id + '"><option value="">Choose someone…</option>' + optionsHtml({ options: users.map(asOption) }, [e.initial_user]) + '</select>';
      case 'multi_users_select':
        return '<select multiple id="' + id + '">' + optionsHtml({ options: users.map(asOption) }, e.initial_users || []) + '</select>';
      case 'conversations_select': case 'channels_select':
        return '<select id="' + id + '"><option value="">Choose a channel…</option>' +
          optionsHtml({ options: chans.map(asOption) }, [e.initial_conversation || e.initial_channel]) + '</select>';
      case 'checkboxes': case 'radio_buttons':
        var chosen = (e.initial_options || (e.initial_option ? [e.initial_option] : [])).map(function (o) { return o.value; });
        return (e.options || []).map(function (o, k) {
          return '<label><input type="' + (e.type === 'checkboxes' ? 'checkbox' : 'radio') + '" name="' + id + '" id="' + id + '-' + k + '" value="' + esc(o.value) + '"' +
            (chosen.indexOf(o.value) !== -1 ? ' checked' : '') + '> ' + esc(plain(o.text)) + '</label><br>';
        }).join('');
      default: return '<span class="unsupported">[' + esc(e.type) + ' (not supported in the sandbox)]</span>';
    }
  }
  function asOption(o) { return { value: o.value, text: { type: 'plain_text', text: o.text } }; }
  function valueOf(c) {
    var e = c.element;
    var node = $(c.id);
    var selectedValues = function () { return node ? Array.prototype.map.call(node.selectedOptions, function (o) { return o.value; }) : []; };
    switch (e.type) {
      case 'plain_text_input': case 'number_input': return { type: e.type, value: node.value === '' ? null : node.value };
      case 'datepicker': return { type: e.type, selected_date: node.value || null };
      case 'timepicker': return { type: e.type, selected_time: node.value || null };
      case 'static_select':
        return { type: e.type, selected_option: allOptions(e).find(function (o) { return o.value === node.value; }) || null };
      case 'multi_static_select':
        return { type: e.type, selected_options: allOptions(e).filter(function (o) { return selectedValues().indexOf(o.value) !== -1; }) };
      case 'users_select': return { type: e.type, selected_user: node.value || null };
      case 'multi_users_select': return { type: e.type, selected_users: selectedValues() };
      case 'conversations_select': return { type: e.type, selected_conversation: node.value || null };
      case 'channels_select': return { type: e.type, selected_channel: node.value || null };
      case 'checkboxes': case 'radio_buttons':
        var picked = (e.options || []).filter(function (o, k) { var box = $(c.id + '-' + k); return box && box.checked; });
        return e.type === 'checkboxes' ? { type: e.type, selected_options: picked } : { type: e.type, selected_option: picked[0] || null };
      default: return { type: e.type };
    }
  }
  function renderModal() {
    var modal = state.modals.filter(function (m) { return m.user === viewer; }).slice(-1)[0];
    var key = modal ? JSON.stringify([modal.viewId, modal.view]) : '';
    var form = $('modal');
    if (key !== rendered.modal) {
      rendered.modal = key;
      rendered.errors = '';
      formControls = [];
      $('overlay').classList.toggle('open', Boolean(modal));
      if (!modal) { form.innerHTML = ''; return; }
      var v = modal.view;
      form.dataset.viewId = modal.viewId;
      form.innerHTML = '<h2>' + esc(plain(v.title)) + '</h2><div class="fields">' + (v.blocks || []).map(function (b, k) {
        var blockId = b.block_id || 'block-' + k;
        if (b.type !== 'input') return blocks([b], '');
        var e = b.element || {};
        var id = 'f-' + k;
        formControls.push({ id: id, blockId: blockId, actionId: e.action_id || 'action-' + k, element: e });
        return '<div class="input"><label for="' + id + '">' + esc(plain(b.label)) + (b.optional ? ' <span class="optional">(optional)</span>' : '') + '</label>' +
          control(e, id) + (b.hint ? '<div class="hint">' + esc(plain(b.hint)) + '</div>' : '') +
          '<div class="error" data-error-for="' + esc(blockId) + '"></div></div>';
      }).join('') + '<div class="error" data-error-for=""></div></div><div class="buttons"><button type="button" class="btn" id="modal-close">' +
        esc(plain(v.close) || 'Cancel') + '</button>' + (v.submit ? '<button type="submit" class="btn primary" id="modal-submit">' + esc(plain(v.submit)) + '</button>' : '') + '</div>';
      var first = form.querySelector('input, textarea, select');
      if (first) first.focus();
    }
    if (!modal) return;
    var errors = JSON.stringify(modal.errors || {});
    if (errors === rendered.errors) return;
    rendered.errors = errors;
    Array.prototype.forEach.call(form.querySelectorAll('[data-error-for]'), function (node) {
      node.textContent = (modal.errors || {})[node.getAttribute('data-error-for')] || '';
    });
  }

  // ---- talking to the server
  function api(path, body) {
    return fetch('/sandbox/api/' + path, body === undefined ? { cache: 'no-store' } : {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body)
    }).then(function (res) {
      return res.json().then(function (json) {
        if (!res.ok) throw new Error(json.error || ('HTTP ' + res.status));
        return json;
      });
    });
  }
  function render() {
    if (!viewer) viewer = state.users[0].id;
    var select = $('user-select');
    if (select.options.length !== state.users.length) {
      select.innerHTML = state.users.map(function (u) {
        return '<option value="' + esc(u.id) + '">' + esc(u.name + ' — ' + u.realName) + '</option>';
      }).join('');
      select.value = viewer;
    }
    $('clock').textContent = fmt(new Date(state.clock), { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit' }) + ' (' + BROWSER_ZONE + ')';
    renderChannels();
    renderMessages();
    renderDocs();
    renderIssues();
    renderModal();
  }
  function refresh() {
    return api('state').then(function (s) { state = s; render(); }).catch(function (err) {
      $('clock-status').textContent = 'sandbox unreachable: ' + err.message;
    });
  }
  function jump(body) {
    $('clock-status').textContent = 'moving the clock…';
    body.channel = channel;
    api('clock', body).then(function (r) {
      $('clock-status').textContent = r.jobsRun + ' job(s) ran';
      return refresh();
    }).catch(function (err) { $('clock-status').textContent = err.message; });
  }

  $('user-select').addEventListener('change', function (ev) { viewer = ev.target.value; refresh(); });
  $('channels').addEventListener('click', function (ev) {
    var b = ev.target.closest('button[data-channel]');
    if (b) { channel = b.getAttribute('data-channel'); renderMessages.once = false; render(); }
  });
  $('jump-next').addEventListener('click', function () { jump({ jumpTo: 'next-meeting-minus-10m' }); });
  $('jump-hour').addEventListener('click', function () { jump({ advanceMinutes: 60 }); });
  $('jump-day').addEventListener('click', function () { jump({ advanceMinutes: 1440 }); });
  $('composer').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var input = $('command-input');
    var text = input.value.trim();
    if (!text) return;
    $('composer-error').textContent = '';
    api('command', { user: viewer, channel: channel, text: text }).then(function () {
      input.value = '';
      return refresh();
    }).catch(function (err) { $('composer-error').textContent = err.message; });
  });
  var HINTS = ['/agenda add Review the CloudEvents 2.0 PR', '/agenda list', '/agenda', '/todo @bob Write the blog post by Friday',
    '/todo list', '/meeting next', '/meeting notes', '/agenda help'];
  $('hints').innerHTML = 'Try: ' + HINTS.map(function (h) { return '<button type="button">' + esc(h) + '</button>'; }).join('');
  $('hints').addEventListener('click', function (ev) {
    var b = ev.target.closest('button');
    if (b) { $('command-input').value = b.textContent; $('command-input').focus(); }
  });
  $('messages').addEventListener('click', function (ev) {
    var b = ev.target.closest('button[data-action]');
    if (!b) return;
    var body = { user: viewer, channel: channel, entryKey: b.getAttribute('data-entry'), actionId: b.getAttribute('data-action'),
      blockId: b.getAttribute('data-block') };
    if (!b.hasAttribute('data-novalue')) body.value = b.getAttribute('data-value');
    api('action', body).then(refresh).catch(function (err) { $('composer-error').textContent = err.message; });
  });
  $('modal').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var values = {};
    formControls.forEach(function (c) {
      values[c.blockId] = values[c.blockId] || {};
      values[c.blockId][c.actionId] = valueOf(c);
    });
    api('submit', { user: viewer, viewId: $('modal').dataset.viewId, values: values }).then(refresh)
      .catch(function (err) { var n = document.querySelector('[data-error-for=""]'); if (n) n.textContent = err.message; });
  });
  $('modal').addEventListener('click', function (ev) {
    if (ev.target.id !== 'modal-close') return;
    api('close', { user: viewer, viewId: $('modal').dataset.viewId }).then(refresh);
  });
  refresh();
  setInterval(refresh, 1000);
})();
`;
