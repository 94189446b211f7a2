// Static assets of the public pages, kept as strings so that the TypeScript build carries them without a copy
// step; they are served by static.routes.ts under /static/ and allowed by the CSP as 'self'.

export const appCss = `
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:#1a1a1a;background:#fff;line-height:1.5;margin:0;font-size:1.05rem;overflow-wrap:break-word}
main{overflow-wrap:anywhere}
header.site,main,footer.site{max-width:46rem;margin:0 auto;padding:0 1rem}
header.site{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:baseline;justify-content:space-between;padding-top:1rem;padding-bottom:.5rem;border-bottom:1px solid #d0d7de}
header.site .brand{font-weight:700;font-size:1.2rem;color:#1a4f8b;text-decoration:none}
header.site nav a{margin-left:1rem}
footer.site{color:#555;font-size:.9rem;border-top:1px solid #d0d7de;margin-top:3rem}
h1{font-size:1.6rem;line-height:1.25}
h2{font-size:1.25rem;margin-top:2rem}
a{color:#1a4f8b}
a:focus,button:focus,input:focus,select:focus,summary:focus,[tabindex="-1"]:focus{outline:3px solid #f0b400;outline-offset:2px}
label{display:block;font-weight:600;margin-top:1rem}
.hint{color:#444;font-size:.95rem;margin:.2rem 0 .4rem}
input[type=text],input[type=email],input[type=date],input[type=search],select{width:100%;max-width:30rem;font-size:1rem;padding:.55rem;border:2px solid #57606a;border-radius:.3rem}
input[type=date]{max-width:14rem}
input.version{max-width:12rem;padding:.3rem;font-size:.95rem}
fieldset{border:1px solid #d0d7de;border-radius:.4rem;margin:1.2rem 0;padding:.5rem 1rem 1rem}
legend{font-weight:700;padding:0 .3rem}
.choice{display:flex;gap:.6rem;align-items:flex-start;margin:.4rem 0;font-weight:400}
.choice input{width:1.3rem;height:1.3rem;margin-top:.15rem;flex:none}
.product{border-bottom:1px solid #eee;padding:.15rem 0}
.product .version-field{margin:0 0 .3rem 1.9rem}
.product .version-field label{font-weight:400;font-size:.9rem;margin-top:0}
@supports selector(:has(*)){.product .version-field{display:none}.product:has(input[name=product]:checked) .version-field{display:block}}
summary .count{font-weight:400;color:#444}
details{margin:.6rem 0}
summary{cursor:pointer;font-weight:600;padding:.4rem 0}
button,.button{display:inline-block;font-size:1.05rem;padding:.7rem 1.3rem;border-radius:.3rem;border:2px solid #1a4f8b;background:#1a4f8b;color:#fff;cursor:pointer;text-decoration:none;margin:.5rem .5rem .5rem 0}
button.secondary,.button.secondary{background:#fff;color:#1a4f8b}
button.danger{background:#a40e26;border-color:#a40e26}
.error-summary{border:3px solid #a40e26;padding:.5rem 1rem;margin:1rem 0;border-radius:.3rem}
.error-summary h2{margin-top:.3rem;color:#a40e26}
.field-error{color:#a40e26;font-weight:600;margin:.2rem 0}
[aria-invalid=true]{border-color:#a40e26!important}
.notice{background:#eef4fb;border-left:4px solid #1a4f8b;padding:.6rem 1rem;margin:1rem 0}
.consent{background:#f6f8fa;padding:.6rem 1rem;border-radius:.3rem;font-size:.95rem}
.severity{display:inline-block;padding:.1rem .5rem;border-radius:.3rem;font-weight:700;font-size:.9rem;background:#eee}
.severity-kritisch{background:#a40e26;color:#fff}.severity-hoch{background:#d1242f;color:#fff}.severity-mittel{background:#f0b400}
.archive{display:inline-block;padding:.1rem .5rem;border-radius:.3rem;font-size:.9rem;background:#e7e7e7;color:#333}
ol.actions li,ul.plain li{margin:.4rem 0}
ul.advisory-list{list-style:none;padding:0}
ul.advisory-list li{border-bottom:1px solid #e4e7eb;padding:.6rem 0;margin:0}
ul.advisory-list .advisory-title{font-weight:600}
ul.advisory-list .meta,ul.advisory-list .products{display:block;margin-top:.2rem}
ul.advisory-list .products{color:#444;font-size:.95rem}
.list-filters{margin:1rem 0}
.list-filters label{margin-top:.3rem}
.search-row{display:flex;gap:.5rem;align-items:stretch;max-width:36rem}
.search-row input{flex:1;min-width:0;max-width:none}
.search-row button{margin:0;width:auto}
.filter-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:0 1rem}
.filter-grid select{max-width:none}
nav.kinds{display:flex;flex-wrap:wrap;gap:.4rem;margin:1rem 0 .3rem}
nav.kinds a{padding:.35rem .8rem;border:2px solid #1a4f8b;border-radius:1.2rem;text-decoration:none}
nav.kinds a[aria-current=page]{background:#1a4f8b;color:#fff}
nav.kinds .count{font-weight:400}
nav.pager{display:flex;flex-wrap:wrap;gap:.5rem 1.2rem;align-items:baseline;margin:1.2rem 0}
section.advisory{border-top:1px solid #d0d7de;margin-top:1rem}
section.advisory h3{margin-bottom:.3rem}
ol.actions .inline-form{display:block}
ol.actions .inline-form button{margin:.3rem 0;padding:.35rem .9rem;font-size:.95rem}
ol.actions .ack-button{display:block;margin:.3rem 0;padding:.35rem .9rem;font-size:.95rem}
.ack-form label{font-weight:400;font-size:.95rem}
.ack-form input[type=text]{max-width:20rem}
dl.evidence-head{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.evidence-head dt{font-weight:600}
dl.evidence-head dd{margin:0}
.evidence-period select{max-width:16rem}
.still-open{color:#a40e26;font-weight:600}
nav.page-links{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;margin:1rem 0}
.done{color:#1a7f37;font-weight:600}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid #ddd;vertical-align:top}
.inline-form{display:inline}
[hidden]{display:none!important}
@media (max-width:30rem){ol.actions .ack-button{width:auto}dl.evidence-head{grid-template-columns:1fr}dl.evidence-head dd{margin-bottom:.3rem}}
@media print{header.site nav,footer.site,.no-print{display:none!important}body{font-size:11pt}header.site,main{max-width:none;padding:0}a{color:#000;text-decoration:none}.severity{border:1px solid #000;background:none!important;color:#000!important}section.advisory{break-inside:avoid}}
@media (max-width:30rem){body{font-size:1rem}h1{font-size:1.35rem}header.site nav a{margin-left:0;margin-right:1rem}button,.button{width:100%;text-align:center}fieldset{padding:.4rem .7rem .8rem}.consent{padding:.5rem .7rem}.search-row button,ol.actions .inline-form button{width:auto}}
`;

/**
 * Product search on the subscribe and manage forms. Without JavaScript every product is listed as a checkbox in
 * its category; with it, typing a name or alias hides the products that do not match and opens their categories.
 */
export const productFilterJs = `
(function () {
  var box = document.getElementById('produktsuche');
  var wrap = document.getElementById('produktsuche-feld');
  var status = document.getElementById('produktsuche-status');
  if (!box || !wrap) return;
  wrap.hidden = false;
  function norm(s) { return s.toLowerCase().normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim(); }
  box.addEventListener('input', function () {
    var q = norm(box.value);
    var shown = 0;
    document.querySelectorAll('details.category').forEach(function (group) {
      var any = false;
      group.querySelectorAll('.product').forEach(function (row) {
        var hit = q === '' || norm(row.getAttribute('data-search') || '').indexOf(q) !== -1;
        row.hidden = !hit;
        if (hit) { any = true; shown++; }
      });
      group.hidden = !any;
      if (q !== '') group.open = any;
    });
    if (status) status.textContent = q === '' ? '' : shown + (shown === 1 ? ' Produkt gefunden' : ' Produkte gefunden');
  });
})();
`;
