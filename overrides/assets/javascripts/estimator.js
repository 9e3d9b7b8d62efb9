/*
 * Cost estimator on the prices pages. hooks/website/estimator.py renders it hidden, with its data as JSON:
 * each length's price without VAT and its VAT in whole cents (computed by the same Python function
 * as the price table) and the pieces of the site's money format. This script shows the estimator
 * and multiplies: whole cents only, never euros as floating-point numbers, so every sum is exact
 * and equals what the build would print. No dependencies, no network.
 *
 * A dated change in the price file (a new price or VAT rate from a given day) comes as a later set
 * of figures in "schedule": the script uses the set in force on the visitor's own date, so the
 * estimate is right on the day even if the site was built before it, and it tells the next change.
 */
(function () {
  "use strict";

  /* Babel's format rebuilt from its pieces: "2 160,00 €" (fi), "€2,160.00" (en). */
  function money(cents, format) {
    var whole = String(Math.floor(cents / 100));
    var fraction = String(cents % 100);
    var groups = [];
    var size = format.grouping[0];
    while (whole.length > size) {
      groups.unshift(whole.slice(-size));
      whole = whole.slice(0, -size);
      size = format.grouping[1];
    }
    groups.unshift(whole);
    return format.prefix + groups.join(format.group) + format.decimal +
      (fraction.length < 2 ? "0" : "") + fraction + format.suffix;
  }

  /* A whole number in the field's range, or the message that says what to write instead. */
  function read(input, rule) {
    var text = input.value.trim();
    if (!text) return { error: rule.empty };
    if (!/^-?\d+$/.test(text)) return { error: rule.whole };
    var number = parseInt(text, 10);
    if (number < rule.min || number > rule.max) return { error: rule.range };
    return { value: number };
  }

  function show(input, error) {
    var message = document.getElementById(input.id + "-error");
    var hint = input.id + "-hint";
    message.textContent = error || "";
    message.hidden = !error;
    if (error) {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", hint + " " + message.id);
    } else {
      input.removeAttribute("aria-invalid");
      input.setAttribute("aria-describedby", hint);
    }
  }

  /* The visitor's date as YYYY-MM-DD, which compares as text with the schedule's "from". */
  function today() {
    var now = new Date();
    var pad = function (number) { return (number < 10 ? "0" : "") + number; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  /* The figures in force today, and the next change after today (or none). */
  function sets(data) {
    var current = { durations: data.durations, rateLabel: data.rateLabel };
    var next = null;
    data.schedule.forEach(function (set) {
      if (set.from <= today()) current = set;
      else if (!next) next = set;
    });
    return { current: current, next: next };
  }

  function setUp(root) {
    if (root.hasAttribute("data-ready")) return;
    root.setAttribute("data-ready", "");
    var data = JSON.parse(root.querySelector('script[type="application/json"]').textContent);
    var select = root.querySelector('[data-field="minutes"]');
    var inputs = root.querySelectorAll("input[data-field]");
    var figures = root.querySelector(".cost-estimator__figures");
    var fix = root.querySelector(".cost-estimator__fix");

    function value(name) {
      return root.querySelector('[data-value="' + name + '"]');
    }

    var chosen = sets(data);
    value("vat").previousElementSibling.textContent = data.vatLabel.replace("{rate}", chosen.current.rateLabel);

    function row(set) {
      return set.durations.filter(function (item) {
        return String(item.minutes) === select.value;
      })[0];
    }

    function update() {
      var count = 1;
      var wrong = [];
      Array.prototype.forEach.call(inputs, function (input) {
        var result = read(input, data.fields[input.getAttribute("data-field")]);
        show(input, result.error);
        if (result.error) wrong.push(input.labels[0].textContent);
        else count *= result.value;
      });
      var price = row(chosen.current);
      var later = chosen.next && row(chosen.next);
      var change = value("change");
      figures.hidden = wrong.length > 0;
      change.hidden = wrong.length > 0 || !later;
      fix.hidden = !wrong.length;
      fix.textContent = wrong.length ? data.fix.replace("{fields}", wrong.join(", ")) : "";
      if (wrong.length) return;
      value("count").textContent = String(count);
      value("net").textContent = money(price.net * count, data.money);
      value("vat").textContent = money(price.vat * count, data.money);
      value("gross").textContent = money((price.net + price.vat) * count, data.money);
      change.textContent = later
        ? data.change.replace("{date}", chosen.next.date)
            .replace("{gross}", money((later.net + later.vat) * count, data.money))
            .replace("{net}", money(later.net * count, data.money))
        : "";
    }

    /* The figures change at every keystroke, but a screen reader should hear the result once the
       typing pauses (typing "12" would first announce the result for 1): the live region is busy
       until then. */
    var output = root.querySelector("output");
    var settled;
    function typed() {
      update();
      output.setAttribute("aria-busy", "true");
      clearTimeout(settled);
      settled = setTimeout(function () { output.setAttribute("aria-busy", "false"); }, 600);
    }

    root.addEventListener("input", typed);
    root.addEventListener("change", update);
    update();
    root.hidden = false;
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-cost-estimator]"), setUp);
  }

  /* Material's instant loading (if ever turned on) swaps pages without reloading scripts and
     announces each new page on document$; otherwise the page is parsed already (defer). */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else {
    init();
  }
})();
