// The alerts page: choose a band and a town, see that list's links.
// Without this script the page lists every list with its links; with it,
// the two menus are shown, the chosen list's links appear under them, and
// the full list is folded away behind its summary.
// No framework and no network: it copies the list's item already on the page.
(function () {
  "use strict";
  var form = document.getElementById("alert-form");
  var result = document.getElementById("alert-result");
  if (!form || !result) {
    return;
  }
  var band = form.elements.band;
  var town = form.elements.town;
  var items = document.querySelectorAll(".app-alert-list__item");

  function chosenName(select) {
    return select.options[select.selectedIndex].text;
  }

  function show() {
    var found = null;
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      if (item.getAttribute("data-band") === band.value && item.getAttribute("data-town") === town.value) {
        found = item;
        break;
      }
    }
    while (result.firstChild) {
      result.removeChild(result.firstChild);
    }
    var heading = document.createElement("h2");
    heading.className = "nhsuk-heading-m";
    heading.textContent = "Your links";
    result.appendChild(heading);
    if (found) {
      var copy = found.cloneNode(true);
      var list = document.createElement("ul");
      list.className = "nhsuk-list";
      copy.removeAttribute("class");
      list.appendChild(copy);
      result.appendChild(list);
    } else {
      var none = document.createElement("p");
      none.textContent = "No job has been advertised for " + chosenName(band) + " in " + chosenName(town) +
        " yet, so there is no list for both. Follow the band or the town on its own instead.";
      result.appendChild(none);
    }
    result.hidden = false;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  band.addEventListener("change", show);
  town.addEventListener("change", show);
  form.hidden = false;
  // The full list stays a click away; the menus are the quicker way now.
  var everyList = document.getElementById("every-list");
  if (everyList) {
    everyList.open = false;
  }
  show();
})();
