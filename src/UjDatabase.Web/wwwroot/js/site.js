// Progressive enhancement only: every feature of the pages works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Sorting applies as soon as an order is chosen.
  for (const select of document.querySelectorAll("select[data-autosubmit]")) {
    select.addEventListener("change", () => select.form.submit());
  }
  for (const button of document.querySelectorAll("[data-hide-with-js]")) {
    button.hidden = true;
  }

  // Long facet lists can be narrowed by typing; the hidden part of the list opens while a filter is typed.
  for (const input of document.querySelectorAll("input[data-facet-filter]")) {
    input.hidden = false;
    const facet = input.closest(".facet");
    input.addEventListener("input", () => {
      const needle = input.value.trim().toLocaleLowerCase();
      for (const item of facet.querySelectorAll("li")) {
        const label = item.querySelector(".label")?.textContent.toLocaleLowerCase() ?? "";
        item.hidden = needle.length > 0 && !label.includes(needle);
      }
      const details = facet.querySelector("details");
      if (details && needle.length > 0) {
        details.open = true;
      }
    });
  }
});

// Charts: offer a PNG download, drawn from the inline SVG on a canvas.
document.addEventListener("DOMContentLoaded", () => {
  for (const link of document.querySelectorAll("a[data-svg-to-png]")) {
    const figure = link.closest("figure");
    const svg = figure?.querySelector("svg");
    if (!svg) continue;
    link.closest("[data-png-link]").hidden = false;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const data = new XMLSerializer().serializeToString(svg);
      const image = new Image();
      image.onload = () => {
        const canvas = document.createElement("canvas");
        canvas.width = svg.viewBox.baseVal.width * 2;
        canvas.height = svg.viewBox.baseVal.height * 2;
        const context = canvas.getContext("2d");
        context.scale(2, 2);
        context.drawImage(image, 0, 0);
        const a = document.createElement("a");
        a.href = canvas.toDataURL("image/png");
        a.download = link.getAttribute("download");
        a.click();
      };
      image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(data);
    });
  }
});
