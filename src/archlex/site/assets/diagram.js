/* archlex site: pan and zoom for the interactive diagrams (archlex's own, no library).
 *
 * Each <figure data-archlex-diagram> holds an inline SVG whose boxes and lines are links.
 * Zooming changes the SVG's viewBox, so the drawing stays sharp. Ways in:
 *   - the buttons above it (zoom in, zoom out, the whole diagram), at its middle or, for a
 *     figure marked data-archlex-zoom-from="corner", at its top left corner;
 *   - keys while focus is in the figure: + and - zoom, 0 shows it whole, arrows pan
 *     (arrows only on the diagram's box itself, so they still scroll the page from a link);
 *   - a drag pans, two fingers pinch, Ctrl (or a trackpad pinch) with the wheel zooms at the
 *     pointer; the plain wheel scrolls the page as everywhere else.
 * A drag never opens the link it started on; a click does.
 */
(function () {
  "use strict";
  var MAX_ZOOM = 12;
  var STEP = 1.4;
  var DRAG = 5; // pixels a pointer moves before a press becomes a drag

  function setup(figure) {
    if (figure.getAttribute("data-archlex-ready")) return;
    var svg = figure.querySelector("svg");
    var view = figure.querySelector(".archlex-diagram__view");
    var tools = figure.querySelector(".archlex-diagram__tools");
    if (!svg || !view || !svg.viewBox || !svg.viewBox.baseVal) return;
    figure.setAttribute("data-archlex-ready", "1");
    var base = svg.viewBox.baseVal;
    var home = { x: base.x, y: base.y, w: base.width, h: base.height };
    var box = { x: home.x, y: home.y, w: home.w, h: home.h };

    function apply() {
      var zoomed = box.w < home.w * 0.999;
      box.x = Math.min(Math.max(box.x, home.x), home.x + home.w - box.w);
      box.y = Math.min(Math.max(box.y, home.y), home.y + home.h - box.h);
      svg.setAttribute("viewBox", [box.x, box.y, box.w, box.h].join(" "));
      figure.classList.toggle("is-zoomed", zoomed);
    }

    function zoomAt(factor, cx, cy) {
      var w = Math.min(home.w, Math.max(home.w / MAX_ZOOM, box.w / factor));
      var ratio = w / box.w;
      box.x = cx - (cx - box.x) * ratio;
      box.y = cy - (cy - box.y) * ratio;
      box.w = w;
      box.h = home.h * (w / home.w);
      apply();
    }

    // A chart read from its top left corner (the Gantt chart's labels and years) is zoomed
    // by the buttons and keys from there, so its labels stay in sight; a diagram from its middle.
    var fromCorner = figure.getAttribute("data-archlex-zoom-from") === "corner";

    function zoomCentre(factor) {
      if (fromCorner) zoomAt(factor, box.x, box.y);
      else zoomAt(factor, box.x + box.w / 2, box.y + box.h / 2);
    }

    function reset() {
      box = { x: home.x, y: home.y, w: home.w, h: home.h };
      apply();
    }

    function toDrawing(clientX, clientY) {
      var matrix = svg.getScreenCTM();
      if (!matrix) return { x: box.x + box.w / 2, y: box.y + box.h / 2 };
      var point = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
      return { x: point.x, y: point.y };
    }

    function unitsPerPixel() {
      var matrix = svg.getScreenCTM();
      return matrix && matrix.a ? 1 / matrix.a : box.w / Math.max(svg.clientWidth, 1);
    }

    function pan(dxPixels, dyPixels) {
      var units = unitsPerPixel();
      box.x -= dxPixels * units;
      box.y -= dyPixels * units;
      apply();
    }

    tools.hidden = false;
    tools.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-zoom]");
      if (!button) return;
      var action = button.getAttribute("data-zoom");
      if (action === "in") zoomCentre(STEP);
      else if (action === "out") zoomCentre(1 / STEP);
      else reset();
    });

    figure.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      var key = event.key;
      var handled = true;
      if (key === "+" || key === "=") zoomCentre(STEP);
      else if (key === "-" || key === "_") zoomCentre(1 / STEP);
      else if (key === "0") reset();
      else if (event.target === view && key.indexOf("Arrow") === 0) {
        var step = 60;
        pan(
          key === "ArrowLeft" ? step : key === "ArrowRight" ? -step : 0,
          key === "ArrowUp" ? step : key === "ArrowDown" ? -step : 0
        );
      } else handled = false;
      if (handled) event.preventDefault();
    });

    view.addEventListener(
      "wheel",
      function (event) {
        if (!event.ctrlKey && !event.metaKey) return;
        event.preventDefault();
        var at = toDrawing(event.clientX, event.clientY);
        zoomAt(Math.pow(1.0015, -event.deltaY), at.x, at.y);
      },
      { passive: false }
    );

    var pointers = {};
    var gesture = null;

    function spread() {
      var ids = Object.keys(pointers);
      if (ids.length < 2) return null;
      var a = pointers[ids[0]];
      var b = pointers[ids[1]];
      return {
        distance: Math.hypot(a.x - b.x, a.y - b.y),
        x: (a.x + b.x) / 2,
        y: (a.y + b.y) / 2,
      };
    }

    view.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) return;
      pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
      gesture = { x: event.clientX, y: event.clientY, moved: false, pinch: spread() };
    });

    view.addEventListener("pointermove", function (event) {
      var last = pointers[event.pointerId];
      if (!last || !gesture) return;
      var now = { x: event.clientX, y: event.clientY };
      var pinch = spread();
      pointers[event.pointerId] = now;
      if (pinch) {
        var after = spread();
        if (pinch.distance > 0) {
          var at = toDrawing(after.x, after.y);
          zoomAt(after.distance / pinch.distance, at.x, at.y);
        }
        gesture.moved = true;
        return;
      }
      if (!gesture.moved && Math.hypot(now.x - gesture.x, now.y - gesture.y) < DRAG) return;
      if (!gesture.moved) {
        gesture.moved = true;
        view.setPointerCapture(event.pointerId); // only now: a click must reach its link
        figure.classList.add("is-dragging");
      }
      pan(now.x - last.x, now.y - last.y);
    });

    function release(event) {
      delete pointers[event.pointerId];
      if (Object.keys(pointers).length) return;
      figure.classList.remove("is-dragging");
      if (gesture && gesture.moved) {
        // The click that ends a drag (it comes before any timer) does not follow the link
        // the drag started on; a drag that ends without a click leaves the next one alone.
        var swallow = function (click) {
          click.preventDefault();
          click.stopPropagation();
        };
        view.addEventListener("click", swallow, true);
        setTimeout(function () {
          view.removeEventListener("click", swallow, true);
        }, 0);
      }
      gesture = null;
    }
    view.addEventListener("pointerup", release);
    view.addEventListener("dragstart", function (event) {
      event.preventDefault(); // a link in the drawing is panned, not dragged away
    });
    view.addEventListener("pointercancel", function (event) {
      delete pointers[event.pointerId];
      figure.classList.remove("is-dragging");
      gesture = null;
    });
    apply();
  }

  // The PNG of a diagram the build drew as SVG only: the SVG drawn on a canvas at its own
  // size in CSS pixels (96 dpi, as Graphviz writes a PNG), on white, then saved. Where the
  // browser refuses (a page opened from disk taints the canvas), the link opens the SVG.
  function pngLink(holder) {
    var link = holder.querySelector("a");
    if (!link || holder.getAttribute("data-archlex-ready")) return;
    holder.setAttribute("data-archlex-ready", "1");
    holder.hidden = false;
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var svg = link.href;
      var image = new Image();
      function fallBack() {
        window.location.href = svg;
      }
      image.onerror = fallBack;
      image.onload = function () {
        var canvas = document.createElement("canvas");
        canvas.width = Math.max(1, Math.round(image.naturalWidth));
        canvas.height = Math.max(1, Math.round(image.naturalHeight));
        var context = canvas.getContext("2d");
        if (!context) return fallBack();
        context.fillStyle = "#ffffff";
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        try {
          canvas.toBlob(function (blob) {
            if (!blob) return fallBack();
            var save = document.createElement("a");
            save.href = URL.createObjectURL(blob);
            save.download = link.getAttribute("download") || "diagram.png";
            document.body.appendChild(save);
            save.click();
            save.remove();
            setTimeout(function () {
              URL.revokeObjectURL(save.href);
            }, 1000);
          }, "image/png");
        } catch (error) {
          fallBack();
        }
      };
      image.src = svg;
    });
  }

  function setupAll() {
    document.querySelectorAll("figure[data-archlex-diagram]").forEach(setup);
    document.querySelectorAll("[data-archlex-png]").forEach(pngLink);
  }
  if (typeof document$ !== "undefined" && document$.subscribe) document$.subscribe(setupAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setupAll);
  else setupAll();
})();
