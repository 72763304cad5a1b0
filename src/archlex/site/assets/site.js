/* archlex site: tables wider than the page scroll inside a box that the theme draws; make
   that box reachable from the keyboard, so it can be scrolled without a mouse (WCAG 2.1.1). */
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", "Table, scrolls sideways");
  });
});
