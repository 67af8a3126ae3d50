import { APP_CSS } from "../web/assets";

/** The console's stylesheet: the workspace's, plus the section navigation, figures and filters. */
export const ADMIN_CSS = `${APP_CSS}
main{max-width:72rem}
header.top nav ul{display:flex;gap:.25rem 1rem;list-style:none;margin:0;padding:0;flex-wrap:wrap}
header.top nav a{font-weight:400;text-decoration:none;padding:.15rem .1rem}
header.top nav a[aria-current=page]{font-weight:700;text-decoration:underline;text-underline-offset:.3rem}
header.top form{margin-left:auto}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.75rem;list-style:none;padding:0}
.figures li{border:1px solid #cbd2d9;border-radius:8px;padding:.75rem 1rem}
.figures .n{display:block;font-size:1.9rem;font-weight:700;line-height:1.2}
.figures a{text-decoration:none}.figures a:hover .label{text-decoration:underline}
.filters{display:flex;gap:.75rem;flex-wrap:wrap;align-items:flex-end}.filters>div{flex:0 1 16rem}
.filters button{margin-top:0}
.pager{display:flex;gap:1rem;margin:1rem 0}
pre{white-space:pre-wrap;word-break:break-all;background:#f5f7fa;border:1px solid #cbd2d9;padding:.75rem;font-size:.88rem}
.booking{border:1px solid #cbd2d9;border-radius:8px;padding:.25rem 1rem .75rem;margin:.75rem 0}
.actions{display:flex;gap:.75rem;flex-wrap:wrap}
.danger{background:#9b1c1c}.danger:hover{background:#7a1212}
`;
