// The admin stylesheet, kept as a module so that it ships inside the compiled build (dist/) without a copy step.
// Served at /static/admin.css; the CSP allows styles only from 'self', so no page carries a style attribute.
export const adminCss = `
:root{--ink:#1a1a1a;--muted:#5a5a5a;--line:#d0d4da;--bg:#f6f7f9;--blue:#1a4f8b;--red:#a11;--green:#1d6b2f;--amber:#8a5a00;--focus:#f0b400}
*{box-sizing:border-box}
body{font-family:system-ui,"Segoe UI",Arial,sans-serif;color:var(--ink);background:var(--bg);line-height:1.45;margin:0;font-size:15px}
a{color:var(--blue)}
a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.3rem .6rem;z-index:2}
header.top{background:#12355e;color:#fff;display:flex;flex-wrap:wrap;align-items:center;gap:1rem;padding:.5rem 1.2rem}
header.top a{color:#fff;text-decoration:none;padding:.25rem .4rem;border-radius:.2rem}
header.top a[aria-current=page]{background:#2b5d96}
header.top nav{display:flex;flex-wrap:wrap;gap:.2rem;flex:1}
header.top form{margin:0}
header.top .who{font-size:.85rem;opacity:.9}
main{max-width:78rem;margin:1rem auto;padding:0 1.2rem 3rem}
h1{font-size:1.5rem;margin:.6rem 0 1rem}h2{font-size:1.15rem;margin:1.4rem 0 .6rem}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid var(--line);padding:.45rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f5;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.card{background:#fff;border:1px solid var(--line);border-radius:.4rem;padding:1rem;margin-bottom:1rem}
.grid{display:grid;grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);gap:1rem}
@media (max-width:960px){.grid{grid-template-columns:minmax(0,1fr)}}
label{display:block;font-weight:600;margin:.6rem 0 .2rem}
input[type=text],input[type=email],input[type=password],input[type=url],input[type=number],input[type=search],input[type=date],select,textarea{font:inherit;padding:.4rem .5rem;border:1px solid #9aa3ae;border-radius:.25rem;width:100%;background:#fff}
textarea{min-height:5rem}
.inline{display:flex;gap:.5rem;align-items:end;flex-wrap:wrap}.inline>*{flex:1 1 10rem}.inline>.narrow{flex:0 0 auto}
button,.button{font:inherit;padding:.4rem .9rem;border-radius:.25rem;border:1px solid var(--blue);background:var(--blue);color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary{background:#fff;color:var(--blue)}
button.danger{background:var(--red);border-color:var(--red)}
button.small{padding:.15rem .5rem;font-size:.85rem}
.actions-row{display:flex;gap:.5rem;flex-wrap:wrap;margin-top:.8rem}
.badge{display:inline-block;padding:.05rem .45rem;border-radius:.8rem;font-size:.8rem;background:#e4e7eb}
.sev-kritisch{background:#a11;color:#fff}.sev-hoch{background:#d65a00;color:#fff}.sev-mittel{background:#f0c000}.sev-niedrig{background:#cfe3cf}
.ok{color:var(--green)}.err{color:var(--red)}.muted{color:var(--muted);font-size:.9rem}
.flash{background:#e7f3ea;border:1px solid #9cc9a7;padding:.5rem .8rem;border-radius:.3rem;margin-bottom:1rem}
.flash.error{background:#fbe9e9;border-color:#e0a0a0}
.warning{background:#fff6dd;border:1px solid #e2c16b;padding:.5rem .8rem;border-radius:.3rem}
.notice-text{white-space:pre-wrap;background:#fbfbfc;border:1px solid var(--line);padding:.8rem;max-height:34rem;overflow:auto;font-size:.9rem}
mark{background:#fff1a8;padding:0 .1rem}
mark:target{background:#ffd23f;outline:2px solid var(--amber)}
.evidence{font-size:.85rem;color:var(--muted);margin:.15rem 0 .4rem}
ol.edit-actions{padding-left:1.4rem}ol.edit-actions li{margin-bottom:.6rem}
.row-tools{display:flex;gap:.3rem;margin-top:.2rem}
iframe.preview{width:100%;height:40rem;border:1px solid var(--line);background:#fff}
pre.mail-text{white-space:pre-wrap;background:#fff;border:1px solid var(--line);padding:.8rem;font-size:.85rem}
fieldset{border:1px solid var(--line);border-radius:.3rem;margin:.8rem 0;padding:.4rem .8rem .8rem}
legend{font-weight:600}
.login{max-width:24rem;margin:4rem auto}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem}dl.facts dt{font-weight:600}dl.facts dd{margin:0}
.filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:end;margin-bottom:1rem}.filters label{margin:0}
details>summary{cursor:pointer}
code,pre{font-family:ui-monospace,Consolas,monospace}
td,th,dd{overflow-wrap:break-word}
/* Phones and narrow windows: a table wider than the screen scrolls sideways inside its own box instead of widening
   the page (the rows keep their table layout); facts stack, the navigation gets a line of its own. */
@media (max-width:60rem){
main{padding:0 .7rem 2rem}
h1{font-size:1.3rem}
.card{padding:.7rem}
fieldset{padding:.3rem .6rem .6rem}
pre{white-space:pre-wrap;overflow-wrap:anywhere}
table{display:block;overflow-x:auto;max-width:100%}
dl.facts{grid-template-columns:minmax(0,1fr)}dl.facts dd{margin-bottom:.4rem;overflow-wrap:anywhere}
header.top{padding:.5rem .7rem;gap:.4rem .8rem}header.top nav{flex:1 1 100%;order:1}header.top .who,header.top form{order:2}
}
`;
