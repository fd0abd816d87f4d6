// Keeps a page true between builds: once the reader's clock passes a
// vacancy's closing moment (its data-closes attribute, an ISO 8601 moment
// with its offset), its card leaves the list and its own page reads closed,
// without the Apply buttons. Without JavaScript the page stays as built, and
// the next scheduled build removes the vacancy for everyone.
(function () {
  "use strict";

  function passed(element, now) {
    var closes = Date.parse(element.getAttribute("data-closes"));
    return !isNaN(closes) && closes <= now;
  }

  function update() {
    var now = Date.now();
    document.querySelectorAll("li[data-closes]").forEach(function (card) {
      if (passed(card, now)) {
        card.hidden = true;
      }
    });
    var advert = document.querySelector("article[data-closes]");
    if (advert && passed(advert, now) && !advert.hasAttribute("data-closed")) {
      advert.setAttribute("data-closed", "");
      advert.querySelectorAll(".app-apply, .app-print-only").forEach(function (apply) {
        apply.hidden = true;
      });
      advert.querySelectorAll("[data-closed-notice]").forEach(function (notice) {
        notice.hidden = false;
      });
      document.title = document.title.replace(/^([^:]*)/, "$1 (closed)");
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
  // A page left open stays true too.
  setInterval(update, 60 * 1000);
})();
