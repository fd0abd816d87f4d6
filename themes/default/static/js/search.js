// careers: the search page. Loads the site's search index (the bundle the
// build writes under pagefind/), runs the keyword and the ticked filters
// as the candidate types, and shows the results as the site's own cards,
// from the <template id="search-result"> of the page. No framework, no
// request beyond the site's own files. The search is kept in the address
// (?q=nurse&town=Dartford&sort=closes), so it can be shared and bookmarked.

const PAGE = 20;

const form = document.querySelector("[data-search-form]");
const fallback = document.querySelector("[data-search-fallback]");
const status = form && form.querySelector("[data-search-status]");
const list = form && form.querySelector("[data-search-results]");
const more = form && form.querySelector("[data-search-more]");
const card = document.getElementById("search-result");

/** The filter names of the page, in its order. */
const filterNames = form
  ? [...new Set([...form.querySelectorAll(".nhsuk-checkboxes__input")].map((box) => box.name))]
  : [];

function jobs(n) {
  return n === 1 ? "1 job" : `${n} jobs`;
}

/** The keyword, the ticked values of each filter and the sort order. */
function chosen() {
  const data = new FormData(form);
  const filters = {};
  for (const name of filterNames) {
    const values = data.getAll(name);
    if (values.length) filters[name] = values;
  }
  const q = String(data.get("q") || "").trim();
  return { q, filters, sort: String(data.get("sort") || "relevance") };
}

/** The form as the address shows it. */
function toAddress({ q, filters, sort }) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  for (const [name, values] of Object.entries(filters)) {
    for (const value of values) params.append(name, value);
  }
  if (sort !== "relevance") params.set("sort", sort);
  const query = params.toString();
  return query ? `?${query}` : location.pathname;
}

/** Ticks and fills the form from the address. */
function fromAddress() {
  const params = new URLSearchParams(location.search);
  form.elements.q.value = params.get("q") || "";
  for (const box of form.querySelectorAll(".nhsuk-checkboxes__input")) {
    box.checked = params.getAll(box.name).includes(box.value);
  }
  const sort = params.get("sort");
  const select = form.elements.sort;
  select.value = [...select.options].some((o) => o.value === sort) ? sort : "relevance";
}

/** Pagefind's filter argument: any of the ticked values of each filter. */
function anyOf(filters) {
  const out = {};
  for (const [name, values] of Object.entries(filters)) out[name] = { any: values };
  return out;
}

function sortOf({ q, sort }) {
  if (sort === "closes") return { closes: "asc" };
  if (sort === "newest" || !q) return { newest: "asc" };
  return {};
}

/** A result card from the page's template and a record's fields. */
function render(fields) {
  const item = card.content.firstElementChild.cloneNode(true);
  for (const el of item.querySelectorAll("[data-if]")) {
    if (!fields[el.dataset.if]) el.remove();
  }
  for (const el of item.querySelectorAll("[data-field]")) {
    el.textContent = fields[el.dataset.field] || "";
    for (const [key, field] of Object.entries(el.dataset)) {
      const attribute = key.match(/^field([A-Z].*)$/);
      if (!attribute) continue;
      // A draft's placeholder date has no moment: no stand-in datetime.
      const name = attribute[1].toLowerCase();
      if (fields[field]) el.setAttribute(name, fields[field]);
      else el.removeAttribute(name);
    }
  }
  return item;
}

let pagefind;
let shown = [];
let next = 0;
let generation = 0;

async function showMore() {
  const mine = generation;
  const batch = shown.slice(next, next + PAGE);
  const records = await Promise.all(batch.map((result) => result.data()));
  if (mine !== generation) return;
  const now = Date.now();
  for (const record of records) {
    const fields = { ...record.meta, url: record.url };
    if (fields.status === "draft") fields.draft = "true";
    if (fields.status === "future") fields.future = "true";
    if (fields.draft || fields.future) delete fields.new;
    const item = render(fields);
    if (fields.status === "open") {
      // As on the lists: closing.js hides the card once this moment passes,
      // and one that closed since the build is not shown at all.
      item.dataset.closes = fields.closes_iso;
      if (Date.parse(fields.closes_iso) <= now) continue;
    }
    list.append(item);
  }
  next += batch.length;
  more.hidden = next >= shown.length;
}

/** Sets each checkbox's count: how many jobs ticking it would show. */
function showCounts(counts) {
  for (const box of form.querySelectorAll(".nhsuk-checkboxes__input")) {
    const n = counts[box.name]?.[box.value] ?? 0;
    const label = form.querySelector(`[data-search-count-of="${CSS.escape(box.id)}"]`);
    if (label) label.textContent = `(${n})`;
  }
}

async function search() {
  const mine = ++generation;
  const query = chosen();
  history.replaceState(null, "", toAddress(query));
  const term = query.q || null;
  const result = await pagefind.search(term, { filters: anyOf(query.filters), sort: sortOf(query) });
  // Counts for a filter with ticked values leave that filter out, so each
  // count is what ticking one more value of it would add.
  const counts = { ...result.filters };
  await Promise.all(
    Object.keys(query.filters).map(async (name) => {
      const others = { ...query.filters };
      delete others[name];
      const without = await pagefind.search(term, { filters: anyOf(others) });
      counts[name] = without.filters[name];
    }),
  );
  if (mine !== generation) return;
  shown = result.results;
  next = 0;
  list.replaceChildren();
  showCounts(counts);
  const filtered = Object.keys(query.filters).length > 0;
  status.textContent =
    shown.length === 0
      ? "No open jobs match. Try fewer words or filters."
      : `${jobs(shown.length)} ${query.q || filtered ? "match" : "open now"}.`;
  await showMore();
  // How many searches have been shown, for tests to wait on.
  form.dataset.searchDone = String(Number(form.dataset.searchDone || 0) + 1);
}

async function start() {
  if (!form || !card) return;
  const bundle = new URL(form.dataset.searchBundle, document.baseURI);
  pagefind = await import(bundle.href);
  await pagefind.options({ excerptLength: 0 });
  await pagefind.init();
  // Loads every filter's index, so each search counts every value.
  await pagefind.filters();
  fromAddress();
  // A filter with a ticked value is shown open, and so is the first one
  // on a screen wide enough to show the filters beside the results.
  const wide = matchMedia("(min-width: 48.0625em)").matches;
  form.querySelectorAll("details").forEach((details, i) => {
    if (details.querySelector(":checked") || (wide && i === 0)) details.open = true;
  });
  form.hidden = false;
  fallback.hidden = true;
  let typing;
  form.addEventListener("input", (event) => {
    clearTimeout(typing);
    typing = setTimeout(search, event.target.type === "search" ? 250 : 0);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    search();
  });
  more.addEventListener("click", showMore);
  form.querySelector("[data-search-clear]")?.addEventListener("click", (event) => {
    event.preventDefault();
    for (const box of form.querySelectorAll(".nhsuk-checkboxes__input")) box.checked = false;
    search();
  });
  await search();
}

start().catch((error) => {
  // The fallback stays: it says what still works.
  console.error("careers search could not start:", error);
});
