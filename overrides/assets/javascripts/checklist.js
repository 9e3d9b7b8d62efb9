/*
 * Self-reflection checklists (toipumisorientaatio/itsearviointi).
 *
 * Finds the task lists inside <div class="checklist" data-checklist="NAME">, makes their
 * checkboxes usable, keeps the ticks in localStorage (only in this browser, on this device),
 * restores them on load, and wires the "Clear ticks" buttons. No dependencies, no network.
 * On pages without checklists it does nothing.
 */
(function () {
  "use strict";

  var PREFIX = "metodi:checklist:";
  var READY = "data-checklist-ready";

  /* localStorage may be missing or throw (private mode, blocked storage): then ticks just
     are not remembered. */
  function getStorage() {
    try {
      var storage = window.localStorage;
      var probe = PREFIX + "probe";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
      return storage;
    } catch (error) {
      return null;
    }
  }

  function read(storage, key) {
    if (!storage) return null;
    try {
      return storage.getItem(key);
    } catch (error) {
      return null;
    }
  }

  function write(storage, key, ticked) {
    if (!storage) return;
    try {
      if (ticked) storage.setItem(key, "1");
      else storage.removeItem(key);
    } catch (error) {
      /* Storage full or blocked: the tick still shows, it is just not remembered. */
    }
  }

  /* The same page in the same language always gets the same key, with or without index.html. */
  function pageKey() {
    return window.location.pathname.replace(/index\.html?$/, "");
  }

  /* An item's own text: everything in the <li> except the checkbox and any nested list. */
  function itemText(item) {
    var text = "";
    for (var node = item.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 1 && /^(UL|OL|INPUT)$/.test(node.nodeName)) continue;
      text += node.textContent;
    }
    return text.replace(/\s+/g, " ").trim();
  }

  function hasName(input) {
    if (input.getAttribute("aria-label") || input.getAttribute("aria-labelledby")) return true;
    var labels = input.labels || [];
    for (var i = 0; i < labels.length; i++) {
      if (labels[i].textContent.trim()) return true;
    }
    return false;
  }

  /* Fallback when the build did not put the item text in a <label>: name the checkbox from the
     item text, and wrap the text in a <label> so clicking the text toggles the box too. */
  function ensureName(input, item) {
    if (hasName(input)) return;
    var text = itemText(item);
    if (!text) return;
    input.setAttribute("aria-label", text);
    if (input.parentNode !== item) return;
    var label = document.createElement("label");
    label.className = "task-list-label";
    var node = input;
    while (node && !(node.nodeType === 1 && /^(UL|OL|P|DIV)$/.test(node.nodeName))) {
      var next = node.nextSibling;
      label.appendChild(node);
      node = next;
    }
    item.insertBefore(label, node);
  }

  function status(button) {
    var message = button.getAttribute("data-cleared");
    if (!message) return;
    var region = button.parentNode.querySelector(".checklist-status");
    if (!region) {
      region = document.createElement("span");
      region.className = "checklist-status";
      region.setAttribute("role", "status");
      button.insertAdjacentElement("afterend", region);
    }
    region.textContent = "";
    window.setTimeout(function () {
      region.textContent = message;
    }, 50);
  }

  function setUp(list, storage, page) {
    if (list.hasAttribute(READY)) return;
    list.setAttribute(READY, "");
    var name = list.getAttribute("data-checklist") || "list";
    var inputs = list.querySelectorAll('.task-list-item input[type="checkbox"]');
    var keys = [];

    Array.prototype.forEach.call(inputs, function (input, index) {
      var key = PREFIX + page + ":" + name + ":" + index;
      keys.push(key);
      input.disabled = false;
      input.removeAttribute("disabled");
      var item = input.closest(".task-list-item");
      if (item) ensureName(input, item);
      input.checked = read(storage, key) === "1";
      input.addEventListener("change", function () {
        write(storage, key, input.checked);
      });
    });

    Array.prototype.forEach.call(list.querySelectorAll(".checklist-clear"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        Array.prototype.forEach.call(inputs, function (input, index) {
          input.checked = false;
          write(storage, keys[index], false);
        });
        status(button);
      });
    });
  }

  function init() {
    var lists = document.querySelectorAll(".checklist[data-checklist]");
    if (!lists.length) return;
    var storage = getStorage();
    var page = pageKey();
    Array.prototype.forEach.call(lists, function (list) {
      setUp(list, storage, page);
    });
  }

  /* Material's instant loading (if ever turned on) swaps pages without reloading scripts and
     announces each new page on document$; otherwise the page is parsed already (defer). */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
