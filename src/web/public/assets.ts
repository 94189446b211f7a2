// Static assets of the public pages, kept as strings so that the TypeScript build carries them without a copy
// step; they are served by static.routes.ts under /static/ and allowed by the CSP as 'self'.

export const appCss = `
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:#1a1a1a;background:#fff;line-height:1.5;margin:0;font-size:1.05rem}
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
input[type=text],input[type=email],input[type=search],select{width:100%;max-width:30rem;font-size:1rem;padding:.55rem;border:2px solid #57606a;border-radius:.3rem}
input.version{max-width:12rem;padding:.3rem;font-size:.95rem}
fieldset{border:1px solid #d0d7de;border-radius:.4rem;margin:1.2rem 0;padding:.5rem 1rem 1rem}
legend{font-weight:700;padding:0 .3rem}
.choice{display:flex;gap:.6rem;align-items:flex-start;margin:.5rem 0;font-weight:400}
.choice input{width:1.3rem;height:1.3rem;margin-top:.15rem;flex:none}
.product{border-bottom:1px solid #eee;padding:.3rem 0}
.product .version-field{margin:0 0 .3rem 1.9rem}
.product .version-field label{font-weight:400;font-size:.9rem;margin-top:0}
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
.done{color:#1a7f37;font-weight:600}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid #ddd;vertical-align:top}
.inline-form{display:inline}
[hidden]{display:none!important}
@media (max-width:30rem){body{font-size:1rem}h1{font-size:1.35rem}header.site nav a{margin-left:0;margin-right:1rem}button,.button{width:100%;text-align:center}}
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
