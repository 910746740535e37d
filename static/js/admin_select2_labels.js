/* The admin's autocomplete fields (select2) say which field they are: select2 names its combobox only by
   the chosen value, so screen readers and axe find a field without a name. Here each combobox is named by
   the field's <label> and its value, and the value's span loses the textbox role it does not act as.
   Runs for the fields on the page and for those in inline rows added later. */
(function () {
  "use strict";
  function name(selection) {
    var container = selection.closest(".select2-container");
    var select = container && container.previousElementSibling;
    if (!select || select.tagName !== "SELECT" || !select.id) return;
    var label = document.querySelector('label[for="' + select.id + '"]');
    var rendered = selection.querySelector(".select2-selection__rendered");
    if (rendered) {
      rendered.removeAttribute("role");
      rendered.removeAttribute("aria-readonly");
    }
    if (label) {
      if (!label.id) label.id = select.id + "-label";
      selection.setAttribute("aria-labelledby", label.id + (rendered && rendered.id ? " " + rendered.id : ""));
    } else if (select.getAttribute("aria-label")) {
      selection.setAttribute("aria-label", select.getAttribute("aria-label"));
      selection.removeAttribute("aria-labelledby");
    }
  }
  function nameAll(root) {
    root.querySelectorAll(".select2-selection[role='combobox']").forEach(name);
  }
  document.addEventListener("DOMContentLoaded", function () {
    nameAll(document);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) nameAll(node.matches(".select2-selection") ? node.parentNode : node);
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  });
  window.addEventListener("load", function () { nameAll(document); });
})();
