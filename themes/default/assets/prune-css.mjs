// Remove from compiled CSS the selectors of library features that the theme
// never uses, to keep careers.css small. Sass cannot leave them out: they sit
// in the same Sass modules as the parts we need (care cards inside card,
// header search and account inside header, and so on).
//
// Usage: node prune-css.mjs IN.css OUT.css
//
// Works on Sass output: a selector list is split on top-level commas (outside
// parentheses, brackets and strings); the selectors matching PRUNE are
// dropped; a rule left with no selector is dropped, and so is an @media,
// @supports or @container block left empty. Declarations are never changed.
// No dependency: plain Node.js. Deterministic.
//
// A pattern ends in (?![a-z0-9]) rather than \b so that it also matches the
// class's BEM elements and modifiers (`__x`, `--x`, `-x`).
// To get a feature back, delete its line below and run ./build.sh.

import { readFileSync, writeFileSync } from "node:fs";

const PRUNE = [
  // Care cards (non-urgent, urgent, emergency): clinical triage only.
  /\.nhsuk-card--care(?![a-z0-9])/,
  // Deprecated card classes (to be removed in nhsuk-frontend v11).
  /\.nhsuk-card__content--(feature|primary|secondary)(?![a-z0-9])/,
  /\.nhsuk-card__heading--feature(?![a-z0-9])/,
  // Deprecated table classes (to be removed in nhsuk-frontend v11); use
  // `nhsuk-table--responsive` and the scroll wrapper instead.
  /\.nhsuk-table-responsive(?![a-z0-9])/,
  /\.nhsuk-table-container(?![a-z0-9])/,
  /\.nhsuk-table__panel-with-heading-tab(?![a-z0-9])/,
  /\.nhsuk-table__heading-tab(?![a-z0-9])/,
  // Deprecated warning callout classes; the warning callout is now
  // `nhsuk-card nhsuk-card--warning`.
  /\.nhsuk-warning-callout(?![a-z0-9])/,
  // Header account (login) links: a static careers site has none. (The
  // header search form and the text input are kept: the header searches
  // the site's vacancies.)
  /\.nhsuk-header__account(?![a-z0-9])/,
  /\.nhsuk-error-message(?![a-z0-9])/,
  /\.nhsuk-form-group--error(?![a-z0-9])/,
  // The search input's cancel button is drawn with an image the theme does
  // not ship; browsers draw their own.
  /::-webkit-search-/,
  // Reverse variants, for use on dark blue backgrounds (hero, blue panels),
  // which the theme does not have.
  /\.nhsuk-[a-z-]+--reverse(?![a-z0-9])/,
  // Login button (NHS login) and warning button (destructive actions).
  /\.nhsuk-button--(login|warning)(?![a-z0-9])/,
  // Sortable tables (sorting on the client needs JavaScript).
  /\[aria-sort(?![a-z0-9])/,
  /\[data-sort(?![a-z0-9])/,
  // Expander (a boxed variant of details); plain details is kept.
  /\.nhsuk-expander(?![a-z0-9])/,
];

// Index of the first character in `stops` at depth 0, outside strings,
// parentheses and brackets, from i on; s.length if none.
function scan(s, i, stops) {
  let depth = 0;
  let quote = null;
  for (; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "\\") {
      i++;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === "(" || c === "[") {
      depth++;
    } else if (c === ")" || c === "]") {
      depth--;
    } else if (depth === 0 && stops.includes(c)) {
      return i;
    }
  }
  return i;
}

function splitSelectors(prelude) {
  const out = [];
  let i = 0;
  while (i <= prelude.length) {
    const j = scan(prelude, i, ",");
    out.push(prelude.slice(i, j));
    i = j + 1;
  }
  return out;
}

// s[open] is "{": index of the matching "}".
function blockEnd(s, open) {
  let depth = 0;
  let i = open;
  for (;;) {
    i = scan(s, i, "{}");
    if (i >= s.length) throw new Error(`unbalanced braces after offset ${open}`);
    depth += s[i] === "{" ? 1 : -1;
    if (depth === 0) return i;
    i++;
  }
}

const CONDITIONAL = /^\s*@(media|supports|container|layer|document)\b/;
const stats = { selectors: 0, rules: 0 };

// A list of statements: rules, at-rules with blocks, at-rules ending in ";".
function prune(s) {
  let out = "";
  let i = 0;
  while (i < s.length) {
    const j = scan(s, i, "{};");
    if (j >= s.length) {
      out += s.slice(i);
      break;
    }
    if (s[j] === ";") {
      out += s.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (s[j] === "}") throw new Error(`unexpected "}" at offset ${j}`);
    const prelude = s.slice(i, j);
    const end = blockEnd(s, j);
    const body = s.slice(j + 1, end);
    if (CONDITIONAL.test(prelude)) {
      const inner = prune(body);
      if (inner.trim()) out += `${prelude}{${inner}}`;
    } else if (prelude.trimStart().startsWith("@")) {
      // @font-face, @page, @keyframes...: kept as they are
      out += `${prelude}{${body}}`;
    } else {
      const selectors = splitSelectors(prelude);
      const kept = selectors.filter((sel) => !PRUNE.some((re) => re.test(sel)));
      stats.selectors += selectors.length - kept.length;
      if (kept.length) out += `${kept.join(",")}{${body}}`;
      else stats.rules++;
    }
    i = end + 1;
  }
  return out;
}

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node prune-css.mjs IN.css OUT.css");
  process.exit(2);
}
const css = readFileSync(input, "utf8");
const pruned = prune(css);
writeFileSync(output, pruned);
console.error(
  `prune-css: removed ${stats.selectors} selectors (${stats.rules} whole rules); ` +
    `${Buffer.byteLength(css)} -> ${Buffer.byteLength(pruned)} bytes`,
);
