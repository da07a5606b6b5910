// dehusk inspection page: plain JavaScript, no framework, no network beyond this server.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const form = $("input-form");
  const pageBox = $("page");
  const fileInput = $("file");
  const modeSelect = $("mode");
  const urlInput = $("url");
  const statusLine = $("status");
  const submitButton = $("submit");

  // label -> group, for the legend order; the server's /v1/info has the authoritative list
  let groups = {
    content: ["title", "lead", "body", "heading"],
    metadata: ["byline", "date", "source", "tags"],
    husk: ["teaser", "navigation", "related", "boilerplate", "comment", "caption", "duplicate", "empty"],
  };
  let allowFetch = false;
  const hidden = new Set();

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function setStatus(message, kind) {
    statusLine.textContent = message;
    statusLine.className = kind || "";
  }

  async function loadInfo() {
    try {
      const res = await fetch("v1/info");
      if (!res.ok) return;
      const info = await res.json();
      if (info.labels) groups = info.labels;
      allowFetch = Boolean(info.allow_fetch);
      if (allowFetch) {
        urlInput.placeholder = "the page's address; alone, the server fetches it";
      }
    } catch (_err) {
      // the page still works with the built-in label list
    }
  }

  function errorMessage(status, body) {
    if (body && body.error && body.error.message) return body.error.message + " (HTTP " + status + ")";
    return "the server answered HTTP " + status;
  }

  async function submit(event) {
    event.preventDefault();
    const file = fileInput.files && fileInput.files[0];
    const content = pageBox.value;
    const url = urlInput.value.trim();
    const mode = modeSelect.value;
    let request;
    if (file) {
      const data = new FormData();
      data.append("file", file, file.name);
      data.append("mode", mode);
      data.append("explain", "1");
      if (url) data.append("url", url);
      request = fetch("v1/extract/file", { method: "POST", body: data });
    } else if (content.trim() || url) {
      const body = { mode: mode, explain: true };
      if (content.trim()) body.text = content;
      if (url) body.url = url;
      if (!content.trim() && !allowFetch) {
        setStatus("Paste a page or choose a file: this server does not fetch URLs.", "error");
        return;
      }
      request = fetch("v1/extract", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    } else {
      setStatus("Paste a page or choose a file first.", "error");
      return;
    }
    submitButton.disabled = true;
    setStatus("Extracting…", "busy");
    const started = performance.now();
    try {
      const res = await request;
      let body = null;
      try {
        body = await res.json();
      } catch (_err) {
        body = null;
      }
      if (!res.ok || !body) {
        setStatus(errorMessage(res.status, body), "error");
        return;
      }
      const ms = Math.round(performance.now() - started);
      const n = body.blocks ? body.blocks.length : 0;
      setStatus("Done in " + ms + " ms: " + n + " blocks, read as " + (body.mode || "?") + ".", "ok");
      show(body);
    } catch (err) {
      setStatus("The request failed: " + err, "error");
    } finally {
      submitButton.disabled = false;
    }
  }

  function addMeta(dl, name, value) {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return;
    dl.appendChild(el("dt", null, name));
    const dd = el("dd", null, Array.isArray(value) ? value.join(", ") : value);
    dd.dataset.field = name;
    dl.appendChild(dd);
  }

  function showArticle(a) {
    const title = $("title");
    title.textContent = a.title || "";
    title.classList.toggle("missing", !a.title);
    if (!a.title) title.textContent = "(no title found)";
    title.dataset.value = a.title || "";

    const meta = $("meta");
    meta.replaceChildren();
    addMeta(meta, "authors", a.authors);
    addMeta(meta, "published", a.published);
    addMeta(meta, "modified", a.modified);
    addMeta(meta, "source", a.source);
    addMeta(meta, "site", a.site_name);
    addMeta(meta, "tags", a.tags);
    addMeta(meta, "language", a.language);
    addMeta(meta, "page type", a.page_type);
    if (a.confidence !== null && a.confidence !== undefined) addMeta(meta, "confidence", a.confidence.toFixed(2));

    $("lead").textContent = a.lead || "";
    $("lead").hidden = !a.lead;

    const text = $("text");
    text.replaceChildren();
    const paragraphs = (a.text || "").split("\n\n").filter((p) => p.trim());
    // the lead is also the first paragraph of text: show it once
    const start = a.lead && paragraphs.length && paragraphs[0] === a.lead ? 1 : 0;
    for (const p of paragraphs.slice(start)) text.appendChild(el("p", null, p));

    const empty = $("empty");
    empty.hidden = Boolean(a.text);
    empty.textContent = a.text ? "" : "No article text" + (a.empty_reason ? ": " + a.empty_reason : "") + ".";

    const shown = Object.assign({}, a);
    if (shown.blocks) shown.blocks = "[" + shown.blocks.length + " blocks: see the table]";
    $("raw").textContent = JSON.stringify(shown, null, 2);
  }

  function orderedLabels(blocks) {
    const seen = new Set(blocks.map((b) => b.label));
    const order = [].concat(groups.content || [], groups.metadata || [], groups.husk || []);
    const labels = order.filter((l) => seen.has(l));
    for (const l of seen) if (!labels.includes(l)) labels.push(l);
    return labels;
  }

  function groupOf(label) {
    for (const g of Object.keys(groups)) if ((groups[g] || []).includes(label)) return g;
    return "other";
  }

  function applyFilter() {
    for (const row of document.querySelectorAll("#blocks tbody tr")) {
      row.hidden = hidden.has(row.dataset.label);
    }
    for (const item of document.querySelectorAll("#legend .chip")) {
      item.setAttribute("aria-pressed", hidden.has(item.dataset.label) ? "false" : "true");
    }
  }

  function showBlocks(blocks) {
    const counts = {};
    for (const b of blocks) counts[b.label] = (counts[b.label] || 0) + 1;
    const legend = $("legend");
    legend.replaceChildren();
    for (const label of orderedLabels(blocks)) {
      const chip = el("button", "chip label-" + label + " group-" + groupOf(label));
      chip.type = "button";
      chip.dataset.label = label;
      chip.appendChild(el("span", "chip-name", label));
      chip.appendChild(el("span", "chip-count", counts[label]));
      chip.addEventListener("click", () => {
        if (hidden.has(label)) hidden.delete(label);
        else hidden.add(label);
        applyFilter();
      });
      legend.appendChild(chip);
    }

    const body = document.querySelector("#blocks tbody");
    body.replaceChildren();
    for (const b of blocks) {
      const row = el("tr", "block label-" + b.label + " group-" + groupOf(b.label));
      row.dataset.label = b.label;
      row.dataset.index = b.index;
      row.title = b.label + " · score " + Number(b.score).toFixed(2) + " · " + b.reason;
      if (b.path) row.title += "\n" + b.path;
      row.appendChild(el("td", "idx", b.index));
      const labelCell = el("td", "lab");
      labelCell.appendChild(el("span", "badge", b.label));
      row.appendChild(labelCell);
      const scoreCell = el("td", "score");
      const meter = el("meter");
      meter.min = 0;
      meter.max = 1;
      meter.value = Number(b.score) || 0;
      scoreCell.appendChild(el("span", "num", Number(b.score).toFixed(2)));
      scoreCell.appendChild(meter);
      row.appendChild(scoreCell);
      const textCell = el("td", "btext", b.text);
      if (b.kind && b.kind !== "p" && b.kind !== "line") {
        textCell.prepend(el("span", "kind", b.kind + (b.level ? b.level : "")));
      }
      row.appendChild(textCell);
      row.appendChild(el("td", "reason", b.reason));
      body.appendChild(row);
    }
    $("block-count").textContent = "(" + blocks.length + ")";
    applyFilter();
  }

  function show(article) {
    $("result").hidden = false;
    showArticle(article);
    showBlocks(article.blocks || []);
  }

  form.addEventListener("submit", submit);
  $("clear").addEventListener("click", () => {
    pageBox.value = "";
    fileInput.value = "";
    urlInput.value = "";
    setStatus("", "");
    $("result").hidden = true;
  });
  fileInput.addEventListener("change", () => {
    const file = fileInput.files && fileInput.files[0];
    if (file) setStatus("File chosen: " + file.name + " (" + file.size + " bytes); it is sent instead of the box.", "");
  });
  document.body.classList.add("js");
  loadInfo();
})();
