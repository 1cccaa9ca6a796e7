// Đôn Đốc sandbox page: plain JavaScript, no build step. Talks to the bot's sandbox API
// (/api/...) and hears new messages live through server-sent events.
"use strict";

const $ = (id) => document.getElementById(id);
const state = {
  texts: {},
  lang: "vi",
  timezone: "Asia/Ho_Chi_Minh",
  maxFileMb: 10,
  chats: [],
  people: [],
  current: null,
  seen: {},
  messages: [],
  sample: "",
  samples: [],
  clock: { at: 0, receivedAt: 0 },
  replyTo: null,
  editing: null,
  files: [],
  senderByChat: {},
};

// ---- texts -------------------------------------------------------------------------------
function tr(key, vars) {
  const table = state.texts[state.lang] || state.texts.vi || {};
  let text = table[key] || (state.texts.vi || {})[key] || key;
  for (const [name, value] of Object.entries(vars || {})) text = text.split(`{{${name}}}`).join(String(value));
  return text;
}
function applyTexts() {
  document.documentElement.lang = state.lang;
  for (const el of document.querySelectorAll("[data-t]")) {
    if (el.id === "chat-title" && state.current) continue;
    el.textContent = tr(el.dataset.t);
  }
  for (const el of document.querySelectorAll("[data-t-placeholder]")) el.placeholder = tr(el.dataset.tPlaceholder);
  for (const el of document.querySelectorAll("[data-t-aria-label]"))
    el.setAttribute("aria-label", tr(el.dataset.tAriaLabel));
}

// ---- time --------------------------------------------------------------------------------
function parts(date) {
  const f = new Intl.DateTimeFormat("en-GB", {
    timeZone: state.timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    weekday: "short",
    hourCycle: "h23",
  });
  return Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
}
const WEEKDAY_INDEX = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
function dayLabel(date) {
  const p = parts(date);
  return `${tr(`weekday_${WEEKDAY_INDEX[p.weekday]}`)}, ${p.day}/${p.month}/${p.year}`;
}
function timeLabel(date) {
  const p = parts(date);
  return `${p.hour}:${p.minute}`;
}
const sandboxNow = () => new Date(state.clock.at + (Date.now() - state.clock.receivedAt));
function setClock(iso) {
  state.clock = { at: Date.parse(iso), receivedAt: Date.now() };
  renderClock();
}
function renderClock() {
  const now = sandboxNow();
  const el = $("clock-now");
  el.textContent = `${dayLabel(now)} ${timeLabel(now)}`;
  el.dateTime = now.toISOString();
  const p = parts(now);
  if (!$("date-input").value) $("date-input").value = `${p.year}-${p.month}-${p.day}`;
}

// ---- server ------------------------------------------------------------------------------
async function api(path, body) {
  const response = await fetch(
    path,
    body === undefined
      ? {}
      : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
  );
  const data = await response.json().catch(() => ({}));
  return { ok: response.ok, status: response.status, data };
}
let toastTimer;
function toast(text) {
  $("toast").textContent = text;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => ($("toast").textContent = ""), 6000);
}

async function loadState() {
  const { ok, data } = await api("/api/state");
  if (!ok) return toast(tr("error_offline"));
  state.timezone = data.timezone;
  state.maxFileMb = data.maxFileMb;
  state.chats = data.chats;
  state.people = data.people;
  state.sample = data.sample;
  state.samples = data.samples || [];
  renderSamples();
  setClock(data.now);
  for (const c of state.chats) if (state.seen[c.chatId] === undefined) state.seen[c.chatId] = c.count;
  updateLanguage();
  renderChatList();
  if (state.current) renderChatHead();
}

// ---- people and roles ---------------------------------------------------------------------
const personById = (id) => state.people.find((p) => p.userId === id);
function roleText(p) {
  if (p.role === "officer" && p.unit) return tr("role_officer_of", { unit: p.unit });
  return tr(`role_${p.role}`);
}
function currentSender() {
  return personById($("sender").value);
}
function updateLanguage() {
  const sender = currentSender();
  const lang = sender && sender.language === "en" ? "en" : "vi";
  if (lang !== state.lang) {
    state.lang = lang;
    applyTexts();
    renderClock();
    renderSamples();
    renderChatList();
    if (state.current) {
      state.senderByChat[state.current] = $("sender").value;
      renderChatHead();
      renderSenderPicker(state.chats.find((c) => c.chatId === state.current));
      renderMessages();
    }
  }
}
function defaultSender(chat) {
  if (chat.ownerId) return chat.ownerId;
  const people = state.people;
  if (chat.sample === "unit")
    return (people.find((p) => p.role === "officer" && p.unit === chat.unit) || people[0]).userId;
  if (chat.sample === "rollup") return (people.find((p) => p.role === "leader") || people[0]).userId;
  return (people.find((p) => p.role === "admin") || people[0]).userId;
}
function renderSenderPicker(chat) {
  const select = $("sender");
  const keep = state.senderByChat[chat.chatId] || defaultSender(chat);
  select.textContent = "";
  const note = $("sender-note");
  if (chat.ownerId) {
    const owner = personById(chat.ownerId);
    select.append(new Option(`${owner.name} — ${roleText(owner)}`, owner.userId));
    select.disabled = true;
    note.textContent = tr("sender_private", { name: owner.name });
    note.hidden = false;
  } else {
    select.disabled = false;
    note.hidden = true;
    for (const role of ["admin", "leader", "officer", "none"]) {
      const group = document.createElement("optgroup");
      group.label = tr(`group_${role}`);
      for (const p of state.people.filter((x) => x.role === role))
        group.append(new Option(`${p.name} — ${roleText(p)}`, p.userId));
      if (group.children.length) select.append(group);
    }
  }
  select.value = keep;
  if (!select.value && select.options.length) select.selectedIndex = 0;
}

// ---- chat list ----------------------------------------------------------------------------
function chatSubtitle(chat) {
  if (chat.type === "private") {
    const p = personById(chat.ownerId);
    return p ? roleText(p) : "";
  }
  if (chat.role === "rollup") return tr("sub_rollup");
  if (chat.unit) return tr("sub_unit", { unit: chat.unit });
  return tr("sub_unbound");
}
function renderChatList() {
  const filter = $("chat-filter")
    .value.trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d");
  const box = $("chat-list");
  // The list is rebuilt as messages arrive: keyboard focus stays on the same chat.
  const focused = box.contains(document.activeElement) ? document.activeElement.dataset.chat : undefined;
  box.textContent = "";
  const sections = [
    ["section_rollup", (c) => c.sample === "rollup"],
    ["section_units", (c) => c.sample === "unit"],
    ["section_new", (c) => c.sample === "new_group"],
    ["section_private", (c) => c.type === "private"],
  ];
  for (const [key, test] of sections) {
    const chats = state.chats.filter(test).filter((c) => {
      if (!filter) return true;
      const hay = `${c.title} ${chatSubtitle(c)}`
        .toLowerCase()
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/đ/g, "d");
      return hay.includes(filter);
    });
    if (!chats.length) continue;
    const heading = document.createElement("h3");
    heading.textContent = tr(key);
    const list = document.createElement("ul");
    for (const chat of chats) {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "chat-item";
      button.dataset.chat = chat.chatId;
      if (state.current === chat.chatId) button.setAttribute("aria-current", "true");
      const names = document.createElement("span");
      names.className = "names";
      const title = document.createElement("span");
      title.className = "title";
      title.textContent = chat.title;
      const sub = document.createElement("span");
      sub.className = "sub";
      sub.textContent = chatSubtitle(chat);
      names.append(title, sub);
      button.append(names);
      const unread = chat.count - (state.seen[chat.chatId] || 0);
      if (unread > 0 && state.current !== chat.chatId) {
        const badge = document.createElement("span");
        badge.className = "badge";
        badge.textContent = String(unread);
        badge.setAttribute("aria-label", tr("unread", { count: unread }));
        button.append(badge);
      }
      button.addEventListener("click", () => openChat(chat.chatId));
      item.append(button);
      list.append(item);
    }
    box.append(heading, list);
  }
  if (focused) {
    const again = box.querySelector(`.chat-item[data-chat="${focused}"]`);
    if (again) again.focus();
  }
}

// ---- one chat -----------------------------------------------------------------------------
function renderChatHead() {
  const chat = state.chats.find((c) => c.chatId === state.current);
  $("chat-title").textContent = chat.title;
  $("chat-sub").textContent = chatSubtitle(chat);
}
async function openChat(chatId) {
  toast("");
  if (state.current && state.current !== chatId) state.senderByChat[state.current] = $("sender").value;
  state.current = chatId;
  const chat = state.chats.find((c) => c.chatId === chatId);
  $("layout").className = "show-chat";
  $("composer").hidden = false;
  renderChatHead();
  renderSenderPicker(chat);
  cancelReply();
  const { ok, data } = await api(`/api/chats/${chatId}/messages`);
  if (!ok || state.current !== chatId) return;
  state.messages = data.messages;
  chat.count = Math.max(chat.count, data.messages.length);
  state.seen[chatId] = chat.count;
  renderMessages();
  renderChatList();
  updateLanguage();
  $("chat-title").focus();
}
function closeChat() {
  if (state.current) state.senderByChat[state.current] = $("sender").value;
  $("layout").className = "show-list";
  const button = document.querySelector(`.chat-item[data-chat="${state.current}"]`);
  if (button) button.focus();
}

function renderMessages() {
  const list = $("messages");
  list.textContent = "";
  state.editing = null;
  if (!state.messages.length) {
    const empty = document.createElement("li");
    empty.className = "empty";
    empty.textContent = tr("empty_chat");
    list.append(empty);
    return;
  }
  state.messages.forEach((m, i) => appendMessage(m, state.messages[i - 1]));
  list.scrollTop = list.scrollHeight;
}
// New messages are appended, never the whole list rebuilt: the live region then announces only them.
function appendMessage(m, previous) {
  const list = $("messages");
  const empty = list.querySelector(".empty");
  if (empty) empty.remove();
  const day = dayLabel(new Date(m.at));
  if (!previous || dayLabel(new Date(previous.at)) !== day) {
    const sep = document.createElement("li");
    sep.className = "day";
    sep.textContent = day;
    list.append(sep);
  }
  list.append(renderMessage(m));
}
function renderMessage(m) {
  const li = document.createElement("li");
  li.className = `msg ${m.from.bot ? "bot" : "person"}`;
  li.dataset.id = m.id;
  const who = document.createElement("p");
  who.className = "who";
  who.textContent = m.from.bot ? tr("bot_name") : m.from.name;
  li.append(who);
  if (m.replyTo) {
    const original = state.messages.find((x) => x.id === m.replyTo);
    if (original) {
      const quote = document.createElement("p");
      quote.className = "quote";
      quote.textContent = original.text || (original.files[0] && original.files[0].name) || "";
      li.append(quote);
    }
  }
  for (const f of m.files) {
    if (f.kind === "photo" && /^image\//.test(f.mime)) {
      const link = document.createElement("a");
      link.href = `/files/${f.sha256}`;
      link.target = "_blank";
      link.rel = "noopener";
      const img = document.createElement("img");
      img.src = `/files/${f.sha256}`;
      img.alt = m.text && m.from.bot ? m.text.split("\n")[0] : tr("photo_alt", { name: f.name });
      link.append(img);
      li.append(link);
    } else {
      const link = document.createElement("a");
      link.className = "file";
      link.href = `/files/${f.sha256}`;
      link.download = f.name;
      link.textContent = `📄 ${f.name} (${Math.max(1, Math.round(f.size / 1024))} KB) — ${tr("download")}`;
      li.append(link);
    }
  }
  if (m.text) {
    const text = document.createElement("p");
    text.className = "text";
    text.textContent = m.text;
    li.append(text);
  }
  const meta = document.createElement("div");
  meta.className = "meta";
  const time = document.createElement("time");
  time.dateTime = m.at;
  time.textContent = timeLabel(new Date(m.at));
  meta.append(time);
  if (m.editedAt) {
    const mark = document.createElement("span");
    mark.className = "edited";
    mark.textContent = tr("edited");
    mark.title = tr("edited_at", { when: `${dayLabel(new Date(m.editedAt))} ${timeLabel(new Date(m.editedAt))}` });
    meta.append(mark);
  }
  // Only the sender edits a message, as on Telegram: the button follows "Gửi với tư cách".
  if (!m.from.bot && m.from.userId === $("sender").value) {
    const edit = document.createElement("button");
    edit.type = "button";
    edit.className = "edit";
    edit.textContent = tr("edit");
    const first = (m.text || m.files[0]?.name || "").split("\n")[0].slice(0, 80);
    edit.setAttribute("aria-label", `${tr("edit_label")}: ${first}`);
    edit.addEventListener("click", () => startEdit(m));
    meta.append(edit);
  }
  if (m.from.bot && m.text) {
    const reply = document.createElement("button");
    reply.type = "button";
    reply.textContent = tr("reply");
    reply.setAttribute("aria-label", `${tr("reply")}: ${m.text.split("\n")[0].slice(0, 80)}`);
    reply.addEventListener("click", () => startReply(m));
    meta.append(reply);
  }
  li.append(meta);
  return li;
}

// ---- editing a message one sent ----------------------------------------------------------
const messageItem = (id) => $("messages").querySelector(`.msg[data-id="${id}"]`);
// The message (and any reply quoting it) drawn again with its new text.
function redrawMessage(m) {
  const index = state.messages.findIndex((x) => x.id === m.id);
  if (index >= 0) state.messages[index] = m;
  // A message being edited here keeps its form; the save redraws it.
  const item = state.editing === m.id ? null : messageItem(m.id);
  if (item) {
    const hadFocus = item.contains(document.activeElement);
    const fresh = renderMessage(m);
    item.replaceWith(fresh);
    if (hadFocus) fresh.querySelector("button.edit")?.focus();
  }
  redrawQuotes(m);
}
// Editing happens in place: the text becomes a small form (Enter saves, Esc cancels).
function startEdit(m) {
  if (state.editing) stopEdit();
  const item = messageItem(m.id);
  if (!item) return;
  state.editing = m.id;
  item.classList.add("editing");
  const form = document.createElement("form");
  form.className = "edit-form";
  const label = document.createElement("label");
  label.htmlFor = `edit-${m.id}`;
  label.textContent = tr("editing");
  const input = document.createElement("textarea");
  input.id = `edit-${m.id}`;
  // Room for the text as it wraps in a bubble (about 32 characters a line on a phone), at most 6 lines.
  input.rows = Math.min(6, Math.max(2, m.text.split("\n").length, Math.ceil(m.text.length / 32)));
  input.value = m.text;
  input.setAttribute("aria-describedby", `edit-hint-${m.id}`);
  const hint = document.createElement("p");
  hint.id = `edit-hint-${m.id}`;
  hint.className = "hint";
  hint.textContent = tr("edit_hint");
  const error = document.createElement("p");
  error.className = "error";
  error.setAttribute("role", "alert");
  const buttons = document.createElement("div");
  buttons.className = "edit-buttons";
  const cancel = document.createElement("button");
  cancel.type = "button";
  cancel.textContent = tr("edit_cancel");
  cancel.addEventListener("click", () => stopEdit(true));
  const save = document.createElement("button");
  save.type = "submit";
  save.textContent = tr("edit_save");
  buttons.append(cancel, save);
  form.append(label, input, hint, error, buttons);
  input.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.preventDefault();
      stopEdit(true);
    } else if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void saveEdit(m, input, error, save);
  });
  const text = item.querySelector(".text");
  if (text) text.replaceWith(form);
  else item.querySelector(".meta").before(form);
  item.querySelector(".meta").hidden = true;
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
  item.scrollIntoView({ block: "nearest" });
}
// Back to the message as it reads now; focus returns to its "Sửa" button when asked.
function stopEdit(refocus) {
  const id = state.editing;
  state.editing = null;
  const m = state.messages.find((x) => x.id === id);
  const item = id && messageItem(id);
  if (!m || !item) return;
  const fresh = renderMessage(m);
  item.replaceWith(fresh);
  if (refocus) fresh.querySelector("button.edit")?.focus();
}
async function saveEdit(m, input, error, save) {
  error.textContent = "";
  const text = input.value;
  if (!text.trim()) return void (error.textContent = tr("error_edit_empty"));
  if (text === m.text) return stopEdit(true);
  save.disabled = true;
  save.textContent = tr("edit_saving");
  try {
    const { ok, data } = await api(`/api/chats/${m.chatId}/messages/${m.id}/edit`, {
      userId: $("sender").value,
      text,
    });
    if (!ok) {
      const key = data.error === "empty" ? "error_edit_empty" : `error_${data.error}`;
      error.textContent = tr(key) === key ? tr("error_send") : tr(key);
      return;
    }
    const index = state.messages.findIndex((x) => x.id === m.id);
    if (index >= 0) state.messages[index] = data.message;
    stopEdit(true);
    redrawQuotes(data.message);
  } catch {
    error.textContent = tr("error_send");
  } finally {
    save.disabled = false;
    save.textContent = tr("edit_save");
  }
}
function redrawQuotes(m) {
  for (const other of state.messages) {
    if (other.replyTo !== m.id) continue;
    const quoting = messageItem(other.id);
    if (quoting) quoting.replaceWith(renderMessage(other));
  }
}

function startReply(m) {
  state.replyTo = m.id;
  $("reply-text").textContent = tr("reply_to", { text: m.text.split("\n")[0].slice(0, 120) });
  $("reply-box").hidden = false;
  $("message-input").focus();
}
function cancelReply() {
  state.replyTo = null;
  $("reply-box").hidden = true;
}

// ---- sending ------------------------------------------------------------------------------
function readFileBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",")[1] || "");
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
function showFiles() {
  const names = state.files.map((f) => f.name).join(", ");
  $("file-names").textContent = tr("attached", { names });
  $("file-box").hidden = !state.files.length;
}
async function send(event) {
  event.preventDefault();
  const error = $("composer-error");
  error.textContent = "";
  toast("");
  const text = $("message-input").value;
  if (!text.trim() && !state.files.length) return void (error.textContent = tr("error_empty"));
  if (state.files.some((f) => f.size > state.maxFileMb * 2 * 1048576))
    return void (error.textContent = tr("error_too_large", { mb: state.maxFileMb }));
  const button = $("send");
  button.disabled = true;
  button.textContent = tr("sending");
  try {
    const files = [];
    for (const f of state.files) files.push({ name: f.name, mime: f.type, data: await readFileBase64(f) });
    const { ok, data, status } = await api(`/api/chats/${state.current}/messages`, {
      userId: $("sender").value,
      text,
      replyTo: state.replyTo || undefined,
      files,
    });
    if (!ok) {
      error.textContent =
        status === 413
          ? tr("error_too_large", { mb: state.maxFileMb })
          : tr(`error_${data.error}`) === `error_${data.error}`
            ? tr("error_send")
            : tr(`error_${data.error}`);
      return;
    }
    $("message-input").value = "";
    state.files = [];
    $("file-input").value = "";
    showFiles();
    cancelReply();
  } catch {
    error.textContent = tr("error_send");
  } finally {
    button.disabled = false;
    button.textContent = tr("send");
    $("message-input").focus();
  }
}

// ---- time travel and reset ----------------------------------------------------------------
// The samples to rebuild from, the one in use selected (texts follow the page's language).
function renderSamples() {
  const select = $("sample-select");
  select.textContent = "";
  for (const id of state.samples) select.append(new Option(tr(`sample_${id}`), id, false, id === state.sample));
}
async function travel(body) {
  const buttons = document.querySelectorAll("#clock-panel button");
  buttons.forEach((b) => (b.disabled = true));
  $("clock-panel").setAttribute("aria-busy", "true");
  try {
    const { ok, data } = await api("/api/clock", body);
    if (!ok) return toast(tr(`error_${data.error}`));
    setClock(data.now);
    const when = `${dayLabel(new Date(data.now))} ${timeLabel(new Date(data.now))}`;
    toast(data.delivered ? tr("moved_delivered", { when, count: data.delivered }) : tr("moved", { when }));
    closeClockPanelOnPhone();
    await loadState();
  } catch {
    toast(tr("error_offline"));
  } finally {
    buttons.forEach((b) => (b.disabled = false));
    $("clock-panel").removeAttribute("aria-busy");
  }
}
// On a phone the open panel hides the chat: close it once time has moved or the sandbox was reset.
function closeClockPanelOnPhone() {
  if (window.matchMedia("(max-width: 720px)").matches) toggleClockPanel(false);
}
function toggleClockPanel(open) {
  $("clock-panel").hidden = !open;
  $("clock-toggle").setAttribute("aria-expanded", String(open));
}
async function reset() {
  const sample = $("sample-select").value || state.sample;
  if (!window.confirm(tr("reset_confirm", { sample: tr(`sample_${sample}`) }))) return;
  const { ok } = await api("/api/reset", { sample });
  if (!ok) return toast(tr("error_offline"));
  state.seen = {};
  state.senderByChat = {};
  $("date-input").value = "";
  await loadState();
  if (state.current) await openChat(state.current);
  closeClockPanelOnPhone();
  toast(tr("reset_done", { sample: tr(`sample_${state.sample}`) }));
}

// ---- live events --------------------------------------------------------------------------
let refreshTimer;
function refreshSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void loadState(), 300);
}
function listen() {
  const events = new EventSource("/api/events");
  events.addEventListener("message", (e) => {
    const m = JSON.parse(e.data);
    const chat = state.chats.find((c) => c.chatId === m.chatId);
    if (chat) chat.count = Math.max(chat.count, Number(m.id));
    if (m.chatId === state.current && !state.messages.some((x) => x.id === m.id)) {
      const list = $("messages");
      const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
      appendMessage(m, state.messages[state.messages.length - 1]);
      state.messages.push(m);
      state.seen[m.chatId] = chat ? chat.count : Number(m.id);
      // Keep reading position when the user scrolled up; follow the conversation otherwise.
      if (atBottom || !m.from.bot) list.scrollTop = list.scrollHeight;
    }
    renderChatList();
    // Registrations, roles and languages change through messages: refresh names and roles.
    if (m.from.bot) refreshSoon();
  });
  events.addEventListener("edit", (e) => {
    const m = JSON.parse(e.data);
    if (m.chatId === state.current) redrawMessage(m);
  });
  events.addEventListener("clock", (e) => setClock(JSON.parse(e.data).now));
  events.addEventListener("reset", () => void loadState());
}

// ---- start --------------------------------------------------------------------------------
async function start() {
  const texts = await api("/api/texts");
  state.texts = texts.data;
  applyTexts();
  await loadState();
  listen();
  setInterval(renderClock, 15_000);
  $("chat-filter").addEventListener("input", renderChatList);
  $("back").addEventListener("click", closeChat);
  $("composer").addEventListener("submit", send);
  $("message-input").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) $("composer").requestSubmit();
  });
  $("sender").addEventListener("change", () => {
    state.senderByChat[state.current] = $("sender").value;
    const lang = state.lang;
    updateLanguage();
    // Only the sender's own messages offer "Sửa" (a language change has redrawn them already).
    if (lang === state.lang) renderMessages();
  });
  $("reply-cancel").addEventListener("click", cancelReply);
  $("file-input").addEventListener("change", () => {
    state.files = [...$("file-input").files];
    showFiles();
  });
  $("file-clear").addEventListener("click", () => {
    state.files = [];
    $("file-input").value = "";
    showFiles();
  });
  $("clock-toggle").addEventListener("click", () => toggleClockPanel($("clock-panel").hidden));
  for (const b of document.querySelectorAll("[data-travel]"))
    b.addEventListener("click", () => travel({ to: b.dataset.travel }));
  $("date-form").addEventListener("submit", (e) => {
    e.preventDefault();
    travel({ to: "date", date: $("date-input").value, time: $("time-input").value || "08:00" });
  });
  $("reset").addEventListener("click", reset);
}
start();
