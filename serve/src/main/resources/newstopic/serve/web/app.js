// newstopic's try-it page: sends an article (or a scraped page) to POST /v1/classify and shows
// the labels, their probabilities and the words that pushed each label. Plain DOM, no framework,
// no build step. Text from the user or the server only ever goes into the page as textContent.
"use strict";

(() => {
  const CLASSIFY_URL = "v1/classify?explain=5&highlight=true";
  const MODELS_URL = "v2/models/";

  const ui = {
    form: document.getElementById("article-form"),
    title: document.getElementById("title"),
    body: document.getElementById("body"),
    classify: document.getElementById("classify"),
    clear: document.getElementById("clear"),
    file: document.getElementById("file"),
    dropzone: document.getElementById("dropzone"),
    results: document.getElementById("results"),
    status: document.getElementById("status"),
    error: document.getElementById("error"),
    modelName: document.getElementById("model-name"),
    modelVersion: document.getElementById("model-version"),
    model: document.getElementById("model"),
  };

  /** The request in flight, aborted when a newer one starts. */
  let inFlight = null;
  /** Model metadata by "name@version": a promise of the metadata, or of null when it cannot be had. */
  const metadata = new Map();
  /** A counter for element ids unique on the page. */
  let nextId = 0;

  // ---- small DOM helpers -------------------------------------------------------------------

  /**
   * Creates an element. `props`: className, text (textContent), attrs (attributes), data
   * (data-* attributes); further arguments are children (nodes or strings, added as text).
   */
  function h(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      if (props.className) node.className = props.className;
      if (props.text !== undefined) node.textContent = props.text;
      if (props.attrs) {
        for (const [name, value] of Object.entries(props.attrs)) {
          if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
        }
      }
      if (props.data) {
        for (const [name, value] of Object.entries(props.data)) node.dataset[name] = String(value);
      }
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function uid(prefix) {
    nextId += 1;
    return `${prefix}-${nextId}`;
  }

  const percent = (p) => `${(p * 100).toFixed(1)}%`;
  const signed = (w, digits) => (w > 0 ? "+" : w < 0 ? "\u2212" : "") + Math.abs(w).toFixed(digits);

  // ---- status, errors, busy state ----------------------------------------------------------

  function showError(message) {
    ui.error.replaceChildren(
      h("strong", { className: "alert-title", text: "Could not classify" }),
      h("span", { className: "alert-message", text: message }));
    ui.error.hidden = false;
  }

  function clearError() {
    ui.error.hidden = true;
    ui.error.replaceChildren();
  }

  function setStatus(text) {
    ui.status.textContent = text;
  }

  function setBusy(busy) {
    ui.classify.disabled = busy;
    ui.classify.classList.toggle("busy", busy);
    ui.results.setAttribute("aria-busy", busy ? "true" : "false");
    document.body.classList.toggle("is-busy", busy);
  }

  /** What the results region shows before the first answer. */
  const emptyState = ui.results.firstElementChild.cloneNode(true);

  function showEmptyState() {
    ui.results.replaceChildren(emptyState.cloneNode(true));
  }

  // ---- talking to the server ---------------------------------------------------------------

  /** Posts a request body to /v1/classify; shows the answer, or the server's error message. */
  async function classify(payload, source) {
    if (inFlight) inFlight.abort();
    const controller = new AbortController();
    inFlight = controller;
    clearError();
    setBusy(true);
    setStatus(`Classifying ${source}\u2026`);
    try {
      let response;
      try {
        response = await fetch(CLASSIFY_URL, {
          method: "POST",
          headers: { "Content-Type": "application/json", "Accept": "application/json" },
          body: JSON.stringify(payload),
          signal: controller.signal,
        });
      } catch (e) {
        if (e.name === "AbortError") return;
        throw new Error(`the server could not be reached (${e.message})`);
      }
      const text = await response.text();
      let answer = null;
      try {
        answer = text ? JSON.parse(text) : null;
      } catch (e) {
        answer = null;
      }
      if (!response.ok) {
        const message = answer && typeof answer.error === "string" ? answer.error
          : `the server answered ${response.status} ${response.statusText}`.trim();
        throw new Error(message);
      }
      if (!answer || !Array.isArray(answer.articles)) {
        throw new Error("the server's answer is not a classification (no \"articles\")");
      }
      const meta = await modelMetadata(answer.model);
      if (controller !== inFlight) return; // a newer request took over meanwhile
      render(answer, meta, source);
    } catch (e) {
      if (controller !== inFlight) return;
      showEmptyState();
      setStatus("");
      showError(e.message);
    } finally {
      if (controller === inFlight) {
        inFlight = null;
        setBusy(false);
      }
    }
  }

  /** The model's metadata from /v2/models/{name}, once per model version; null when unavailable. */
  function modelMetadata(model) {
    if (!model || !model.name) return Promise.resolve(null);
    const key = `${model.name}@${model.version}`;
    if (!metadata.has(key)) {
      metadata.set(key, fetch(MODELS_URL + encodeURIComponent(model.name), { headers: { "Accept": "application/json" } })
        .then((r) => (r.ok ? r.json() : null))
        .catch(() => null));
    }
    return metadata.get(key);
  }

  function classifyForm() {
    classify({ title: ui.title.value, body: ui.body.value }, "the article");
  }

  function readFile(file) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = () => reject(reader.error || new Error("the file could not be read"));
      reader.readAsText(file, "utf-8");
    });
  }

  async function classifyFile(file) {
    if (!file) return;
    if (!/\.txt$/i.test(file.name) && !(file.type || "").startsWith("text/")) {
      showError(`\u201c${file.name}\u201d is not a text page: choose a .txt file.`);
      return;
    }
    let raw;
    try {
      raw = await readFile(file);
    } catch (e) {
      showError(`\u201c${file.name}\u201d could not be read: ${e.message}`);
      return;
    }
    classify({ raw }, `\u201c${file.name}\u201d`);
  }

  // ---- rendering the answer ----------------------------------------------------------------

  function render(answer, meta, source) {
    showModel(answer.model, meta);
    const labels = modelLabels(answer, meta);
    const nodes = [];
    if (Array.isArray(answer.duplicates) && answer.duplicates.length > 0) {
      nodes.push(duplicatesNotice(answer.duplicates));
    }
    answer.articles.forEach((article, i) => nodes.push(renderArticle(article, i, labels, thresholdsOf(meta, labels, article))));
    ui.results.replaceChildren(...nodes);
    const n = answer.articles.length;
    const tagged = answer.articles.map((a) => (a.labels.length ? a.labels.join(", ") : "no label"));
    setStatus(n === 1
      ? `Classified ${source}: ${tagged[0]}.`
      : `Classified ${n} articles from ${source}.`);
  }

  function showModel(model, meta) {
    if (!model) return;
    ui.modelName.textContent = model.name;
    ui.modelVersion.textContent = model.version || "";
    const details = [`${model.name} version ${model.version}`];
    if (meta && meta.parameters) {
      const p = meta.parameters;
      if (Array.isArray(p.labels)) details.push(`labels: ${p.labels.join(", ")}`);
      if (p.mode) details.push(`mode: ${p.mode}`);
      if (p.provenance && p.provenance.createdAt) details.push(`trained: ${p.provenance.createdAt}`);
    }
    ui.model.title = details.join("\n");
  }

  /** The model's label order: the order of "decisions" (the order of every span's weights). */
  function modelLabels(answer, meta) {
    const first = answer.articles[0];
    if (first && first.decisions) return Object.keys(first.decisions);
    if (first && first.scores) return Object.keys(first.scores);
    return meta && meta.parameters && Array.isArray(meta.parameters.labels) ? meta.parameters.labels : [];
  }

  /**
   * Each label's threshold for this article when the model decides labels one by one; else none.
   * Texts under the model's short-text length have thresholds of their own, and the others those
   * of its long-text model when it has one. The length is the shown body's, which can differ from
   * the text's by a few characters (decoded entities): close to the limit the tick is approximate.
   */
  function thresholdsOf(meta, labels, article) {
    const p = meta && meta.parameters;
    if (!p || p.mode !== "multi" || !Array.isArray(p.thresholds) || !Array.isArray(p.labels)) return {};
    const body = article.highlight && article.highlight.body ? article.highlight.body.text : null;
    let cut = p.thresholds;
    if (typeof body === "string" && p.shortText > 0) {
      if (body.length < p.shortText) {
        if (Array.isArray(p.shortThresholds)) cut = p.shortThresholds;
      } else if (p.longTexts && Array.isArray(p.longTexts.thresholds)) {
        cut = p.longTexts.thresholds;
      }
    } else if (p.longTexts) {
      return {}; // without the text's length, which model decided it is unknown
    }
    const out = {};
    p.labels.forEach((label, k) => {
      if (labels.includes(label) && typeof cut[k] === "number") out[label] = cut[k];
    });
    return out;
  }

  function duplicatesNotice(duplicates) {
    const list = h("ul", { className: "duplicates" });
    for (const d of duplicates) list.append(h("li", { text: d.title || "(untitled)" }));
    const n = duplicates.length;
    return h("div", { className: "notice", attrs: { role: "note" } },
      h("p", { text: `The page repeats ${n} article${n === 1 ? "" : "s"}; each is shown once:` }),
      list);
  }

  function renderArticle(article, index, labels, thresholds) {
    const probabilities = article.scores || {};
    const decisions = article.decisions || {};
    const order = labels.length ? labels : Object.keys(probabilities);
    const titleId = uid("article-title");
    const node = h("article", { className: "article", attrs: { "aria-labelledby": titleId } });
    if (article.id !== undefined) node.dataset.id = article.id;

    // headline (highlighted later) and the article's place
    const heading = h("h3", { className: "article-title", attrs: { id: titleId } });
    const head = h("header", { className: "article-head" }, heading);
    if (article.id) head.append(h("p", { className: "article-id", text: article.id }));
    node.append(head);

    // labels assigned
    const chips = h("ul", { className: "labels", attrs: { "aria-label": "Labels assigned" } });
    if (article.labels.length === 0) {
      chips.append(h("li", { className: "no-label", text: "no label" }));
    }
    for (const label of article.labels) {
      chips.append(h("li", { className: "label", text: label, data: { label } }));
    }
    node.append(chips);

    // each label's probability
    const probs = h("div", { className: "probs" });
    for (const label of order) {
      probs.append(probabilityRow(label, probabilities[label], decisions[label] === true, thresholds[label]));
    }
    if (order.some((label) => typeof thresholds[label] === "number")) {
      probs.append(h("p", { className: "probs-note" },
        h("span", { className: "tick", attrs: { "aria-hidden": "true" } }),
        "a label is assigned when its probability reaches its threshold"));
    }
    node.append(probs);

    // highlighted text per label
    const highlight = article.highlight;
    const titleText = highlight && highlight.title ? highlight.title.text : (article.title || "");
    if (!titleText) heading.classList.add("untitled");
    if (!highlight) {
      heading.textContent = titleText || "Untitled article";
      return node;
    }
    node.append(highlightSection(article, order, heading, titleText));
    return node;
  }

  function probabilityRow(label, p, assigned, threshold) {
    const value = typeof p === "number" ? p : 0;
    const fill = h("span", { className: "bar-fill" });
    fill.style.width = `${Math.max(0, Math.min(1, value)) * 100}%`;
    const bar = h("span", {
      className: "bar",
      attrs: {
        role: "meter",
        "aria-label": `${label} probability`,
        "aria-valuemin": 0,
        "aria-valuemax": 100,
        "aria-valuenow": (value * 100).toFixed(1),
        "aria-valuetext": percent(value) + (assigned ? ", assigned" : ""),
      },
    }, fill);
    if (typeof threshold === "number") {
      const tick = h("span", { className: "threshold", attrs: { title: `threshold ${threshold.toFixed(2)}` } });
      tick.style.left = `${Math.max(0, Math.min(1, threshold)) * 100}%`;
      bar.append(tick);
    }
    return h("div", {
      className: assigned ? "prob assigned" : "prob",
      data: { label, assigned },
    },
    h("span", { className: "prob-name", text: label }),
    bar,
    h("span", { className: "prob-value", text: percent(value) }));
  }

  /** The label tabs, the legend, the body text and the strongest n-grams; highlights the headline too. */
  function highlightSection(article, labels, heading, titleText) {
    const section = h("section", { className: "highlight" });
    const panelId = uid("panel");
    const tablist = h("div", {
      className: "tabs",
      attrs: { role: "tablist", "aria-label": "Highlight the words that push" },
    });
    const panel = h("div", { className: "tabpanel", attrs: { role: "tabpanel", id: panelId, tabindex: 0 } });
    const legend = h("p", { className: "legend" });
    const body = h("div", { className: "article-body" });
    const ngrams = h("div", { className: "ngrams" });
    panel.append(legend, body, ngrams);

    const tabs = labels.map((label) => h("button", {
      className: "tab",
      text: label,
      data: { label },
      attrs: { type: "button", role: "tab", id: uid("tab"), "aria-controls": panelId },
    }));
    tablist.append(h("span", { className: "tabs-label", text: "Highlight words for", attrs: { "aria-hidden": "true" } }), ...tabs);

    const select = (label, focus) => {
      const k = labels.indexOf(label);
      tabs.forEach((tab, i) => {
        const on = i === k;
        tab.setAttribute("aria-selected", on ? "true" : "false");
        tab.tabIndex = on ? 0 : -1;
        if (on) {
          panel.setAttribute("aria-labelledby", tab.id);
          if (focus) tab.focus();
        }
      });
      section.dataset.label = label;
      const parts = [article.highlight.title, article.highlight.body];
      const scale = maxWeight(parts, k);
      renderText(heading, titleText, (article.highlight.title || {}).spans, k, label, scale, false);
      if (!titleText) heading.textContent = "Untitled article";
      renderText(body, (article.highlight.body || {}).text || "", (article.highlight.body || {}).spans, k, label, scale, true);
      renderLegend(legend, label);
      renderNgrams(ngrams, article.explanations && article.explanations[label], label);
    };

    tabs.forEach((tab, i) => {
      tab.addEventListener("click", () => select(labels[i], false));
      tab.addEventListener("keydown", (e) => {
        let j = -1;
        if (e.key === "ArrowRight" || e.key === "ArrowDown") j = (i + 1) % tabs.length;
        else if (e.key === "ArrowLeft" || e.key === "ArrowUp") j = (i - 1 + tabs.length) % tabs.length;
        else if (e.key === "Home") j = 0;
        else if (e.key === "End") j = tabs.length - 1;
        if (j >= 0) {
          e.preventDefault();
          select(labels[j], true);
        }
      });
    });

    section.append(tablist, panel);
    select(defaultLabel(article, labels), false);
    return section;
  }

  /** The most probable assigned label, else the most probable label. */
  function defaultLabel(article, labels) {
    const p = article.scores || {};
    const byProbability = (a, b) => (p[b] || 0) - (p[a] || 0);
    const assigned = article.labels.filter((l) => labels.includes(l)).sort(byProbability);
    if (assigned.length) return assigned[0];
    return [...labels].sort(byProbability)[0];
  }

  function maxWeight(parts, k) {
    let max = 0;
    for (const part of parts) {
      if (!part || !Array.isArray(part.spans)) continue;
      for (const span of part.spans) max = Math.max(max, Math.abs(span[2 + k] || 0));
    }
    return max;
  }

  /**
   * Fills `target` with `text`, its weighted words as <mark>s coloured by their weight for label
   * `k`. With `paragraphs`, blank lines start a new paragraph and single line breaks a new line.
   */
  function renderText(target, text, spans, k, label, scale, paragraphs) {
    target.replaceChildren();
    let block = paragraphs ? h("p") : target;
    const flush = () => {
      if (paragraphs && block.childNodes.length) target.append(block);
      block = paragraphs ? h("p") : target;
    };
    const plain = (s) => {
      if (!s) return;
      if (!paragraphs) {
        block.append(document.createTextNode(s));
        return;
      }
      // blank lines separate paragraphs; a single newline breaks the line
      const pieces = s.split(/(\n[ \t]*\n\s*|\n)/);
      for (const piece of pieces) {
        if (piece === "") continue;
        if (/^\n[ \t]*\n/.test(piece)) flush();
        else if (piece === "\n") block.append(h("br"));
        else block.append(document.createTextNode(piece));
      }
    };
    let cursor = 0;
    for (const span of spans || []) {
      const [start, end] = span;
      const w = span[2 + k] || 0;
      if (start < cursor || end > text.length || end <= start || w === 0) continue;
      plain(text.slice(cursor, start));
      block.append(mark(text.slice(start, end), w, label, scale));
      cursor = end;
    }
    plain(text.slice(cursor));
    if (paragraphs) flush();
  }

  function mark(word, w, label, scale) {
    const strength = scale > 0 ? Math.abs(w) / scale : 0;
    const node = h("mark", {
      className: w > 0 ? "w-pos" : "w-neg",
      text: word,
      data: { weight: w },
      attrs: { title: `${label} ${signed(w, 3)}${w > 0 ? " (toward)" : " (away)"}` },
    });
    node.style.setProperty("--strength", strength.toFixed(3));
    return node;
  }

  function renderLegend(legend, label) {
    legend.replaceChildren(
      h("span", { className: "legend-item" }, h("span", { className: "swatch w-pos", attrs: { "aria-hidden": "true" } }),
        `toward ${label}`),
      h("span", { className: "legend-item" }, h("span", { className: "swatch w-neg", attrs: { "aria-hidden": "true" } }),
        `away from ${label}`),
      h("span", { className: "legend-note", text: "Stronger colour, stronger push. Hover a word for its weight." }));
  }

  function renderNgrams(target, contributions, label) {
    target.replaceChildren();
    if (!Array.isArray(contributions) || contributions.length === 0) return;
    const list = h("ol", { className: "ngram-list" });
    for (const c of contributions) {
      list.append(h("li", { className: c.weight > 0 ? "ngram w-pos" : "ngram w-neg" },
        h("span", { className: "ngram-text", text: c.ngram }),
        h("span", { className: "ngram-weight", text: signed(c.weight, 2) })));
    }
    target.append(
      h("h4", { className: "ngrams-title", text: `Strongest n-grams for ${label}` },
        h("span", { className: "ngrams-note", text: " (stemmed)" })),
      list);
  }

  // ---- wiring ------------------------------------------------------------------------------

  ui.form.addEventListener("submit", (e) => {
    e.preventDefault();
    classifyForm();
  });

  document.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !e.altKey) {
      e.preventDefault();
      classifyForm();
    }
  });

  ui.clear.addEventListener("click", () => {
    if (inFlight) inFlight.abort();
    inFlight = null;
    setBusy(false);
    ui.title.value = "";
    ui.body.value = "";
    clearError();
    setStatus("");
    showEmptyState();
    ui.title.focus();
  });

  ui.file.addEventListener("change", () => {
    const file = ui.file.files && ui.file.files[0];
    classifyFile(file).finally(() => {
      ui.file.value = ""; // choosing the same file again classifies it again
    });
  });

  // a file dropped anywhere on the page is read; the drop zone shows where it goes
  const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes("Files");
  let dragDepth = 0;
  document.addEventListener("dragenter", (e) => {
    if (!hasFiles(e)) return;
    dragDepth += 1;
    ui.dropzone.classList.add("dragging");
  });
  document.addEventListener("dragleave", (e) => {
    if (!hasFiles(e)) return;
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) ui.dropzone.classList.remove("dragging");
  });
  document.addEventListener("dragover", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
  });
  document.addEventListener("drop", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    dragDepth = 0;
    ui.dropzone.classList.remove("dragging");
    classifyFile(e.dataTransfer.files[0]);
  });
})();
