/**
 * The public pages' stylesheet and script, inlined (one request a page) and exported so the
 * route can allow exactly these in its Content-Security-Policy by hash.
 */

export const PAGE_STYLE = `
:root{--fg:#1b1b1f;--muted:#4a4a55;--bg:#fff;--line:#d5d5dc;--accent:#0b57d0;--panel:#f4f5f8;--warn:#8a1c1c}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent);text-underline-offset:.15em}
a:focus-visible,input:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--fg);color:#fff;padding:.5rem 1rem}
.skip:focus{left:.5rem;top:.5rem}
header,main,footer{max-width:48rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem;border-bottom:1px solid var(--line)}
header p{margin:.25rem 0 .75rem;color:var(--muted)}
header a{font-weight:600;text-decoration:none}
h1{font-size:1.75rem;line-height:1.2;margin:1.25rem 0 .5rem;overflow-wrap:anywhere}
h2{font-size:1.2rem;margin:1.75rem 0 .5rem}
h3{font-size:1.05rem;margin:0 0 .25rem;overflow-wrap:anywhere}
p,li,dd{overflow-wrap:anywhere}
.muted{color:var(--muted)}
.groups{list-style:none;padding:0;margin:0;display:grid;gap:.75rem}
.groups li,.panel{background:var(--panel);border:1px solid var(--line);border-radius:.5rem;padding:.75rem 1rem}
.groups p{margin:.25rem 0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
.meetings{padding-left:1.25rem}
.meetings li{margin:.35rem 0}
.cancelled del{color:var(--muted)}
.cancelled .reason{color:var(--warn)}
.buttons{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0}
.button{display:inline-block;padding:.55rem .9rem;border-radius:.4rem;background:var(--accent);color:#fff;font-weight:600;text-decoration:none}
.button:hover{background:#0842a0}
label{display:block;font-weight:600;margin-top:.5rem}
input[readonly]{width:100%;font:inherit;font-size:.9rem;padding:.4rem .5rem;border:1px solid var(--line);border-radius:.3rem;background:var(--bg);color:var(--fg)}
footer{margin-top:2.5rem;padding-bottom:2rem;border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
@media (min-width:40rem){h1{font-size:2.1rem}}
@media print{
  .skip,.buttons,.subscribe-copy,footer{display:none}
  body{font-size:11pt;color:#000}
  .groups li,.panel{border:1px solid #888;background:none;break-inside:avoid}
  main a[href^="http"]::after{content:" <" attr(href) ">";font-size:.85em;color:#333;overflow-wrap:anywhere}
}
`.trim();

/** Rewrites every `<time data-local>` in the reader's own zone and says which zone that is. */
export const LOCALIZE_SCRIPT = `
(function () {
  var format = new Intl.DateTimeFormat(undefined, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
  document.querySelectorAll('time[data-local]').forEach(function (el) {
    var when = new Date(el.getAttribute('datetime'));
    if (isNaN(when.getTime())) return;
    el.textContent = format.format(when);
    el.setAttribute('data-localized', '');
  });
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var note = document.getElementById('zone-note');
  if (note && zone) note.textContent = 'Times are shown in your time zone (' + zone + '); hover or long-press a time for the group\\u2019s.';
})();
`.trim();
