/** The workspace's one stylesheet, served by the app (no CDN; the CSP allows styles from 'self' only). */
export const APP_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{font:16px/1.5 system-ui,sans-serif;color:#1f2933;background:#fff;margin:0}
a{color:#1a4f8b}a:hover{color:#0b2e59}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}.skip:focus{left:.5rem}
header.top{background:#1f3a5f;color:#fff;padding:.6rem 1rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
header.top a{color:#fff;font-weight:600}header.top .who{margin-left:auto}
header.top form{display:inline}header.top button{margin:0;background:#fff;color:#1f3a5f;padding:.3rem .8rem}
main{max-width:54rem;margin:0 auto;padding:1rem 1.25rem 3rem}
h1{font-size:1.7rem;margin:.75rem 0}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #cbd2d9;padding-bottom:.25rem}h3{font-size:1.1rem}
label,legend{display:block;font-weight:600;margin-top:.9rem}.hint{display:block;font-weight:400;color:#4b5563;font-size:.92rem}
input[type=text],input[type=email],input[type=date],select,textarea{width:100%;padding:.5rem;font:inherit;border:2px solid #4b5563;border-radius:4px;background:#fff;color:#1f2933}
input[type=date]{max-width:12rem}textarea{min-height:7rem}
fieldset{border:1px solid #9aa5b1;border-radius:6px;margin:1.25rem 0;padding:.5rem 1rem 1rem}
.choices label{display:flex;gap:.5rem;align-items:center;font-weight:400;margin:.4rem 0}
button,.button{display:inline-block;margin-top:1rem;padding:.6rem 1.2rem;font:inherit;font-weight:600;background:#1f4e79;color:#fff;border:0;border-radius:4px;cursor:pointer;text-decoration:none}
.button:hover,button:hover{background:#163a5a;color:#fff}
button.secondary{background:#e4e7eb;color:#1f2933}button.secondary:hover{background:#cbd2d9;color:#1f2933}
button.small{margin-top:.25rem;padding:.3rem .7rem;font-size:.92rem}
:focus-visible{outline:3px solid #b45309;outline-offset:2px}
.error-summary{border:4px solid #b91c1c;padding:.75rem 1rem;margin:1rem 0}.error-summary h2{border:0;margin-top:0}
.error-message{color:#b91c1c;font-weight:600;display:block}.field-error input,.field-error textarea{border-color:#b91c1c}
.notice{border-left:6px solid #1f4e79;background:#eef2f7;padding:.75rem 1rem;margin:1rem 0}
.card{border:1px solid #cbd2d9;border-radius:8px;padding:.75rem 1rem;margin:.75rem 0}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #e4e7eb;vertical-align:top}
.row{display:flex;gap:.75rem;flex-wrap:wrap;align-items:flex-end}.row>div{flex:1 1 14rem}
.inline{display:inline}.muted{color:#4b5563}ul.plain{list-style:none;padding:0}
dl.brief{display:grid;grid-template-columns:minmax(8rem,12rem) 1fr;gap:.25rem 1rem}dl.brief dt{font-weight:600}dl.brief dd{margin:0}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:0;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
`;
