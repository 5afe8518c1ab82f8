(function () {
  "use strict";
  // One handler set per view; everything is looked up inside its own section, and all
  // text reaches the page through textContent, never as markup.
  function quotesOf(el) {
    var q = el.getAttribute("data-q");
    return q ? q.split(" ") : [];
  }
  function setup(view) {
    var data = JSON.parse(view.querySelector(".qv-data").textContent);
    var tip = view.querySelector(".qv-tip");
    var text = view.querySelector(".qv-text");
    var current = null;
    function line(label, value) {
      var div = document.createElement("div");
      var b = document.createElement("b");
      b.textContent = label + ": ";
      div.appendChild(b);
      div.appendChild(document.createTextNode(value));
      return div;
    }
    function activate(index, anchor) {
      if (current === index) { return; }
      deactivate();
      current = index;
      var segs = text.querySelectorAll("[data-q]");
      for (var i = 0; i < segs.length; i++) {
        if (quotesOf(segs[i]).indexOf(index) >= 0) { segs[i].classList.add("active"); }
      }
      var item = view.querySelector('.qv-item[data-index="' + index + '"]');
      if (item) { item.classList.add("active"); }
      var q = data[Number(index)];
      if (!q || !anchor) { return; }
      tip.textContent = "";
      tip.appendChild(line("Speaker", q.speaker ? q.speaker + " (" + q.speaker_type + ")" : "none found"));
      tip.appendChild(line("Chain", q.chain || "—"));
      tip.appendChild(line("Kind", q.kind + ", " + (q.medium || "medium unknown") + ", confidence " + q.confidence));
      if (q.cue) { tip.appendChild(line("Cue", q.cue)); }
      var box = anchor.getBoundingClientRect();
      var root = view.getBoundingClientRect();
      tip.style.left = Math.max(0, box.left - root.left) + "px";
      tip.style.top = (box.bottom - root.top + 6) + "px";
      tip.hidden = false;
    }
    function deactivate() {
      if (current === null) { return; }
      var on = view.querySelectorAll(".active");
      for (var i = 0; i < on.length; i++) { on[i].classList.remove("active"); }
      tip.hidden = true;
      current = null;
    }
    function innermost(el) {
      var seg = el.closest ? el.closest("[data-q]") : null;
      if (!seg || !text.contains(seg)) { return null; }
      var qs = quotesOf(seg);
      return qs.length ? { index: qs[qs.length - 1], seg: seg } : null;
    }
    function onEnter(event) {
      var hit = innermost(event.target);
      if (hit) { activate(hit.index, hit.seg); } else { deactivate(); }
    }
    text.addEventListener("mouseover", onEnter);
    text.addEventListener("focusin", onEnter);
    text.addEventListener("mouseleave", deactivate);
    text.addEventListener("focusout", deactivate);
    var buttons = view.querySelectorAll(".qv-go");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function (event) {
        var index = event.currentTarget.getAttribute("data-index");
        var first = text.querySelector('[data-first="' + index + '"]');
        if (first) {
          first.scrollIntoView({ block: "center" });
          first.focus();
          activate(index, first);
        }
      });
    }
    // A link to "#<view>-q<index>" (the report's table links so) opens that quotation.
    var hash = window.location.hash.slice(1);
    var prefix = view.id + "-q";
    if (hash.indexOf(prefix) === 0 && /^[0-9]+$/.test(hash.slice(prefix.length))) {
      var index = hash.slice(prefix.length);
      var first = text.querySelector('[data-first="' + index + '"]');
      if (first) {
        first.scrollIntoView({ block: "center" });
        activate(index, first);
      }
    }
  }
  var views = document.querySelectorAll(".quotes-view");
  for (var i = 0; i < views.length; i++) {
    if (!views[i].hasAttribute("data-ready")) {
      views[i].setAttribute("data-ready", "");
      setup(views[i]);
    }
  }
})();
