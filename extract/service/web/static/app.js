/* vnplan review page: the document list, and the review of one document (its page images beside
   its tasks). Plain JavaScript over the service's JSON API (session cookie + X-CSRF-Token).

   Everything that comes from a document or a user is put into the page as text (textContent,
   attribute values set one by one), never as HTML: a task reading "<script>" shows those
   characters. No URL is built from document text. */
"use strict";

const SCALE = 1.5;                       // page images are asked at 1.5 × 72 dpi
const STATE_LABEL = { pending: "Chờ duyệt", approved: "Đã duyệt", replaced: "Đã được thay thế" };
const ACTION_LABEL = { edit: "Sửa", not_task: "Không phải nhiệm vụ / khôi phục", add: "Thêm",
                       split: "Tách", merge: "Gộp", carry: "Chuyển từ bản trước" };
const FIELD_LABEL = { text: "Nội dung", lead: "Chủ trì", support: "Phối hợp", due: "Thời hạn",
                      product: "Sản phẩm" };
const KIND_LABEL = { ongoing: "thường xuyên", date: "ngày", month: "tháng", quarter: "quý", half: "6 tháng",
                     year: "năm", range: "khoảng", recurring: "định kỳ", relative: "tương đối",
                     conditional: "có điều kiện", unspecified: "chưa rõ" };

const S = {
  user: null, role: null, csrf: null,
  doc: null,          // GET /documents/{id}
  rows: [],           // its task rows, in document order
  byPk: new Map(),
  regions: {},        // pk -> {page, boxes} for tasks without task.source
  pages: 0, page: 0, sel: null, editing: null,
  undo: [],
};
window.vnplanTimings = {};

// -- small helpers ------------------------------------------------------------------------------
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k === "on") for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
    else if (k === "dataset") Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
const $ = (id) => document.getElementById(id);

class ApiError extends Error {
  constructor(status, detail, body) { super(detail); this.status = status; this.body = body; }
}

async function api(method, url, body) {
  const opts = { method, headers: { Accept: "application/json" }, credentials: "same-origin" };
  if (method !== "GET" && S.csrf) opts.headers["X-CSRF-Token"] = S.csrf;
  if (body !== undefined) {
    opts.headers["Content-Type"] = "application/json";
    opts.body = JSON.stringify(body);
  }
  const res = await fetch(url, opts);
  let data = null;
  try { data = await res.json(); } catch (e) { data = null; }
  if (!res.ok) {
    let detail = data && data.detail;
    if (Array.isArray(detail)) detail = detail.map((d) => d.msg).join("; ");
    throw new ApiError(res.status, detail || `HTTP ${res.status}`, data);
  }
  return data;
}

let noticeTimer = null;
function notice(text, bad) {
  const n = $("notice");
  n.textContent = text;
  n.classList.toggle("bad", !!bad);
  n.hidden = false;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => { n.hidden = true; }, bad ? 8000 : 4000);
}

function fail(err) {
  if (err instanceof ApiError && err.status === 401) { showLogin(); return; }
  notice(err instanceof ApiError ? `Lỗi: ${err.message}` : `Lỗi: ${err}`, true);
}

function vnDate(iso) {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function dueDates(due) {
  if (!due) return "";
  if (due.kind === "ongoing") return "thường xuyên";
  if (due.kind === "recurring") return due.rrule ? `định kỳ (${due.rrule})` : "định kỳ";
  const s = vnDate(due.start), e = vnDate(due.end);
  if (s && e && s !== e) return `${s} → ${e}`;
  if (e) return `đến ${e}`;
  if (s) return `từ ${s}`;
  return due.anchor ? `sau: ${due.anchor}` : "";
}

const agencyName = (ref) => (ref.id ? ref.name : ref.raw || ref.name);

function debounce(fn, ms) {
  let t = null;
  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
}

// -- views ---------------------------------------------------------------------------------------
function showView(name) {
  for (const v of ["login-view", "list-view", "review-view"]) $(v).hidden = v !== name;
}

function showLogin() {
  S.user = S.csrf = null;
  $("who").textContent = "";
  $("logout").hidden = true;
  showView("login-view");
  $("login-form").elements.name.focus();
}

async function start() {
  try {
    const me = await api("GET", "/review/api/session");
    S.user = me.user; S.role = me.role; S.csrf = me.csrf_token;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) { showLogin(); return; }
    fail(err); return;
  }
  loggedIn();
}

function loggedIn() {
  $("who").textContent = `${S.user} (${S.role})`;
  $("logout").hidden = false;
  route();
}

function route() {
  if (!S.user) { showLogin(); return; }
  const m = /^#\/doc\/(\d+)$/.exec(location.hash);
  if (m) openDocument(Number(m[1])); else openList();
}

// -- login ---------------------------------------------------------------------------------------
$("login-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const f = ev.target.elements;
  $("login-error").hidden = true;
  try {
    const out = await api("POST", "/auth/login", { name: f.name.value, password: f.password.value });
    S.user = out.user; S.role = out.role; S.csrf = out.csrf_token;
    f.password.value = "";
    loggedIn();
  } catch (err) {
    $("login-error").textContent = err.status === 429 ? err.message : "Sai tên đăng nhập hoặc mật khẩu.";
    $("login-error").hidden = false;
  }
});

$("logout").addEventListener("click", async () => {
  try { await api("POST", "/auth/logout"); } catch (e) { /* the session is gone either way */ }
  location.hash = "#/";
  showLogin();
});

window.addEventListener("hashchange", route);

// -- the document list ----------------------------------------------------------------------------
async function openList() {
  showView("list-view");
  S.doc = null;
  const body = $("docs").tBodies[0];
  let data;
  try { data = await api("GET", "/documents?per_page=200"); } catch (err) { fail(err); return; }
  body.replaceChildren(...data.items.map(docRow));
  $("doc-count").textContent = `(${data.total})`;
}

function docRow(d) {
  const warnings = Object.entries(d.warnings || {});
  const total = warnings.reduce((n, [, c]) => n + c, 0);
  const open = () => { location.hash = `#/doc/${d.id}`; };
  return el("tr", { dataset: { doc: d.id }, on: { click: open } },
    el("td", { text: d.number || "—" }),
    el("td", { text: d.kind || "" }),
    el("td", { text: d.issuer || "" }),
    el("td", { text: vnDate(d.issued_on) }),
    el("td", { class: "num", text: d.tasks }),
    el("td", { class: "num" + (total ? " warn" : ""), text: total,
               title: warnings.map(([c, n]) => `${c}: ${n}`).join("\n") || null }),
    el("td", {}, el("span", { class: `badge ${d.review}`, text: STATE_LABEL[d.review] || d.review })),
    el("td", {}, el("a", { href: `#/doc/${Number(d.id)}`, text: "Rà soát" })));
}

$("upload-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const file = $("upload-file").files[0];
  if (!file) { notice("Chọn một tệp trước.", true); return; }
  const bar = $("upload-progress"), status = $("upload-status"), link = $("upload-open");
  bar.hidden = false; bar.value = 0; link.hidden = true;
  status.textContent = "Đang tải lên…";
  $("upload-button").disabled = true;
  const form = new FormData();
  form.append("file", file, file.name);
  const xhr = new XMLHttpRequest();
  xhr.open("POST", "/documents");
  xhr.setRequestHeader("X-CSRF-Token", S.csrf || "");
  xhr.upload.onprogress = (e) => { if (e.lengthComputable) bar.value = 40 * e.loaded / e.total; };
  xhr.onerror = () => { status.textContent = "Không tải lên được."; $("upload-button").disabled = false; };
  xhr.onload = () => {
    let data = null;
    try { data = JSON.parse(xhr.responseText); } catch (e) { data = null; }
    if (xhr.status !== 202 || !data) {
      status.textContent = `Không nhận tệp: ${(data && data.detail) || xhr.status}`;
      $("upload-button").disabled = false;
      return;
    }
    bar.value = 40;
    pollJob(data.job.id);
  };
  xhr.send(form);
});

async function pollJob(id) {
  const bar = $("upload-progress"), status = $("upload-status");
  const words = { queued: "Đang chờ đọc…", running: "Đang đọc văn bản…" };
  for (;;) {
    let job;
    try { job = await api("GET", `/jobs/${id}`); } catch (err) { fail(err); break; }
    bar.value = 40 + 60 * (job.progress || 0);
    if (job.state === "done") {
      status.textContent = "Xong.";
      const link = $("upload-open");
      link.setAttribute("href", `#/doc/${Number(job.document)}`);
      link.hidden = false;
      openList();
      break;
    }
    if (job.state === "failed") {
      status.textContent = `Không đọc được: ${job.error || job.code}`;
      break;
    }
    status.textContent = words[job.state] || job.state;
    await new Promise((r) => setTimeout(r, 400));
  }
  $("upload-button").disabled = false;
}

// -- the review view ------------------------------------------------------------------------------
async function openDocument(id, keepSelection) {
  const t0 = performance.now();
  showView("review-view");
  $("review-view").removeAttribute("data-ready");
  let doc;
  try { doc = await api("GET", `/documents/${id}`); } catch (err) { fail(err); return; }
  const tData = performance.now();
  const sameDoc = S.doc && S.doc.id === doc.id;
  S.doc = doc;
  setRows(doc.tasks);
  if (!sameDoc) { S.undo = []; S.page = 0; S.regions = {}; S.pageWidth = null; }
  renderHead();
  renderTasks();
  const tTable = performance.now();
  if (!sameDoc) {
    try { S.pages = (await api("GET", `/documents/${id}/pages`)).pages; } catch (err) { S.pages = 0; }
  }
  const want = keepSelection && S.byPk.has(S.sel) ? S.sel : firstTask();
  S.sel = null;
  await select(want, { scrollRow: true });
  const tReady = performance.now();
  window.vnplanTimings = { document: tData - t0, table: tTable - t0, ready: tReady - t0 };
  $("review-view").setAttribute("data-ready", String(doc.id));
  fetchRegions(doc.id);
}

function setRows(rows) {
  S.rows = rows;
  S.byPk = new Map(rows.map((r) => [r.id, r]));
}

function firstTask() {
  const r = S.rows.find((x) => !x.removed);
  return r ? r.id : null;
}

async function fetchRegions(id) {
  if (!S.rows.some((r) => !r.removed && !r.task.source) || !S.pages) return;
  try {
    const out = await api("GET", `/review/api/documents/${id}/regions`);
    if (!S.doc || S.doc.id !== id) return;
    S.regions = out.items || {};
    drawBoxes(false);
  } catch (err) { /* no regions: the page shows no box */ }
}

function renderHead() {
  const d = S.doc;
  const title = [d.kind, d.number ? `số ${d.number}` : null, d.issuer, d.issued_on ? `ngày ${vnDate(d.issued_on)}` : null]
    .filter(Boolean).join(" · ");
  $("doc-title").textContent = title || d.title || `Văn bản ${d.id}`;
  $("doc-title").setAttribute("title", d.title || "");
  const st = $("doc-state");
  st.textContent = STATE_LABEL[d.review] || d.review;
  st.className = `badge ${d.review}`;
  $("approve").disabled = d.review !== "pending" || !canReview();
  for (const fmt of ["xlsx", "csv", "json"]) $(`export-${fmt}`).setAttribute("href", `/export?document=${Number(d.id)}&format=${fmt}`);
  $("undo").disabled = S.undo.length === 0;
}

const canReview = () => S.role === "reviewer" || S.role === "admin";

function sectionLabel(task) {
  const path = (task.path || []).slice(0, task.ordinal ? -1 : undefined);
  const parts = path.slice();
  if (task.section && task.section.title) {
    const ord = task.section.ordinal;
    if (ord && parts.length && parts[parts.length - 1] === ord) parts.pop();
    parts.push([ord, task.section.title].filter(Boolean).join(". "));
  }
  return parts.join(" › ");
}

function taskWarnings(row) {
  const t = row.task, out = [];
  if (t.role !== "result" && !(t.lead || []).length) out.push("Chưa có đơn vị chủ trì");
  for (const ref of [...(t.lead || []), ...(t.support || [])]) {
    if (!ref.id) out.push(`Ngoài danh mục: ${ref.raw || ref.name}`);
  }
  if (t.due && t.due.kind === "unspecified" && !t.due.start && !t.due.end) out.push("Chưa đọc được thời hạn");
  const raws = [...(t.lead || []), ...(t.support || [])].map((r) => r.raw)
    .concat(t.due ? [t.due.raw] : []).filter((x) => x && x.length >= 4);
  for (const w of (S.doc.plan.warnings || [])) {
    if (w.code === "no_lead") continue;  // said above, in words
    const mine = w.message.includes(`task ${t.id}:`) || w.message.includes(`task ${t.id} `) ||
      (w.page === t.page && raws.some((r) => w.message.includes(r)));
    if (mine && !out.includes(`${w.code}: ${w.message}`)) out.push(`${w.code}: ${w.message}`);
  }
  return out;
}

function agencyCell(refs) {
  return el("td", {}, ...(refs || []).map((ref, i) => [
    i ? "; " : null,
    ref.id ? el("span", { title: ref.id, text: ref.name })
      : el("span", { class: "unknown", title: "Không có trong danh mục cơ quan", text: `⚑ ${ref.raw || ref.name}` }),
  ]));
}

function taskRow(row) {
  const t = row.task;
  const warns = row.removed ? [] : taskWarnings(row);
  row._warn = warns.length > 0;
  const cls = ["task", row.removed ? "removed" : "", row.corrected ? "corrected" : "", row.id === S.sel ? "sel" : ""];
  return el("tr", { class: cls.filter(Boolean).join(" "), dataset: { pk: row.id },
                    on: { click: () => select(row.id, {}), dblclick: () => openEditor(row.id) } },
    el("td", { text: t.ordinal || "" }),
    el("td", { text: t.text }),
    agencyCell(t.lead),
    agencyCell(t.support),
    el("td", {}, t.due ? t.due.raw : "", t.due ? el("span", { class: "dates", text: dueDates(t.due) }) : null),
    el("td", { text: t.product || "" }),
    el("td", { class: "warns" }, ...warns.map((w) => el("div", { text: w }))));
}

function renderTasks() {
  const body = $("tasks").tBodies[0];
  const out = [];
  let last = null;
  for (const row of S.rows) {
    const label = sectionLabel(row.task);
    if (label !== last) {
      out.push(el("tr", { class: "section" }, el("td", { colspan: 7, text: label || "(không có mục)" })));
      last = label;
    }
    out.push(taskRow(row));
  }
  body.replaceChildren(...out);
  S.editing = null;
}

function rowNode(pk) {
  return $("tasks").querySelector(`tr.task[data-pk="${Number(pk)}"]`);
}

function replaceRow(row) {
  S.byPk.set(row.id, row);
  S.rows = S.rows.map((r) => (r.id === row.id ? row : r));
  const node = rowNode(row.id);
  if (node) node.replaceWith(taskRow(row));
}

function regionOf(pk) {
  const row = S.byPk.get(pk);
  if (!row) return null;
  return row.task.source || S.regions[String(pk)] || null;
}

async function select(pk, opts) {
  if (pk === null || pk === undefined || !S.byPk.has(pk)) { await showPage(S.page || 1); return; }
  if (S.editing && S.editing !== pk) closeEditor();
  S.sel = pk;
  for (const n of $("tasks").querySelectorAll("tr.task.sel")) n.classList.remove("sel");
  const node = rowNode(pk);
  if (node) {
    node.classList.add("sel");
    if (opts.scrollRow) node.scrollIntoView({ block: "nearest" });
  }
  const region = regionOf(pk);
  const row = S.byPk.get(pk);
  await showPage(region ? region.page : row.task.page || S.page || 1);
}

function showPage(n) {
  const img = $("page-img");
  if (!S.pages) {
    $("page-label").textContent = "Không có ảnh trang";
    img.removeAttribute("src");
    $("page-overlay").replaceChildren();
    return Promise.resolve();
  }
  n = Math.max(1, Math.min(S.pages, n));
  $("page-label").textContent = `Trang ${n} / ${S.pages}`;
  $("page-prev").disabled = n <= 1;
  $("page-next").disabled = n >= S.pages;
  if (n === S.page && img.complete && img.naturalWidth) {
    drawBoxes(true);
    return Promise.resolve();
  }
  S.page = n;
  return new Promise((resolve) => {
    img.onload = () => { S.pageWidth = img.naturalWidth / SCALE; drawBoxes(true); resolve(); };
    img.onerror = () => { $("page-overlay").replaceChildren(); resolve(); };
    img.setAttribute("src", `/documents/${Number(S.doc.id)}/pages/${n}?scale=${SCALE}`);
  });
}

function drawBoxes(scroll) {
  const img = $("page-img");
  if (!img.naturalWidth) return;
  const w = img.naturalWidth / SCALE, h = img.naturalHeight / SCALE;
  const boxes = [];
  let chosen = null;
  for (const row of S.rows) {
    if (row.removed) continue;
    const region = regionOf(row.id);
    if (!region) continue;
    for (const b of region.boxes) {
      if (b.page !== S.page) continue;
      const div = el("div", { class: row.id === S.sel ? "hl sel" : "hl", dataset: { pk: row.id },
                              title: `${row.task.ordinal || ""} ${row.task.text.slice(0, 120)}` });
      div.style.left = `${(100 * b.x0) / w}%`;
      div.style.top = `${(100 * b.top) / h}%`;
      div.style.width = `${(100 * (b.x1 - b.x0)) / w}%`;
      div.style.height = `${(100 * (b.bottom - b.top)) / h}%`;
      div.addEventListener("click", (ev) => { ev.stopPropagation(); select(row.id, { scrollRow: true }); });
      boxes.push(div);
      if (row.id === S.sel && !chosen) chosen = div;
    }
  }
  $("page-overlay").replaceChildren(...boxes);
  if (scroll && chosen) {
    const pane = $("page-scroll");
    const above = chosen.getBoundingClientRect().top - pane.getBoundingClientRect().top;
    pane.scrollTop = Math.max(0, pane.scrollTop + above - 60);
  }
}

$("page-prev").addEventListener("click", () => showPage(S.page - 1));
$("page-next").addEventListener("click", () => showPage(S.page + 1));

function liveRows() { return S.rows.filter((r) => !r.removed); }

function step(delta, warnOnly) {
  const rows = S.rows.filter((r) => !r.removed && (!warnOnly || r._warn));
  if (!rows.length) { if (warnOnly) notice("Không còn cảnh báo nào."); return; }
  const all = liveRows();
  const at = all.findIndex((r) => r.id === S.sel);
  let target;
  if (!warnOnly) {
    target = all[Math.max(0, Math.min(all.length - 1, at + delta))];
  } else {
    const order = all.map((r) => r.id);
    const pos = (r) => order.indexOf(r.id);
    const after = rows.filter((r) => (delta > 0 ? pos(r) > at : pos(r) < at));
    target = after.length ? (delta > 0 ? after[0] : after[after.length - 1]) : (delta > 0 ? rows[0] : rows[rows.length - 1]);
  }
  if (target) select(target.id, { scrollRow: true });
}

// -- editing --------------------------------------------------------------------------------------
function closeEditor() {
  const ed = $("tasks").querySelector("tr.editor");
  if (ed) ed.remove();
  S.editing = null;
}

function makePicker(refs) {
  const chips = refs.map((r) => ({ name: agencyName(r), known: !!r.id }));
  const list = el("span", { class: "chips" });
  const input = el("input", { type: "text", placeholder: "Tìm trong danh mục hoặc gõ tên…",
                              "aria-label": "Tìm cơ quan", autocomplete: "off" });
  const menu = el("ul", { class: "suggest", hidden: true });
  let items = [], active = -1;
  const picker = el("span", { class: "picker" }, input, menu);
  const redraw = () => {
    list.replaceChildren(...chips.map((c, i) => el("span", { class: c.known ? "chip" : "chip unknown",
        title: c.known ? null : "Không chọn từ danh mục: sẽ được tra khi lưu, nếu không có sẽ bị đánh dấu" },
      c.known ? c.name : `⚑ ${c.name}`,
      el("button", { type: "button", title: "Bỏ", "aria-label": `Bỏ ${c.name}`,
                     on: { click: () => { chips.splice(i, 1); redraw(); } } }, "×"))), picker);
  };
  const showMenu = () => {
    menu.replaceChildren(...items.map((it, i) => el("li", { class: i === active ? "active" : null,
        on: { mousedown: (ev) => { ev.preventDefault(); add(it.name, true); } } },
      it.name, el("span", { class: "muted", text: it.id }))));
    menu.hidden = items.length === 0;
  };
  const add = (name, known) => {
    name = name.trim();
    if (name && !chips.some((c) => c.name === name)) chips.push({ name, known });
    input.value = ""; items = []; active = -1; showMenu(); redraw(); input.focus();
  };
  const search = debounce(async () => {
    const q = input.value.trim();
    if (!q) { items = []; showMenu(); return; }
    try {
      const out = await api("GET", `/review/api/documents/${Number(S.doc.id)}/agencies?q=${encodeURIComponent(q)}`);
      if (input.value.trim() !== q) return;
      items = out.items; active = items.length ? 0 : -1; showMenu();
    } catch (err) { items = []; showMenu(); }
  }, 150);
  input.addEventListener("input", search);
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" && items.length) { active = (active + 1) % items.length; showMenu(); ev.preventDefault(); }
    else if (ev.key === "ArrowUp" && items.length) { active = (active - 1 + items.length) % items.length; showMenu(); ev.preventDefault(); }
    else if (ev.key === "Enter" && !ev.ctrlKey) {
      ev.preventDefault();
      if (active >= 0 && items[active]) add(items[active].name, true);
      else if (input.value.trim()) add(input.value, false);
    } else if (ev.key === "Backspace" && !input.value && chips.length) { chips.pop(); redraw(); }
    else if (ev.key === "Escape" && !menu.hidden) { items = []; showMenu(); ev.stopPropagation(); }
  });
  input.addEventListener("blur", () => setTimeout(() => { items = []; showMenu(); }, 150));
  redraw();
  return { node: list, input, names: () => chips.map((c) => c.name).concat(input.value.trim() ? [input.value.trim()] : []) };
}

function openEditor(pk) {
  if (!canReview()) { notice("Tài khoản chỉ được xem.", true); return; }
  const row = S.byPk.get(pk);
  if (!row) return;
  if (row.removed) { notice("Nhiệm vụ này đã bị bỏ; khôi phục trước khi sửa.", true); return; }
  closeEditor();
  if (S.sel !== pk) select(pk, {});
  S.editing = pk;
  const t = row.task;
  const text = el("textarea", { "aria-label": "Nội dung" });
  text.value = t.text;
  const lead = makePicker(t.lead || []);
  const support = makePicker(t.support || []);
  const due = el("input", { class: "wide", type: "text", "aria-label": "Thời hạn",
                            placeholder: "vd. trước ngày 30/6/2026, Quý III/2026, thường xuyên" });
  due.value = t.due ? t.due.raw : "";
  const parsed = el("div", { class: "parsed", text: t.due ? `→ ${dueDates(t.due) || KIND_LABEL[t.due.kind]}` : "" });
  const product = el("input", { class: "wide", type: "text", "aria-label": "Sản phẩm" });
  product.value = t.product || "";
  due.addEventListener("input", debounce(async () => {
    const phrase = due.value.trim();
    if (!phrase) { parsed.textContent = "(không có thời hạn)"; parsed.classList.remove("bad"); return; }
    try {
      const out = await api("GET", `/documents/${Number(S.doc.id)}/preview?due=${encodeURIComponent(phrase)}`);
      if (due.value.trim() !== phrase) return;
      const spec = out.due;
      const read = spec && (dueDates(spec) || (spec.kind !== "unspecified" ? KIND_LABEL[spec.kind] : ""));
      parsed.textContent = read ? `→ ${read}` : `→ chưa đọc được${out.notes && out.notes.length ? ": " + out.notes.join("; ") : ""}`;
      parsed.classList.toggle("bad", !read);
    } catch (err) { parsed.textContent = ""; }
  }, 200));
  const save = el("button", { type: "button", text: "Lưu (Ctrl+Enter)" });
  const cancel = el("button", { type: "button", text: "Thôi (Esc)" });
  const form = el("div", { class: "editor-grid" },
    el("label", { text: "Nội dung" }), text,
    el("label", { text: "Chủ trì" }), lead.node,
    el("label", { text: "Phối hợp" }), support.node,
    el("label", { text: "Thời hạn" }), el("div", {}, due, parsed),
    el("label", { text: "Sản phẩm" }), product,
    el("div", { class: "editor-buttons" }, save, cancel));
  const editor = el("tr", { class: "editor", dataset: { pk } }, el("td", { colspan: 7 }, form));
  const doSave = () => saveEdit(pk, { text: text.value, lead: lead.names(), support: support.names(),
                                      due: due.value, product: product.value });
  save.addEventListener("click", doSave);
  cancel.addEventListener("click", closeEditor);
  editor.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && ev.ctrlKey) { ev.preventDefault(); doSave(); }
    else if (ev.key === "Escape") { ev.preventDefault(); closeEditor(); rowNode(pk)?.focus(); }
    ev.stopPropagation();
  });
  rowNode(pk).after(editor);
  editor.scrollIntoView({ block: "nearest" });
  lead.input.focus();
}

function fieldsOf(task) {
  return { text: task.text, lead: (task.lead || []).map(agencyName), support: (task.support || []).map(agencyName),
           due: task.due ? task.due.raw : "", product: task.product || "" };
}

function changedFields(before, after) {
  const out = {};
  for (const k of Object.keys(FIELD_LABEL)) {
    const a = before[k], b = after[k];
    const same = Array.isArray(a) ? JSON.stringify(a) === JSON.stringify(b) : (a || "").trim() === (b || "").trim();
    if (!same) out[k] = b;
  }
  return out;
}

async function patch(pk, fields, extra) {
  const row = S.byPk.get(pk);
  const body = { version: row.version, ...fields, ...(extra || {}) };
  try {
    return await api("PATCH", `/tasks/${Number(pk)}`, body);
  } catch (err) {
    if (err instanceof ApiError && (err.status === 409 || err.status === 412)) {
      notice("Nhiệm vụ vừa được người khác sửa: đã tải lại bản mới nhất.", true);
      await openDocument(S.doc.id, true);
      return null;
    }
    throw err;
  }
}

async function saveEdit(pk, edited) {
  const row = S.byPk.get(pk);
  const before = fieldsOf(row.task);
  const changes = changedFields(before, edited);
  if (!Object.keys(changes).length) { closeEditor(); return; }
  if ("text" in changes && !changes.text.trim()) { notice("Nội dung không được để trống.", true); return; }
  try {
    const out = await patch(pk, changes);
    if (!out) return;
    const prev = {};
    for (const k of Object.keys(changes)) prev[k] = before[k];
    S.undo.push({ kind: "edit", pk, fields: prev });
    closeEditor();
    replaceRow(stripExtra(out));
    select(pk, {});
    const said = [];
    if (out.unknown_agencies && out.unknown_agencies.length) said.push(`Ngoài danh mục (đã đánh dấu): ${out.unknown_agencies.join(", ")}`);
    if (out.notes && out.notes.length) said.push(`Thời hạn: ${out.notes.join("; ")}`);
    notice(said.length ? said.join(" · ") : "Đã lưu.", said.length > 0);
    renderHead();
  } catch (err) { fail(err); }
}

function stripExtra(view) {
  const { unknown_agencies, notes, ...row } = view;
  return row;
}

async function setRemoved(pk, removed, remember) {
  const out = await patch(pk, {}, { not_a_task: removed });
  if (!out) return false;
  if (remember) S.undo.push({ kind: "removed", pk, removed });
  replaceRow(stripExtra(out));
  return true;
}

function dialog(title, body, okLabel) {
  const d = $("dialog");
  $("dialog-title").textContent = title;
  $("dialog-body").replaceChildren(...[].concat(body));
  $("dialog-ok").hidden = !okLabel;
  $("dialog-ok").textContent = okLabel || "";
  d.returnValue = "";
  d.showModal();
  return new Promise((resolve) => {
    d.addEventListener("close", () => resolve(d.returnValue === "ok"), { once: true });
  });
}

async function act(name) {
  const pk = S.sel;
  const row = S.byPk.get(pk);
  if (!row && name !== "add") return;
  if (name !== "history" && !canReview()) { notice("Tài khoản chỉ được xem.", true); return; }
  try {
    if (name === "edit") openEditor(pk);
    else if (name === "remove") {
      await setRemoved(pk, !row.removed, true);
      notice(row.removed ? "Đã khôi phục." : "Đã đánh dấu: không phải nhiệm vụ.");
      renderHead();
    } else if (name === "history") await showHistory(pk);
    else if (name === "split") {
      const area = el("textarea", { "aria-label": "Các phần" });
      area.value = row.task.text;
      const ok = await dialog("Tách nhiệm vụ: mỗi dòng một nhiệm vụ", [area], "Tách");
      if (!ok) return;
      const parts = area.value.split(/\n+/).map((s) => s.trim()).filter(Boolean);
      if (parts.length < 2) { notice("Cần ít nhất hai dòng.", true); return; }
      const out = await api("POST", `/tasks/${Number(pk)}/split`, { version: row.version, parts });
      S.undo.push({ kind: "split", pk, parts: out.items.map((x) => x.id) });
      await openDocument(S.doc.id, false);
      select(out.items[0].id, { scrollRow: true });
    } else if (name === "merge") {
      const live = liveRows();
      const at = live.findIndex((r) => r.id === pk);
      const next = live[at + 1];
      if (!next) { notice("Không có nhiệm vụ sau để gộp.", true); return; }
      const ok = await dialog("Gộp hai nhiệm vụ", [el("p", { text: row.task.text }), el("p", { text: "+ " + next.task.text })], "Gộp");
      if (!ok) return;
      const prev = fieldsOf(row.task);
      await api("POST", "/tasks/merge", { tasks: [{ id: pk, version: row.version }, { id: next.id, version: next.version }] });
      S.undo.push({ kind: "merge", pk, fields: prev, others: [next.id] });
      await openDocument(S.doc.id, true);
    } else if (name === "add") {
      const area = el("textarea", { "aria-label": "Nội dung nhiệm vụ mới" });
      const ok = await dialog("Thêm nhiệm vụ (sau nhiệm vụ đang chọn)", [area], "Thêm");
      if (!ok || !area.value.trim()) return;
      const out = await api("POST", `/documents/${Number(S.doc.id)}/tasks`, { text: area.value.trim(), after: pk || null });
      S.undo.push({ kind: "add", pk: out.id });
      await openDocument(S.doc.id, false);
      await select(out.id, { scrollRow: true });
      openEditor(out.id);
    }
  } catch (err) { fail(err); }
}

for (const b of document.querySelectorAll("#task-tools button[data-act]")) {
  b.addEventListener("click", () => act(b.dataset.act));
}

async function undo() {
  const op = S.undo.pop();
  if (!op) return;
  try {
    if (op.kind === "edit") {
      await openDocument(S.doc.id, true);
      const out = await patch(op.pk, op.fields);
      if (out) replaceRow(stripExtra(out));
    } else if (op.kind === "removed") {
      await openDocument(S.doc.id, true);
      await setRemoved(op.pk, !op.removed, false);
    } else if (op.kind === "add") {
      await openDocument(S.doc.id, true);
      await setRemoved(op.pk, true, false);
    } else if (op.kind === "split") {
      await openDocument(S.doc.id, true);
      for (const part of op.parts) await setRemoved(part, true, false);
      await setRemoved(op.pk, false, false);
    } else if (op.kind === "merge") {
      await openDocument(S.doc.id, true);
      for (const other of op.others) await setRemoved(other, false, false);
      const out = await patch(op.pk, op.fields);
      if (out) replaceRow(stripExtra(out));
    }
    notice("Đã hoàn tác.");
    await openDocument(S.doc.id, true);
  } catch (err) { fail(err); }
  renderHead();
}

$("undo").addEventListener("click", undo);

$("approve").addEventListener("click", async () => {
  const ok = await dialog("Duyệt văn bản", [el("p", { text: "Các nhiệm vụ của văn bản này sẽ được công bố cho các hệ thống theo dõi." })], "Duyệt");
  if (!ok) return;
  try {
    const out = await api("POST", `/documents/${Number(S.doc.id)}/approve`);
    S.doc.review = out.review;
    renderHead();
    notice(`Đã duyệt: ${out.published} nhiệm vụ được công bố.`);
  } catch (err) { fail(err); }
});

function summary(task, field) {
  if (!task) return "";
  const f = fieldsOf(task)[field];
  return Array.isArray(f) ? f.join("; ") : f;
}

async function showHistory(pk) {
  const out = await api("GET", `/tasks/${Number(pk)}/revisions`);
  const items = out.items.map((r) => {
    const changes = [];
    for (const field of Object.keys(FIELD_LABEL)) {
      const a = summary(r.before, field), b = summary(r.after, field);
      if (a !== b) changes.push(el("div", { class: "change" }, `${FIELD_LABEL[field]}: `,
        a ? el("del", { text: a }) : null, a && b ? " → " : null, b ? el("ins", { text: b }) : null));
    }
    if (!r.after) changes.push(el("div", { class: "change", text: "(bỏ khỏi danh sách nhiệm vụ)" }));
    return el("div", { class: "rev" },
      el("div", { class: "what" }, `${ACTION_LABEL[r.action] || r.action} · ${r.user || "vnplan"} · `,
        new Date(r.at).toLocaleString("vi-VN")), ...changes);
  });
  await dialog("Lịch sử sửa đổi", items.length ? items : [el("p", { text: "Chưa có sửa đổi nào: nhiệm vụ như khi đọc." })]);
}

// -- keyboard ---------------------------------------------------------------------------------------
document.addEventListener("keydown", (ev) => {
  if ($("review-view").hidden || $("dialog").open) return;
  const tag = (ev.target.tagName || "").toLowerCase();
  if ((ev.ctrlKey || ev.metaKey) && ev.key.toLowerCase() === "z" && tag !== "input" && tag !== "textarea") {
    ev.preventDefault(); undo(); return;
  }
  if (tag === "input" || tag === "textarea" || tag === "select" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  if ((tag === "button" || tag === "a") && (ev.key === "Enter" || ev.key === " ")) return;
  const keys = { ArrowDown: () => step(1), j: () => step(1), ArrowUp: () => step(-1), k: () => step(-1),
                 n: () => step(1, true), p: () => step(-1, true), N: () => step(-1, true),
                 Enter: () => openEditor(S.sel), Escape: closeEditor };
  const fn = keys[ev.key];
  if (fn) { ev.preventDefault(); fn(); }
});

start();
