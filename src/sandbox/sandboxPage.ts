import { SANDBOX_SCRIPT } from './sandboxScript.js';

/**
 * The sandbox page: one static HTML document with its style and script inline, so it is served
 * from memory as one response. The script is browser/sandboxClient.ts, compiled (see
 * sandboxScript.ts).
 */
const STYLE = String.raw`
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1d1c1d; background: #f8f8f8; display: flex; flex-direction: column; height: 100vh; }
header { flex: none; display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; padding: 10px 16px; background: #3f0e40; color: #fff; }
header h1 { font-size: 17px; margin: 0; }
header .note { font-size: 13px; opacity: .85; flex: 1 1 260px; }
header label { font-size: 13px; }
header select, header button { font: inherit; font-size: 13px; }
.clock { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; font-size: 13px; }
.clock time { font-weight: 600; }
/* The header wraps on narrow windows: main takes what is left, and each column scrolls on its own. */
main { flex: 1 1 auto; display: grid; grid-template-columns: 220px minmax(0, 1fr) 380px; grid-template-rows: minmax(0, 1fr); min-height: 520px; }
nav { background: #4a154b; color: #e8dbe8; padding: 12px 0; overflow-y: auto; }
nav h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; margin: 8px 16px; opacity: .8; }
nav button { display: block; width: 100%; text-align: left; border: 0; background: none; color: inherit; font: inherit; padding: 4px 16px; cursor: pointer; }
nav button small { display: block; font-size: 12px; opacity: .75; }
nav button.active { background: #1164a3; color: #fff; }
section.channel { display: flex; flex-direction: column; min-width: 0; background: #fff; border-right: 1px solid #ddd; }
.channel-head { padding: 10px 16px; border-bottom: 1px solid #ddd; }
.channel-head h2 { margin: 0; font-size: 17px; }
.channel-head p { margin: 2px 0 0; font-size: 13px; color: #616061; }
#messages { flex: 1; overflow-y: auto; padding: 8px 0; }
.empty { color: #616061; padding: 16px; font-size: 14px; }
.msg { padding: 6px 16px; }
.msg:hover { background: #f6f6f6; }
.msg .who { font-weight: 700; }
.msg .app { font-size: 10px; background: #ddd; color: #555; border-radius: 2px; padding: 0 3px; margin-left: 4px; vertical-align: 2px; }
.msg .only { font-size: 12px; color: #616061; margin-left: 6px; }
.msg.ephemeral { border-left: 3px solid #1264a3; background: #f4f8fc; }
.msg.command { color: #616061; font-size: 13px; }
.msg.thread { margin-left: 28px; border-left: 2px solid #ddd; }
.replies { margin: 0 16px 6px 44px; border-left: 2px solid #d0d0d0; }
.replies-head { font-size: 12px; font-weight: 700; color: #1264a3; padding: 2px 12px; }
.msg.reply { padding: 4px 12px; }
.msg .edited { font-size: 12px; color: #868686; }
.msg .body { margin-top: 2px; overflow-wrap: anywhere; }
.b-header { font-weight: 700; font-size: 17px; margin: 4px 0; }
.b-section { margin: 4px 0; display: flex; gap: 12px; align-items: flex-start; justify-content: space-between; }
/* A long text wraps beside its button; the button keeps its size. */
.b-section > .b-text { flex: 1 1 auto; min-width: 0; }
.b-section > .b-accessory { flex: none; }
.b-fields { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 16px; margin-top: 4px; }
.b-context { font-size: 13px; color: #616061; margin: 4px 0; }
.b-actions { margin: 6px 0; display: flex; gap: 8px; flex-wrap: wrap; }
hr { border: 0; border-top: 1px solid #ddd; margin: 8px 0; }
blockquote { margin: 2px 0; padding-left: 10px; border-left: 4px solid #ddd; }
code { background: #f2f2f2; border: 1px solid #e2e2e2; border-radius: 3px; padding: 0 3px; color: #c01343; font-size: 13px; }
pre { background: #f8f8f8; border: 1px solid #e2e2e2; border-radius: 4px; padding: 6px 8px; white-space: pre-wrap; font-size: 13px; margin: 4px 0; }
a { color: #1264a3; }
.mention { background: #e8f5fa; color: #1264a3; border-radius: 3px; padding: 0 2px; }
.date { border-bottom: 1px dotted #888; }
.btn { font: inherit; font-size: 13px; font-weight: 600; border: 1px solid #bbb; background: #fff; border-radius: 4px; padding: 3px 12px; cursor: pointer; color: #1d1c1d; text-decoration: none; display: inline-block; white-space: nowrap; overflow-wrap: normal; }
.btn:hover { background: #f3f3f3; }
.btn.primary { background: #007a5a; border-color: #007a5a; color: #fff; }
.btn.danger { background: #e01e5a; border-color: #e01e5a; color: #fff; }
.unsupported { font-size: 12px; color: #888; border: 1px dashed #bbb; border-radius: 4px; padding: 2px 8px; }
form#composer { border-top: 1px solid #ddd; padding: 10px 16px; }
form#composer .row { display: flex; gap: 8px; }
#command-input { flex: 1; font: inherit; padding: 8px 10px; border: 1px solid #bbb; border-radius: 6px; }
.hints { margin-top: 6px; display: flex; flex-wrap: wrap; gap: 4px 5px; font-size: 12px; line-height: 18px; }
.hints button { font: inherit; border: 1px solid #ddd; background: #f8f8f8; border-radius: 10px; padding: 0 7px; cursor: pointer; }
#composer-error { color: #e01e5a; font-size: 13px; min-height: 0; }
aside { overflow-y: auto; padding: 8px 12px; background: #fafafa; }
aside h2 { font-size: 15px; margin: 12px 0 6px; }
aside h2 small { font-weight: 400; color: #616061; }
.card { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 8px 10px; margin-bottom: 8px; font-size: 13px; }
.card .title { font-weight: 600; }
.card.highlight { border-color: #1264a3; box-shadow: 0 0 0 2px #1264a3; }
.card .meta { color: #616061; font-size: 12px; }
.label { display: inline-block; background: #ededed; border-radius: 10px; padding: 0 6px; font-size: 11px; margin-right: 4px; }
.state-open { color: #1a7f37; font-weight: 600; }
.state-closed { color: #8250df; font-weight: 600; }
#overlay { position: fixed; inset: 0; background: rgba(0,0,0,.45); display: none; align-items: flex-start; justify-content: center; padding-top: 6vh; }
#overlay.open { display: flex; }
.modal { background: #fff; width: min(560px, 94vw); max-height: 86vh; overflow-y: auto; border-radius: 8px; box-shadow: 0 10px 40px rgba(0,0,0,.3); }
.modal h2 { margin: 0; padding: 14px 18px; border-bottom: 1px solid #ddd; font-size: 19px; }
.modal .fields { padding: 8px 18px; }
.modal .input { margin: 10px 0; }
.modal .input > label { display: block; font-weight: 700; margin-bottom: 4px; }
.modal .input .optional { font-weight: 400; color: #616061; }
.modal input[type=text], .modal input[type=date], .modal input[type=time], .modal input[type=number], .modal textarea, .modal select { width: 100%; font: inherit; padding: 6px 8px; border: 1px solid #bbb; border-radius: 4px; }
.modal textarea { min-height: 80px; }
.modal .hint { font-size: 12px; color: #616061; margin-top: 2px; }
.modal .error { font-size: 13px; color: #e01e5a; margin-top: 2px; }
.modal .buttons { display: flex; justify-content: flex-end; gap: 8px; padding: 12px 18px; border-top: 1px solid #ddd; }
@media (max-width: 1000px) { body { height: auto; } main { grid-template-columns: 1fr; grid-template-rows: none; } nav, aside { max-height: none; } #messages { max-height: 60vh; } }
`;

export const SANDBOX_PAGE = String.raw`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gavel sandbox</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>gavel sandbox</h1>
  <span class="note">The real gavel, talking to local stand-ins for Slack, GitHub and Google Docs. Nothing leaves this machine.</span>
  <label>You are <select id="user-select"></select></label>
  <span class="clock">Sandbox time <time id="clock"></time>
    <button id="jump-next" type="button">Jump to 10 minutes before the next meeting</button>
    <button id="jump-start" type="button" title="Jump to the next meeting's start: gavel posts its start message with I'm here">its start</button>
    <button id="jump-wrapup" type="button" title="Jump to the wrap-up of the meeting on now (or of the next one), posted in its thread">its wrap-up</button>
    <button id="jump-hour" type="button">+1 hour</button>
    <button id="jump-day" type="button">+1 day</button>
    <span id="clock-status"></span></span>
</header>
<main>
  <nav>
    <h2>Channels</h2>
    <div id="channels"></div>
  </nav>
  <section class="channel">
    <div class="channel-head"><h2 id="channel-name"></h2><p id="channel-info"></p></div>
    <div id="messages" aria-live="polite"></div>
    <form id="composer" autocomplete="off">
      <div class="row">
        <input id="command-input" placeholder="Type a command, e.g. /agenda add Review the CloudEvents PR">
        <button class="btn primary" id="command-send" type="submit">Send</button>
      </div>
      <div id="composer-error" role="alert"></div>
      <div class="hints" id="hints"></div>
    </form>
  </section>
  <aside>
    <h2>Minutes docs <small>(Google Docs stand-in)</small></h2>
    <div id="docs"></div>
    <h2>GitHub issues <small>(GitHub stand-in)</small></h2>
    <div id="issues"></div>
  </aside>
</main>
<div id="overlay"><form class="modal" id="modal" novalidate></form></div>
<script>${SANDBOX_SCRIPT}</script>
</body>
</html>
`;
